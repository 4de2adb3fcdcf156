// What reads as the start of a tag. The names, addresses and client IDs that a set-up file or a browser
// policy brings hold no markup: they are shown as text, so one that looks like a tag is refused rather
// than passed on to the next reader that may not be as careful (an exported file, a report).
const MARKUP = /<\s*[a-z!/?]/i;

export function looksLikeMarkup(text: string): boolean {
  return MARKUP.test(text);
}
