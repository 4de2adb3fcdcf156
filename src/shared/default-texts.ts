// The default QR title and description in the reader's language: the QR image prints them. The
// worker and the pages read them from the catalogue; src/core only compares and swaps them.
import { DEFAULT_PARAMS, type DefaultTexts, localizeDefaults, type QrParams } from '../core/params';
import { optionalMessage } from './i18n';

export function defaultTexts(): DefaultTexts {
  return {
    title: optionalMessage('defaultQrTitle') || DEFAULT_PARAMS.title,
    description: optionalMessage('defaultQrDescription') || DEFAULT_PARAMS.description,
  };
}

/** The shipped defaults, in the reader's language. */
export function localDefaultParams(): QrParams {
  return localizeDefaults(DEFAULT_PARAMS, defaultTexts());
}
