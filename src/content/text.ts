// The content script's visible strings: the extension's message catalogue when it has the key
// ("content_<key>"), these English defaults otherwise. `$1`, `$2` take the substitutions.
export const ENGLISH = {
  placementLabel: 'PiM QR placement',
  qrLabel: 'PiM QR code',
  toolbar: 'PiM QR controls',
  remove: 'Remove QR',
  opacity: 'Opacity',
  pin: 'Pin to element',
  resize: 'Resize QR',
  sizeText: '$1 CSS px · $2 device px',
  warnTooSmall: 'QR modules are only $1 device px (below 2): phones may not scan it. Make it larger.',
  warnClipped: 'Part of the QR is cut off or outside the visible area.',
  warnHidden: 'The page hides the QR (display, visibility or zero size).',
  warnTransparent: 'The QR is too transparent to scan reliably.',
  warnCovered: 'Something on the page covers the QR.',
  pickBanner: 'Click the element for the PiM QR · Esc cancels',
  pickCancelled: 'Picking cancelled.',
  pickNotHere: 'The QR cannot go there: pick an element inside the page.',
  placeFailed: 'The QR could not be placed: $1',
} as const;

export type ContentTextKey = keyof typeof ENGLISH;

function substitute(template: string, values: readonly string[]): string {
  return template.replace(/\$(\d)/g, (whole, digit: string) => values[Number(digit) - 1] ?? whole);
}

export function contentText(key: ContentTextKey, values: readonly string[] = []): string {
  let localized: string;
  try {
    localized = globalThis.chrome?.i18n?.getMessage(`content_${key}`, [...values]) ?? '';
  } catch {
    // Outside the extension (unit tests) there is no catalogue.
    localized = '';
  }
  return localized || substitute(ENGLISH[key], values);
}
