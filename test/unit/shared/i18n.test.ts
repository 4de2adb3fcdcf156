import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import messages from '../../../public/_locales/en/messages.json';
import { ERROR_CODES, PIM_ERROR_KINDS } from '../../../src/core/errors';
import { formatNumber, setMessageLookup, t, uiLanguage } from '../../../src/shared/i18n';
import { enMessage, formatMessage } from '../setup-i18n';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
const catalog: Record<string, Entry> = messages;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(tsx?|json)$/.test(name) ? [path] : [];
  });
}

describe('the en catalogue', () => {
  it.each(Object.entries(catalog))('%s is well formed', (key, entry) => {
    expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
    expect(entry.message.trim()).not.toBe('');
    expect(entry.description?.trim()).toBeTruthy();
    const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase());
    const declared = Object.keys(entry.placeholders ?? {});
    expect(new Set(used)).toEqual(new Set(declared));
    // $1…$n, each once, so t()'s arguments map one to one.
    expect(declared.map((name) => entry.placeholders?.[name]?.content).sort()).toEqual(declared.map((_, i) => `$${i + 1}`));
  });

  it('has no key that nothing uses', () => {
    const text = [...sources('src'), 'manifest.json'].map((path) => readFileSync(path, 'utf8')).join('\n');
    // Error messages are looked up by code and kind (src/shared/error-text.ts); locales.test.ts checks
    // that each belongs to a code or kind. The options page has hints of its own the same way
    // (src/options/options-error-view.ts).
    const keyPart = (name: string) => name.replaceAll('-', '_');
    const byError = new Set([
      ...Object.keys(ERROR_CODES).flatMap((code) => ['', '_detail', '_hint'].map((part) => `err_${keyPart(code)}${part}`)),
      ...PIM_ERROR_KINDS.flatMap((kind) => [`errKind_${keyPart(kind)}`, `errHint_${keyPart(kind)}`]),
      ...Object.keys(ERROR_CODES).map((code) => `optionsErr_${keyPart(code)}_hint`),
      ...PIM_ERROR_KINDS.map((kind) => `optionsErrHint_${keyPart(kind)}`),
    ]);
    const unused = Object.keys(catalog).filter((key) => !text.includes(`'${key}'`) && !text.includes(`__MSG_${key}__`) && !byError.has(key));
    expect(unused).toEqual([]);
  });

  it('is the only place user-visible text lives: no runtime keeps a table of English of its own', () => {
    const english = Object.values(catalog)
      .map((entry) => entry.message)
      .filter((message) => !message.includes('$') && message.split(' ').length >= 4);
    // Comments may quote the words they are about.
    const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const sourcesWithEnglish = sources('src')
      .filter((path) => !path.endsWith('.json'))
      .flatMap((path) => {
        const code = withoutComments(readFileSync(path, 'utf8'));
        return english.filter((message) => code.includes(message)).map((message) => `${path}: ${message}`);
      });
    expect(sourcesWithEnglish).toEqual([
      // What every install stores first, so stored defaults still equal to it follow the language.
      'src/core/params.ts: Log in with PiM',
      'src/core/params.ts: Scan this code with the PiM app to share your details.',
      // The sandbox server's band: it has no browser to ask; the extension passes its catalogue's.
      'src/core/sandbox/options.ts: SANDBOX · not a real PiM code',
    ]);
  });
});

describe('t', () => {
  afterEach(() => setMessageLookup(enMessage));

  it('substitutes values in placeholder order, numbers as the reader writes them', () => {
    expect(t('errOutOfRange', 'Width', 100, 2000, 50)).toBe('Width must be from 100 to 2,000 (it is 50).');
    expect(t('sizePixels', 400, 300)).toBe('400×300 px');
  });

  it('formats numbers in the language of the catalogue the browser picked', () => {
    expect([uiLanguage(), formatNumber(1234.5)]).toEqual(['en', '1,234.5']);
    setMessageLookup((key) => (key === 'uiLanguage' ? 'nl' : ''));
    expect([uiLanguage(), formatNumber(1234.5), formatNumber(0.25, 1)]).toEqual(['nl', '1.234,5', '0,3']);
  });

  it('takes the browser’s regional language when the text is in that language, and not otherwise', () => {
    setMessageLookup(undefined);
    vi.stubGlobal('chrome', { i18n: { getMessage: (key: string) => (key === 'uiLanguage' ? 'en' : ''), getUILanguage: () => 'en-GB' } });
    expect(uiLanguage()).toBe('en-GB');
    setMessageLookup(undefined);
    // A German browser reads the English catalogue: its numbers are English too.
    vi.stubGlobal('chrome', { i18n: { getMessage: (key: string) => (key === 'uiLanguage' ? 'en' : ''), getUILanguage: () => 'de-DE' } });
    expect(uiLanguage()).toBe('en');
    vi.unstubAllGlobals();
  });

  it('reads the browser’s catalogue when no other is wired, as the content script and worker do', () => {
    setMessageLookup(undefined);
    const getMessage = vi.fn((key: string, substitutions?: string[]) => enMessage(key, substitutions));
    vi.stubGlobal('chrome', { i18n: { getMessage } });
    expect(t('content_sizeText', '240×240', '480×480')).toBe('240×240 CSS px · 480×480 device px');
    expect(getMessage).toHaveBeenCalledWith('content_sizeText', ['240×240', '480×480']);
    vi.unstubAllGlobals();
  });

  it('survives a catalogue that is gone (a content script outliving its extension)', () => {
    setMessageLookup(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(t('generate')).toBe('generate');
  });

  it('falls back to the key when the browser has no message', () => {
    setMessageLookup(() => '');
    expect(t('generate')).toBe('generate');
  });

  it('passes substitutions as strings, and none when there are none', () => {
    const seen: unknown[] = [];
    setMessageLookup((key, substitutions) => {
      seen.push([key, substitutions]);
      return 'x';
    });
    t('durationMs', 12);
    t('generate');
    // Formatting the number asked which language the catalogue is in.
    expect(seen).toEqual([
      ['uiLanguage', undefined],
      ['durationMs', ['12']],
      ['generate', undefined],
    ]);
  });
});

describe('formatMessage (the test stand-in for chrome.i18n)', () => {
  it('follows chrome.i18n: named placeholders, $n, and $$', () => {
    expect(formatMessage({ message: 'Cost: $$$AMOUNT$ ($1)', placeholders: { amount: { content: '$1' } } }, ['5'])).toBe('Cost: $5 (5)');
  });
});
