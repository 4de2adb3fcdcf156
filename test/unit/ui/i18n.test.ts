import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import messages from '../../../public/_locales/en/messages.json';
import { ENGLISH as CONTENT_ENGLISH } from '../../../src/content/text';
import { setMessageLookup, t } from '../../../src/ui/i18n';
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
    // The content script looks its strings up as `content_${key}` (src/content/text.ts).
    const contentKeys = new Set(Object.keys(CONTENT_ENGLISH).map((key) => `content_${key}`));
    const unused = Object.keys(catalog).filter((key) => !text.includes(`'${key}'`) && !text.includes(`__MSG_${key}__`) && !contentKeys.has(key));
    expect(unused).toEqual([]);
  });

  it.each(Object.entries(CONTENT_ENGLISH))('has content_%s, worded like the content script’s English default', (key, english) => {
    const entry = catalog[`content_${key}`];
    expect(entry).toBeDefined();
    expect(formatMessage(entry as Entry, ['$1', '$2'])).toBe(english);
  });

  it('has every key the background looks up, worded like its English fallback', () => {
    const lookups = sources('src/background').flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/\btext\('(\w+)', '([^']+)'\)/g)]);
    expect(lookups.length).toBeGreaterThanOrEqual(4);
    for (const [, key = '', fallback] of lookups) expect([key, enMessage(key)]).toEqual([key, fallback]);
  });
});

describe('t', () => {
  afterEach(() => setMessageLookup(enMessage));

  it('substitutes values in placeholder order', () => {
    expect(t('errOutOfRange', 'Width', 100, 2000, 50)).toBe('Width must be from 100 to 2000 (it is 50).');
    expect(t('sizePixels', 400, 300)).toBe('400×300 px');
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
    expect(seen).toEqual([
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
