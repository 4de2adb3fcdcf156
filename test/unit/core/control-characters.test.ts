import { describe, expect, it } from 'vitest';
import { hasControlCharacters, replaceControlCharacters } from '../../../src/core/control-characters';

describe('control characters', () => {
  it.each([
    ['a C0 control', 'a\u0007b'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['the line separator', 'a\u2028b'],
    ['the paragraph separator', 'a\u2029b'],
    ['the left-to-right mark', 'a\u200eb'],
    ['the right-to-left mark', 'a\u200fb'],
    ['the right-to-left override', 'a\u202eb'],
    ['the left-to-right embedding', 'a\u202ab'],
    ['a first-strong isolate', 'a\u2068b'],
    ['the pop directional isolate', 'a\u2069b'],
    ['the left-to-right isolate', 'a\u2066b'],
    ['the Arabic letter mark', 'a\u061cb'],
  ])('finds and replaces %s', (_label, text) => {
    expect(hasControlCharacters(text)).toBe(true);
    expect(replaceControlCharacters(text)).toBe('a b');
  });

  it.each([
    ['plain text', 'Log in with PiM'],
    ['accents and other scripts', 'Inloggen met PiM · ÿ · 日本 · עברית'],
    ['the zero-width joiner of emoji', '👩\u200d💻'],
    ['the character after the isolates', 'a\u206ab'],
    ['Arabic letters beside the letter mark', '\u061b\u061d'],
  ])('leaves %s alone', (_label, text) => {
    expect(hasControlCharacters(text)).toBe(false);
    expect(replaceControlCharacters(text)).toBe(text);
  });

  it('allows only the controls it is told to', () => {
    expect(hasControlCharacters('a\nb\tc', '\n\t')).toBe(false);
    expect(hasControlCharacters('a\nb\rc', '\n')).toBe(true);
  });
});
