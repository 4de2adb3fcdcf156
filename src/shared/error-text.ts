// Errors in words: a code and its values become a headline, a detail line and a hint in the reader's
// language, from the catalogue alone (`err_<code>`, `err_<code>_detail`, `err_<code>_hint`, else the
// kind's `errKind_<kind>` and `errHint_<kind>`). The same words in the popup, the options page, the
// content script's notices and the worker's.
import { type ErrorParams, type ErrorParamValue, isPimErrorKind, kindOf, paramNamesOf, type PimErrorCode } from '../core/error-codes';
import { toErrorData } from '../core/errors';
import { formatBytes, formatMoment } from './format';
import { optionalMessage, t } from './i18n';

export interface ErrorText {
  headline: string;
  /** What exactly happened, when the headline alone does not say. */
  detail?: string;
  /** What to do next. */
  hint?: string;
}

// chrome.i18n keys allow no '-'.
const keyPart = (name: string) => name.replace(/-/g, '_');

/**
 * Sizes travel in bytes (`…Bytes`) and read as "2 MB", moments in epoch ms (`…At`) and read as a time
 * or date; other numbers are formatted by the lookup.
 */
function shown(name: string, value: ErrorParamValue | undefined): ErrorParamValue {
  if (value === undefined) return '';
  if (typeof value !== 'number') return value;
  if (name.endsWith('Bytes')) return formatBytes(value);
  return name.endsWith('At') ? formatMoment(value, Date.now()) : value;
}

export function errorText(error: { code: PimErrorCode; params?: ErrorParams | undefined }): ErrorText {
  const kind = keyPart(kindOf(error.code));
  const values = paramNamesOf(error.code).map((name) => shown(name, error.params?.[name]));
  const own = (suffix: string) => optionalMessage(`err_${keyPart(error.code)}${suffix}`, values);
  // Without a catalogue (an extension reloaded under a content script) the code is still something to report.
  const text: ErrorText = { headline: own('') || optionalMessage(`errKind_${kind}`) || error.code };
  const detail = own('_detail');
  if (detail) text.detail = detail;
  const hint = own('_hint') || optionalMessage(`errHint_${kind}`);
  if (hint) text.hint = hint;
  return text;
}

/** What an error of this kind is called, for a line with no room for more (the request log). */
export function kindText(kind: unknown): string {
  return isPimErrorKind(kind) ? optionalMessage(`errKind_${keyPart(kind)}`) : '';
}

/** The notice a page shows when a QR could not be placed there (it has no popup to answer in). */
export function placeFailedNotice(error: unknown): string {
  return t('content_placeFailed', errorText(toErrorData(error)).headline);
}
