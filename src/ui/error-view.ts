// Turns anything thrown at the UI into what an alert shows: the code and its values, which the alert
// words in the user's language when it shows them (src/shared/error-text.ts, loaded with the alert),
// and the facts beside them. Nothing of an error's own text is shown but KPN's words, which the alert
// quotes as KPN's.
import type { ErrorParams } from '../core/error-codes';
import { isPimError, type PimErrorCode, type PimErrorKind, PimError } from '../core/errors';
import type { FieldErrors } from '../core/param-errors';
import { SvgSanitizeError } from '../shared/svg-sanitize-error';

export interface ErrorView {
  kind: PimErrorKind;
  code: PimErrorCode;
  /** The values the code's words show. */
  params?: ErrorParams;
  /** What to do, where the catalogue's hint does not fit the page (options-error-view.ts). */
  hint?: string;
  status?: number;
  transactionId?: string;
  retryAfterSeconds?: number;
  /** KPN's own words, untranslated by nature: shown as a quote. */
  serverMessage?: string;
  /** Shown at the form's fields, not in the alert. */
  fieldErrors?: FieldErrors;
}

/** Codes whose fix lives in the options page, so the alert offers to open it. */
const FIXED_IN_OPTIONS: ReadonlySet<PimErrorCode> = new Set<PimErrorCode>([
  'not-configured',
  'secret-bound-elsewhere',
  'credentials-rejected',
  'token-call-failed',
  'host-not-granted',
  'stored-host-invalid',
]);

export function fixedInOptions(code: PimErrorCode): boolean {
  return FIXED_IN_OPTIONS.has(code);
}

export function toErrorView(error: unknown): ErrorView {
  // The sanitizer's reasons are for developers; the user learns that the image was refused.
  const pim = isPimError(error) ? error : new PimError(error instanceof SvgSanitizeError ? 'svg-refused' : 'internal');
  const view: ErrorView = { kind: pim.kind, code: pim.code };
  if (pim.params !== undefined) view.params = pim.params;
  if (pim.status !== undefined) view.status = pim.status;
  if (pim.transactionId !== undefined) view.transactionId = pim.transactionId;
  // A quota error names the moment of its reset already: a countdown beside it says it twice.
  if (pim.retryAfterSeconds !== undefined && pim.code !== 'quota-used-up-until') view.retryAfterSeconds = pim.retryAfterSeconds;
  if (pim.serverMessage !== undefined) view.serverMessage = pim.serverMessage;
  if (pim.fieldErrors !== undefined) view.fieldErrors = pim.fieldErrors;
  return view;
}
