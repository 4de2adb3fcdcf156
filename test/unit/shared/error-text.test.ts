// Every error the extension can report, worded by the renderer every runtime shares: in Dutch with the
// nl catalogue (no English sentence left), and never a headline that its detail or hint repeats.
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';
import { ERROR_CODES, kindOf, PIM_ERROR_KINDS, type ErrorParams, type PimErrorCode, PimError } from '../../../src/core/errors';
import { errorText, placeFailedNotice, type ErrorText } from '../../../src/shared/error-text';
import { setMessageLookup } from '../../../src/shared/i18n';
import { enMessage, formatMessage } from '../setup-i18n';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const english: Record<string, Entry> = en;
const dutch: Record<string, Entry> = nl;
const nlMessage = (key: string, substitutions?: readonly string[]) => {
  const entry = dutch[key];
  return entry ? formatMessage(entry, substitutions) : '';
};

afterEach(() => setMessageLookup(enMessage));

const CODES = Object.keys(ERROR_CODES) as PimErrorCode[];

/** Sample values: numbers where the words take a number, text elsewhere. */
const SAMPLE: Readonly<Record<string, string | number>> = {
  seconds: 20,
  min: 1,
  max: 50,
  maxBytes: 2 * 1024 * 1024,
  resetAt: Date.UTC(2026, 11, 1, 12, 0, 0),
  host: 'api.example.com',
  environment: 'Staging',
  selector: '#login-qr',
  field: 'tabId',
  savedOrigin: 'https://api-prd.kpn.com',
  savedClientId: 'my-app',
  origin: 'https://api.example.com',
  clientId: 'other-app',
};

function paramsOf(code: PimErrorCode): ErrorParams {
  const [, ...names] = ERROR_CODES[code];
  return Object.fromEntries(names.map((name) => [name, SAMPLE[name] ?? `value of ${name}`]));
}

function textIn(lookup: typeof enMessage, code: PimErrorCode): ErrorText {
  setMessageLookup(lookup);
  return errorText({ code, params: paramsOf(code) });
}

const sentences = (text: ErrorText) => [text.headline, text.detail, text.hint].filter((s): s is string => s !== undefined);

/** Every sentence an English reader could meet: each code worded in English, and every en message. */
const englishSentences = new Set([
  ...CODES.flatMap((code) => sentences(textIn(enMessage, code))),
  ...Object.values(english).map((entry) => entry.message),
]);

// Words Dutch and English spell alike. None is a whole sentence today; one that is belongs here
// with the reason it may stay English.
const COGNATES: ReadonlySet<string> = new Set();

describe('errors in Dutch', () => {
  it.each(CODES)('%s has no English sentence', (code) => {
    const words = sentences(textIn(nlMessage, code));
    expect(words.length).toBeGreaterThan(1);
    expect(words.filter((sentence) => englishSentences.has(sentence) && !COGNATES.has(sentence))).toEqual([]);
    // Every value reached the words: no placeholder left, none lost.
    expect(words.join(' ')).not.toMatch(/\$\w+\$|\$\d/);
    for (const value of Object.values(paramsOf(code))) {
      if (typeof value === 'string') expect(words.join(' '), code).toContain(value);
    }
  });

  it.each(PIM_ERROR_KINDS)('the %s kind has a Dutch headline and hint', (kind) => {
    const key = kind.replaceAll('-', '_');
    for (const name of [`errKind_${key}`, `errHint_${key}`]) {
      expect(nlMessage(name), name).not.toBe('');
      expect(englishSentences.has(nlMessage(name)), name).toBe(false);
    }
  });

  it('formats numbers and sizes the Dutch way', () => {
    setMessageLookup(nlMessage);
    expect(errorText({ code: 'too-many-placements', params: { max: 1000 } }).headline).toBe('PiM QR onthoudt hoogstens 1.000 plaatsingen.');
    expect(errorText({ code: 'timeout', params: { seconds: 0.5 } }).detail).toBe('Binnen 0,5 s kwam er geen antwoord.');
    expect(errorText({ code: 'answer-too-large', params: { maxBytes: 1.5 * 1024 * 1024 } }).detail).toBe('Het antwoord is groter dan 1,5 MB.');
  });

  it('words the reset of a used-up quota as a date and time the Dutch way', () => {
    setMessageLookup(nlMessage);
    const resetAt = Date.UTC(2026, 0, 15, 12, 0, 0);
    expect(errorText({ code: 'quota-used-up-until', params: { resetAt } })).toEqual({
      headline: 'Quotum op: KPN weigert nieuwe QR-codes tot de reset.',
      detail: `Het quotum wordt gereset om ${new Intl.DateTimeFormat('nl', { dateStyle: 'medium', timeStyle: 'short' }).format(resetAt)}.`,
      hint: 'Probeer het na de reset opnieuw.',
    });
  });

  it('words the notice a page shows when placing failed', () => {
    setMessageLookup(nlMessage);
    expect(placeFailedNotice(new PimError('selector-no-match', { params: { selector: '#slot' } }))).toBe(
      'De QR-code kon niet worden geplaatst: Geen element op deze pagina past bij “#slot”.',
    );
    // Anything else is the internal error, never its own text.
    expect(placeFailedNotice(new Error('secret'))).toBe('De QR-code kon niet worden geplaatst: Er ging iets mis in de extensie.');
  });
});

/** Lower case, letters and digits only: "The API took too long." and "the API took too long" are the same. */
const normalized = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function repeats(headline: string, other: string | undefined): boolean {
  if (other === undefined) return false;
  const a = normalized(headline);
  const b = normalized(other);
  return a.includes(b) || b.includes(a);
}

describe('what an error says', () => {
  it.each(CODES)('%s: neither the detail nor the hint repeats the headline, in English or Dutch', (code) => {
    for (const lookup of [enMessage, nlMessage]) {
      const text = textIn(lookup, code);
      expect(repeats(text.headline, text.detail), `${code} detail: ${text.detail}`).toBe(false);
      expect(repeats(text.headline, text.hint), `${code} hint: ${text.hint}`).toBe(false);
      if (text.detail !== undefined) expect(repeats(text.detail, text.hint), `${code} hint repeats the detail`).toBe(false);
    }
  });

  it('the repeat check catches the old timeout line, which said its headline again', () => {
    expect(repeats('The API took too long to answer.', 'The API took too long to answer (over 20 s).')).toBe(true);
    expect(repeats('The API took too long to answer.', 'No answer came within 20 s.')).toBe(false);
  });

  it('gives insert on a browser page, a deleted environment and a refused token headlines of their own', () => {
    const headline = (code: PimErrorCode) => textIn(enMessage, code).headline;
    const kindHeadline = (code: PimErrorCode) => enMessage(`errKind_${kindOf(code).replaceAll('-', '_')}`);
    for (const code of ['page-forbids-extensions', 'environment-gone', 'token-rejected'] as const) {
      expect(headline(code), code).not.toBe(kindHeadline(code));
    }
    expect(headline('page-forbids-extensions')).toBe('This page does not allow extensions.');
    expect(headline('environment-gone')).toBe('That environment no longer exists.');
    expect(headline('token-rejected')).toBe('KPN rejected the access token.');
  });

  it('falls back to the code itself when there is no catalogue at all', () => {
    setMessageLookup(() => '');
    expect(errorText({ code: 'page-silent' })).toEqual({ headline: 'page-silent' });
  });
});
