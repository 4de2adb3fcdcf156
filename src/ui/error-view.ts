// Turns anything thrown at the UI into what an alert shows. Background errors arrive in English
// (PimError.message/hint): the headline and the standard hint are localized by kind, and a more
// specific English sentence is kept as a detail line under the headline. The UI's own failures
// carry localized text already.
import { ERROR_TEXT, isPimError, type PimErrorKind } from '../core/errors';
import type { FieldErrors } from '../core/param-errors';
import { SvgSanitizeError } from '../shared/svg-sanitize-error';
import { type MessageKey, t } from './i18n';

export interface ErrorView {
  kind: PimErrorKind;
  /** The headline, in the user's language. */
  message: string;
  /** A more specific sentence than the headline (it may be English: it comes from the background). */
  detail?: string;
  hint: string;
  status?: number;
  transactionId?: string;
  retryAfterSeconds?: number;
  serverMessage?: string;
  fieldErrors?: FieldErrors;
}

/** An error the UI made itself, its text already localized: shown as it is. */
export class LocalizedError extends Error {
  override readonly name = 'LocalizedError';
  constructor(readonly view: ErrorView) {
    super(view.message);
  }
}

// Keys written out in full: chrome.i18n keys allow no '-', and the catalogue test looks for each.
const KIND_MESSAGE: Readonly<Record<PimErrorKind, MessageKey>> = {
  'not-configured': 'errKind_not_configured',
  'permission-denied': 'errKind_permission_denied',
  'invalid-parameters': 'errKind_invalid_parameters',
  'credentials-rejected': 'errKind_credentials_rejected',
  forbidden: 'errKind_forbidden',
  'not-found': 'errKind_not_found',
  'rate-limited': 'errKind_rate_limited',
  'server-error': 'errKind_server_error',
  'unexpected-status': 'errKind_unexpected_status',
  network: 'errKind_network',
  timeout: 'errKind_timeout',
  cancelled: 'errKind_cancelled',
  'unreadable-response': 'errKind_unreadable_response',
  internal: 'errKind_internal',
};

const KIND_HINT: Readonly<Record<PimErrorKind, MessageKey>> = {
  'not-configured': 'errHint_not_configured',
  'permission-denied': 'errHint_permission_denied',
  'invalid-parameters': 'errHint_invalid_parameters',
  'credentials-rejected': 'errHint_credentials_rejected',
  forbidden: 'errHint_forbidden',
  'not-found': 'errHint_not_found',
  'rate-limited': 'errHint_rate_limited',
  'server-error': 'errHint_server_error',
  'unexpected-status': 'errHint_unexpected_status',
  network: 'errHint_network',
  timeout: 'errHint_timeout',
  cancelled: 'errHint_cancelled',
  'unreadable-response': 'errHint_unreadable_response',
  internal: 'errHint_internal',
};

/** What every error of this kind says, in the user's language. */
export function kindText(kind: PimErrorKind): { message: string; hint: string } {
  return { message: t(KIND_MESSAGE[kind]), hint: t(KIND_HINT[kind]) };
}

/** Kinds whose fix lives in the options page, so the alert offers to open it. */
const FIXED_IN_OPTIONS: ReadonlySet<PimErrorKind> = new Set(['not-configured', 'credentials-rejected', 'permission-denied']);

export function fixedInOptions(kind: PimErrorKind): boolean {
  return FIXED_IN_OPTIONS.has(kind);
}

export function toErrorView(error: unknown): ErrorView {
  if (error instanceof LocalizedError) return error.view;
  if (isPimError(error)) {
    const standard = ERROR_TEXT[error.kind];
    const localized = kindText(error.kind);
    const view: ErrorView = {
      kind: error.kind,
      message: localized.message,
      hint: error.hint === standard.hint ? localized.hint : error.hint,
    };
    // The server's own words are shown once, as "Server: …".
    if (error.message !== standard.message && error.message !== error.serverMessage) view.detail = error.message;
    if (error.status !== undefined) view.status = error.status;
    if (error.transactionId !== undefined) view.transactionId = error.transactionId;
    if (error.retryAfterSeconds !== undefined) view.retryAfterSeconds = error.retryAfterSeconds;
    if (error.serverMessage !== undefined) view.serverMessage = error.serverMessage;
    if (error.fieldErrors !== undefined) view.fieldErrors = error.fieldErrors;
    return view;
  }
  if (error instanceof SvgSanitizeError) {
    return { kind: 'unreadable-response', message: t('errorUnsafeSvg'), hint: t('errorUnsafeSvgHint') };
  }
  // Unknown errors may carry anything (a URL, a stack): their text is not shown.
  return { kind: 'internal', ...kindText('internal') };
}
