// Text helpers for the sandbox SVG. There is no font metrics API without a DOM, so widths are
// estimated from an average glyph width; good enough to keep text inside the image.
const AVERAGE_GLYPH_EM = 0.56;

// Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/FFFF): a title
// carrying one must not make the whole SVG unparsable.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Safe for both element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Collapses all whitespace (including line breaks) to single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function capacity(widthPx: number, fontSizePx: number): number {
  return Math.max(1, Math.floor(widthPx / (fontSizePx * AVERAGE_GLYPH_EM)));
}

/** Cuts text to what fits in one line, marking the cut with an ellipsis. */
export function fitLine(text: string, widthPx: number, fontSizePx: number): string {
  const chars = Array.from(text);
  const max = capacity(widthPx, fontSizePx);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Word-wraps text into at most `maxLines` lines; text that does not fit ends in an ellipsis. */
export function wrapLines(text: string, widthPx: number, fontSizePx: number, maxLines: number): string[] {
  const max = capacity(widthPx, fontSizePx);
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter((part) => part !== '')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current === '' || Array.from(candidate).length <= max) {
      current = candidate;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept[maxLines - 1] = [kept[maxLines - 1], ...lines.slice(maxLines)].join(' ');
  return kept.map((line) => fitLine(line, widthPx, fontSizePx));
}
