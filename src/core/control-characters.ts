// C0 and C1 controls, DEL, and the Unicode line/paragraph separators: invisible characters that
// break a one-line label or smuggle line breaks into text shown to the user.
function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
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
