import {
  type ErrorParams,
  type ErrorParamValue,
  isPimErrorCode,
  kindOf,
  paramNamesOf,
  type ParamsOf,
  type PimErrorCode,
  type PimErrorKind,
  type PlainErrorCode,
} from './error-codes';
import { type FieldErrors, parseParamError } from './param-errors';
import { PARAM_FIELDS } from './params';
import { replaceControlCharacters } from './control-characters';
import { isBelievableWait } from './retry-after';

export {
  ERROR_CODES,
  type ErrorParams,
  type ErrorParamValue,
  isPimErrorCode,
  isPimErrorKind,
  kindOf,
  PIM_ERROR_KINDS,
  type PimErrorCode,
  type PimErrorKind,
  type PlainErrorCode,
} from './error-codes';

/** Facts beside the code: none of them is a sentence of ours, so none needs translating. */
export interface PimErrorDetails {
  status?: number;
  transactionId?: string;
  retryAfterSeconds?: number;
  /** KPN's (or the gateway's) own words, shown as a quote. */
  serverMessage?: string;
  fieldErrors?: FieldErrors;
}

/** The plain-object form that crosses the message boundary. */
export interface PimErrorData extends PimErrorDetails {
  kind: PimErrorKind;
  code: PimErrorCode;
  params?: ErrorParams;
}

/** A code that shows values must be given them, by name; a code that shows none takes none. */
type PimErrorArgs =
  | [code: PlainErrorCode, details?: PimErrorDetails]
  | { [C in Exclude<PimErrorCode, PlainErrorCode>]: [code: C, details: PimErrorDetails & { params: ParamsOf<C> }] }[Exclude<
      PimErrorCode,
      PlainErrorCode
    >];

export class PimError extends Error {
  override readonly name = 'PimError';
  readonly kind: PimErrorKind;
  readonly code: PimErrorCode;
  readonly params?: ErrorParams;
  readonly status?: number;
  readonly transactionId?: string;
  readonly retryAfterSeconds?: number;
  readonly serverMessage?: string;
  readonly fieldErrors?: FieldErrors;

  // The message is the code: it is for logs only, and the UI renders the code in the user's language.
  constructor(...[code, details = {}]: PimErrorArgs) {
    super(code);
    this.code = code;
    this.kind = kindOf(code);
    if ('params' in details) this.params = details.params;
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

const INTERNAL: PimErrorData = { kind: 'internal', code: 'internal' };

/**
 * Any thrown value → safe data. Unknown errors become 'internal': their own message may come from
 * anywhere (a stack, a URL with a secret) and is not shown.
 */
export function toErrorData(error: unknown): PimErrorData {
  if (error instanceof PimError) return pickData(error);
  return parseErrorData(error) ?? { ...INTERNAL };
}

/** Rebuilds a PimError on the receiving side; malformed data becomes 'internal'. */
export function fromErrorData(data: unknown): PimError {
  const parsed = parseErrorData(data) ?? INTERNAL;
  // parseErrorData checked that the params are exactly the code's.
  const args = [parsed.code, parsed] as PimErrorArgs;
  return new PimError(...args);
}

function pickData(e: PimError): PimErrorData {
  const data: PimErrorData = { kind: e.kind, code: e.code };
  if (e.params !== undefined) data.params = e.params;
  if (e.status !== undefined) data.status = e.status;
  if (e.transactionId !== undefined) data.transactionId = e.transactionId;
  if (e.retryAfterSeconds !== undefined) data.retryAfterSeconds = e.retryAfterSeconds;
  if (e.serverMessage !== undefined) data.serverMessage = e.serverMessage;
  if (e.fieldErrors !== undefined) data.fieldErrors = e.fieldErrors;
  return data;
}

// What another context sends is shown to the user: values are capped, like KPN's own words.
const MAX_TEXT = 500;

function parseErrorData(value: unknown): PimErrorData | undefined {
  if (typeof value !== 'object' || value === null || value instanceof Error) return undefined;
  const v = value as Record<string, unknown>;
  if (!isPimErrorCode(v.code) || v.kind !== kindOf(v.code)) return undefined;
  const data: PimErrorData = { kind: kindOf(v.code), code: v.code };
  const params = parseParams(v.code, v.params);
  if (params === undefined) return undefined;
  if (Object.keys(params).length > 0) data.params = params;
  if (typeof v.status === 'number' && Number.isInteger(v.status)) data.status = v.status;
  if (typeof v.transactionId === 'string') data.transactionId = replaceControlCharacters(v.transactionId.slice(0, MAX_TEXT));
  if (isBelievableWait(v.retryAfterSeconds)) {
    data.retryAfterSeconds = v.retryAfterSeconds;
  }
  if (typeof v.serverMessage === 'string') data.serverMessage = replaceControlCharacters(v.serverMessage.slice(0, MAX_TEXT));
  const fieldErrors = parseFieldErrors(v.fieldErrors);
  if (fieldErrors) data.fieldErrors = fieldErrors;
  return data;
}

/** Exactly the values the code's message shows, each text or a finite number; otherwise undefined. */
function parseParams(code: PimErrorCode, value: unknown): ErrorParams | undefined {
  const names = paramNamesOf(code);
  if (names.length === 0) return {};
  if (typeof value !== 'object' || value === null) return undefined;
  const given = value as Record<string, unknown>;
  const params: Record<string, ErrorParamValue> = {};
  for (const name of names) {
    const item = given[name];
    if (typeof item === 'string') params[name] = item.slice(0, MAX_TEXT);
    else if (typeof item === 'number' && Number.isFinite(item)) params[name] = item;
    else return undefined;
  }
  return params;
}

// Field errors come back from another context: keep only entries shaped like ours.
function parseFieldErrors(value: unknown): FieldErrors | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const out: Record<string, unknown> = {};
  for (const [field, error] of Object.entries(value)) {
    if (!(PARAM_FIELDS as readonly string[]).includes(field)) continue;
    const parsed = parseParamError(field, error);
    if (parsed) out[field] = parsed;
  }
  return Object.keys(out).length > 0 ? (out as FieldErrors) : undefined;
}
