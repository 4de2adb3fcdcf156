// Turns anything thrown at the UI into what an alert shows. Background errors arrive in English
// already (PimError.message/hint); the UI's own failures get localized text.
import { isPimError, type PimErrorKind } from '../core/errors';
import type { FieldErrors } from '../core/param-errors';
import { SvgSanitizeError } from '../shared/svg-sanitize-error';
import { t } from './i18n';

export interface ErrorView {
  kind: PimErrorKind;
  message: string;
  hint: string;
  status?: number;
  transactionId?: string;
  retryAfterSeconds?: number;
  serverMessage?: string;
  fieldErrors?: FieldErrors;
}

/** Kinds whose fix lives in the options page, so the alert offers to open it. */
const FIXED_IN_OPTIONS: ReadonlySet<PimErrorKind> = new Set(['not-configured', 'credentials-rejected', 'permission-denied']);

export function fixedInOptions(kind: PimErrorKind): boolean {
  return FIXED_IN_OPTIONS.has(kind);
}

export function toErrorView(error: unknown): ErrorView {
  if (isPimError(error)) {
    const view: ErrorView = { kind: error.kind, message: error.message, hint: error.hint };
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
  return { kind: 'internal', message: t('errorInternal'), hint: t('errorInternalHint') };
}
