// Dutch and English must stay in step, and user-visible text must live in the locale files, not in
// components, or a Dutch user meets English halfway through the popup.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, PIM_ERROR_KINDS } from '../../src/core/errors';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
type Catalog = Record<string, Entry>;

const LOCALES = readdirSync('public/_locales');
const catalogs: Record<string, Catalog> = Object.fromEntries(
  LOCALES.map((locale) => [locale, JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Catalog]),
);
const en = catalogs.en ?? {};

const placeholdersOf = (entry: Entry) => ({
  used: [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()).sort(),
  declared: Object.entries(entry.placeholders ?? {}).map(([name, p]) => `${name.toLowerCase()}=${p.content}`).sort(),
});

describe('locales', () => {
  it('include English and Dutch', () => {
    expect(LOCALES.sort()).toEqual(['en', 'nl']);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys of en', (locale) => {
    const keys = Object.keys(catalogs[locale] ?? {});
    expect({ missing: Object.keys(en).filter((k) => !keys.includes(k)), extra: keys.filter((k) => !(k in en)) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s uses the same placeholders as en, message by message', (locale) => {
    const differing = Object.entries(catalogs[locale] ?? {})
      .filter(([key, entry]) => en[key] && JSON.stringify(placeholdersOf(entry)) !== JSON.stringify(placeholdersOf(en[key] as Entry)))
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s translates: no message is empty, and few are identical to English', (locale) => {
    const catalog = catalogs[locale] ?? {};
    expect(Object.entries(catalog).filter(([, e]) => e.message.trim() === '').map(([k]) => k)).toEqual([]);
    const same = Object.entries(catalog).filter(([key, e]) => e.message === en[key]?.message).length;
    // Names (PiM QR), units (px, ms) and API spellings stay the same; most sentences must not.
    expect(same / Object.keys(catalog).length).toBeLessThan(0.25);
  });
});

describe('error messages', () => {
  const codes = Object.keys(ERROR_CODES);
  const keyPart = (name: string) => name.replaceAll('-', '_');

  it('belong to a code (err_<code>, _detail, _hint) or a kind (errKind_, errHint_)', () => {
    const known = new Set([
      ...codes.flatMap((code) => ['', '_detail', '_hint'].map((part) => `err_${keyPart(code)}${part}`)),
      ...PIM_ERROR_KINDS.flatMap((kind) => [`errKind_${keyPart(kind)}`, `errHint_${keyPart(kind)}`]),
    ]);
    expect(Object.keys(en).filter((key) => /^err(_|Kind_|Hint_)/.test(key) && !known.has(key))).toEqual([]);
  });

  it.each(LOCALES)('in %s take their values in the order the code names them ($1 is the first)', (locale) => {
    const wrong = Object.entries(catalogs[locale] ?? {}).flatMap(([key, entry]) => {
      const code = codes.find((c) => [`err_${keyPart(c)}`, `err_${keyPart(c)}_detail`, `err_${keyPart(c)}_hint`].includes(key));
      if (code === undefined) return [];
      const [, ...names] = ERROR_CODES[code as keyof typeof ERROR_CODES];
      const expected = names.map((name) => name.toLowerCase());
      return Object.entries(entry.placeholders ?? {})
        .filter(([name, p]) => p.content !== `$${expected.indexOf(name.toLowerCase()) + 1}` || !expected.includes(name.toLowerCase()))
        .map(([name]) => `${key}: ${name}`);
    });
    expect(wrong).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.tsx') ? [path] : [];
  });
}

// Attributes people read or hear; `class`, `id`, `type` and the like are not text.
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label', 'aria-placeholder']);
const HAS_WORDS = /\p{L}{2,}/u;
// Examples of code (a CSS selector such as `#pim-qr-slot`) read the same in every language.
const IS_CODE = /^[#.[][\w-]/;

/** JSX text and text attributes written as literals in a component. */
function literalTexts(file: string, code: string): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_WORDS.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText())) {
      const init = node.initializer;
      const literal = init && ts.isStringLiteral(init) ? init : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression) ? init.expression : undefined;
      if (literal && HAS_WORDS.test(literal.text) && !IS_CODE.test(literal.text)) found.push(`${node.name.getText()}="${literal.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((text) => `${file}: ${text}`);
}

describe('components', () => {
  it('write no user-visible text themselves', () => {
    const files = ['src/popup', 'src/options', 'src/ui'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((file) => literalTexts(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('the check catches literal text and text attributes', () => {
    expect(literalTexts('x.tsx', '<p>Hello there</p>')).toEqual(['x.tsx: Hello there']);
    expect(literalTexts('x.tsx', '<input aria-label="Search" placeholder={"Type"} class="btn" />')).toEqual([
      'x.tsx: aria-label="Search"',
      'x.tsx: placeholder="Type"',
    ]);
    expect(literalTexts('x.tsx', '<p>{t("hello")} · 4×</p>')).toEqual([]);
  });
});
