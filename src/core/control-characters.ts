// C0 and C1 controls, DEL, the Unicode line/paragraph separators and the bidi formatting characters
// (marks, embeddings, overrides, isolates, and the Arabic letter mark):
// invisible characters that break a one-line label, smuggle line breaks into text shown to the user,
// or reorder it (U+202E shows "gnp.exe" as "exe.png", and spills past the quote marks around it).
function isControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** True when `text` holds a control character other than those in `allowed` (e.g. "\n\t"). */
export function hasControlCharacters(text: string, allowed = ''): boolean {
  for (const char of text) {
    if (isControl(char.charCodeAt(0)) && !allowed.includes(char)) return true;
  }
  return false;
}

/** Replaces every control character with a space. */
export function replaceControlCharacters(text: string): string {
  let out = '';
  for (const char of text) out += isControl(char.charCodeAt(0)) ? ' ' : char;
  return out;
}

// What reads as the start of a tag. The names, addresses and client IDs that a set-up file or a browser
// policy brings hold no markup: they are shown as text, so one that looks like a tag is refused rather
// than passed on to the next reader that may not be as careful (an exported file, a report).
const MARKUP = /<\s*[a-z!/?]/i;

export function looksLikeMarkup(text: string): boolean {
  return MARKUP.test(text);
}
