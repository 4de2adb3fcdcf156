import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';
import { BUILT_IN_NAMES_IN_ANY_LANGUAGE, hasInvisibleCharacters, nameAsItReads, namesReadAlike } from '../../../src/core/environment-names';

describe('environment names', () => {
  it('knows the built-in names in every language the extension speaks', () => {
    const shown = [en, nl].flatMap((catalogue) => [catalogue.envNameSandbox.message, catalogue.envNameProduction.message]);
    expect(new Set(BUILT_IN_NAMES_IN_ANY_LANGUAGE)).toEqual(new Set(shown));
  });

  it.each(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E', '\u{E0041}'])('finds U+%s invisible', (char) => {
    expect(hasInvisibleCharacters(`Pro${char}duction`)).toBe(true);
  });

  it.each(['Production', 'Team \u2764\uFE0F', 'Café', 'Acceptatie (EU)'])('finds nothing invisible in %s', (name) => {
    expect(hasInvisibleCharacters(name)).toBe(false);
  });

  it('reads names as a person sees them', () => {
    expect(nameAsItReads('  Ｐｒｏｄｕｃｔｉｏｎ\u200B ')).toBe('production');
    expect(nameAsItReads('Straße\u00A0\u00A0Nord')).toBe('strasse nord');
    expect(namesReadAlike('Sandbox\u2060', 'SANDBOX')).toBe(true);
    expect(namesReadAlike('Staging', 'Stagings')).toBe(false);
  });
});
