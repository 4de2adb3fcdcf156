import type { FieldErrors } from './param-errors';
import { PARAM_FIELDS } from './params';

/**
 * Every way a QR request can fail, as data. The kind decides what the user is told to do next;
 * it travels between the background and the UI as `PimErrorData`.
 */
export const PIM_ERROR_KINDS = [
  'not-configured',
  'permission-denied',
  'invalid-parameters',
  'credentials-rejected',
  'forbidden',
  'not-found',
  'rate-limited',
  'server-error',
  'unexpected-status',
  'network',
  'timeout',
  'cancelled',
  'unreadable-response',
  'internal',
] as const;

export type PimErrorKind = (typeof PIM_ERROR_KINDS)[number];

export function isPimErrorKind(value: unknown): value is PimErrorKind {
  return typeof value === 'string' && (PIM_ERROR_KINDS as readonly string[]).includes(value);
}

/** English defaults, kept in one table so the UI can localize by kind. */
export const ERROR_TEXT: Readonly<Record<PimErrorKind, { message: string; hint: string }>> = {
  'not-configured': {
    message: 'No client ID and secret are set for this environment.',
    hint: 'Enter the client ID and secret in Options, or use the Sandbox environment.',
  },
  'permission-denied': {
    message: 'The extension may not contact this API host yet.',
    hint: 'Allow access to the host when asked (Options → environment → Grant access).',
  },
  'invalid-parameters': {
    message: 'Some QR settings are not valid.',
    hint: 'Correct the highlighted fields and try again.',
  },
  'credentials-rejected': {
    message: 'KPN rejected the client credentials.',
    hint: 'Check the client ID and secret in Options.',
  },
  forbidden: {
    message: 'KPN refused access to the PiM ID API.',
    hint: 'Is the app subscribed to the PiM ID product in the KPN API Store?',
  },
  'not-found': {
    message: 'The API address does not exist.',
    hint: "Check the environment's base URL and paths in Options.",
  },
  'rate-limited': {
    message: 'Too many requests: KPN asked to slow down.',
    hint: 'Wait a moment and try again.',
  },
  'server-error': {
    message: 'The KPN service had a problem.',
    hint: 'Try again in a minute; if it keeps failing, contact KPN support with the transaction ID.',
  },
  'unexpected-status': {
    message: 'The API gave an unexpected answer.',
    hint: "Check the environment's base URL and paths in Options.",
  },
  network: {
    message: 'The API could not be reached.',
    hint: "Check your internet connection and the environment's base URL.",
  },
  timeout: {
    message: 'The API took too long to answer.',
    hint: 'Try again; if it keeps happening, the service may be slow or down.',
  },
  cancelled: {
    message: 'The request was cancelled.',
    hint: 'Start it again when you are ready.',
  },
  'unreadable-response': {
    message: "The server's answer could not be read as a QR image.",
    hint: 'Try again; if it keeps happening, the API may have changed. Check the request log.',
  },
  internal: {
    message: 'Something went wrong inside the extension.',
    hint: 'Try again; if it keeps happening, reload the extension.',
  },
};

export interface PimErrorDetails {
  message?: string;
  hint?: string;
  status?: number;
  transactionId?: string;
  retryAfterSeconds?: number;
  serverMessage?: string;
  fieldErrors?: FieldErrors;
}

/** The plain-object form that crosses the message boundary. */
export interface PimErrorData extends PimErrorDetails {
  kind: PimErrorKind;
  message: string;
  hint: string;
}

export class PimError extends Error {
  override readonly name = 'PimError';
  readonly kind: PimErrorKind;
  readonly hint: string;
  readonly status?: number;
  readonly transactionId?: string;
  readonly retryAfterSeconds?: number;
  readonly serverMessage?: string;
  readonly fieldErrors?: FieldErrors;

  constructor(kind: PimErrorKind, details: PimErrorDetails = {}) {
    super(details.message ?? ERROR_TEXT[kind].message);
    this.kind = kind;
    this.hint = details.hint ?? ERROR_TEXT[kind].hint;
    if (details.status !== undefined) this.status = details.status;
    if (details.transactionId !== undefined) this.transactionId = details.transactionId;
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
    if (details.serverMessage !== undefined) this.serverMessage = details.serverMessage;
    if (details.fieldErrors !== undefined) this.fieldErrors = details.fieldErrors;
  }
}

export function isPimError(value: unknown): value is PimError {
  return value instanceof PimError;
}

/**
 * Any thrown value → safe data. Unknown errors become 'internal' with the generic text: their own
 * message may come from anywhere (a stack, a URL with a secret) and is not shown.
 */
export function toErrorData(error: unknown): PimErrorData {
  if (error instanceof PimError) return pickData(error);
  const parsed = parseErrorData(error);
  if (parsed) return parsed;
  return { kind: 'internal', ...ERROR_TEXT.internal };
}

/** Rebuilds a PimError on the receiving side; malformed data becomes 'internal'. */
export function fromErrorData(data: unknown): PimError {
  const parsed = parseErrorData(data) ?? { kind: 'internal', ...ERROR_TEXT.internal };
  return new PimError(parsed.kind, parsed);
}

function pickData(e: PimError): PimErrorData {
  const data: PimErrorData = { kind: e.kind, message: e.message, hint: e.hint };
  if (e.status !== undefined) data.status = e.status;
  if (e.transactionId !== undefined) data.transactionId = e.transactionId;
  if (e.retryAfterSeconds !== undefined) data.retryAfterSeconds = e.retryAfterSeconds;
  if (e.serverMessage !== undefined) data.serverMessage = e.serverMessage;
  if (e.fieldErrors !== undefined) data.fieldErrors = e.fieldErrors;
  return data;
}

function parseErrorData(value: unknown): PimErrorData | undefined {
  if (typeof value !== 'object' || value === null || value instanceof Error) return undefined;
  const v = value as Record<string, unknown>;
  if (!isPimErrorKind(v.kind)) return undefined;
  const text = ERROR_TEXT[v.kind];
  const data: PimErrorData = {
    kind: v.kind,
    message: typeof v.message === 'string' ? v.message : text.message,
    hint: typeof v.hint === 'string' ? v.hint : text.hint,
  };
  if (typeof v.status === 'number' && Number.isInteger(v.status)) data.status = v.status;
  if (typeof v.transactionId === 'string') data.transactionId = v.transactionId;
  if (typeof v.retryAfterSeconds === 'number' && Number.isFinite(v.retryAfterSeconds)) {
    data.retryAfterSeconds = v.retryAfterSeconds;
  }
  if (typeof v.serverMessage === 'string') data.serverMessage = v.serverMessage;
  const fieldErrors = parseFieldErrors(v.fieldErrors);
  if (fieldErrors) data.fieldErrors = fieldErrors;
  return data;
}

// Field errors come back from another context: keep only entries shaped like ours.
function parseFieldErrors(value: unknown): FieldErrors | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const out: Record<string, unknown> = {};
  for (const [field, error] of Object.entries(value)) {
    if (!(PARAM_FIELDS as readonly string[]).includes(field)) continue;
    if (typeof error !== 'object' || error === null) continue;
    const e = error as Record<string, unknown>;
    if (typeof e.code === 'string' && typeof e.message === 'string' && e.field === field) out[field] = { ...e };
  }
  return Object.keys(out).length > 0 ? (out as FieldErrors) : undefined;
}
