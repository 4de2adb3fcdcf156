import { afterEach, describe, expect, it } from 'vitest';
import nl from '../../../public/_locales/nl/messages.json';
import { ERROR_CODES, type PimErrorCode, type PlainErrorCode } from '../../../src/core/error-codes';
import { PimError } from '../../../src/core/errors';
import { optionsErrorView } from '../../../src/options/options-error-view';
import { errorText } from '../../../src/shared/error-text';
import { setMessageLookup } from '../../../src/shared/i18n';
import { type ErrorView, toErrorView } from '../../../src/ui/error-view';
import { enMessage, formatMessage } from '../setup-i18n';

const dutch: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = nl;
const nlMessage = (key: string, substitutions?: readonly string[]) => {
  const entry = dutch[key];
  return entry ? formatMessage(entry, substitutions) : '';
};
const codes = Object.keys(ERROR_CODES) as PimErrorCode[];
// Hints take no values, so every code is built without its own.
const errorOf = (code: PimErrorCode) => new PimError(code as PlainErrorCode);
/** The hint an alert shows for a view: the page's own, else the catalogue's. */
const shownHint = (view: ErrorView) => view.hint ?? errorText(view).hint ?? '';

describe('errors on the options page', () => {
  afterEach(() => setMessageLookup(enMessage));

  it.each([
    ['English', enMessage, /\bOptions\b/],
    ['Dutch', nlMessage, /\bOpties\b/],
  ] as const)('in %s, no hint sends the reader to the page they are on', (_language, lookup, optionsPage) => {
    setMessageLookup(lookup);
    const elsewhere = codes.filter((code) => optionsPage.test(shownHint(optionsErrorView(errorOf(code)))));
    expect(elsewhere).toEqual([]);
    // The popup's words are unchanged: there, Options is somewhere else.
    expect(codes.filter((code) => optionsPage.test(shownHint(toErrorView(errorOf(code)))))).toContain('credentials-rejected');
  });

  it('keeps every other part of the error', () => {
    const error = new PimError('credentials-rejected', { status: 401, transactionId: 'tx-1' });
    expect(optionsErrorView(error)).toEqual({ ...toErrorView(error), hint: 'Check the client ID and secret above.' });
    expect(optionsErrorView(new PimError('rate-limited'))).toEqual(toErrorView(new PimError('rate-limited')));
  });
});
