// Environment names are picked by sight (the popup's picker, Options' list), so two names that read the
// same must not both exist, and a name may not carry characters that show as nothing. This is for names
// only: text elsewhere (a QR description, a scanned code) may rightly hold a zero-width joiner, as emoji do.

/**
 * Characters that draw nothing, or nothing of their own: zero-width space, non-joiner and joiner, word
 * joiner, soft hyphen, byte order mark, Hangul fillers, tag characters and the other default-ignorable
 * code points. Variation selectors (U+FE00–FE0F, U+E0100–E01EF) are left to emoji, which need them.
 */
const INVISIBLE = /(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])\p{Default_Ignorable_Code_Point}/u;
/** For comparing: variation selectors too, so "❤️" and "❤" read alike. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * What the built-in environments are called in every language the extension speaks (envNameSandbox and
 * envNameProduction in public/_locales): a custom name may read as none of them.
 */
export const BUILT_IN_NAMES_IN_ANY_LANGUAGE: readonly string[] = ['Sandbox', 'Production', 'Productie'];

export function hasInvisibleCharacters(name: string): boolean {
  return INVISIBLE.test(name);
}

/**
 * A name as it reads: compatibility forms folded (NFKC: "Ｐｒｏｄｕｃｔｉｏｎ" is "Production"), case
 * folded, invisible characters and variation selectors removed, every run of white space one space.
 */
export function nameAsItReads(name: string): string {
  return name
    .normalize('NFKC')
    .replace(IGNORABLE, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toUpperCase()
    .toLowerCase();
}

/** Two names a person could not tell apart in a list. */
export function namesReadAlike(a: string, b: string): boolean {
  return nameAsItReads(a) === nameAsItReads(b);
}
