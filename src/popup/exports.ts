// What the result's export buttons produce: file names, data URLs, base64. Pure functions.

/** UTF-8 bytes of the text as base64 (btoa alone only takes Latin-1). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64Utf8(svg)}`;
}

/** "Log in with PiM!" → "log-in-with-pim"; never empty, at most 40 characters. */
export function titleSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'qr';
}

export type PngScale = 1 | 2 | 4;
export const PNG_SCALES: readonly PngScale[] = [1, 2, 4];
/**
 * The longest side a PNG export is drawn at. An answer may declare any size; past this a canvas costs
 * hundreds of MB or fails outright, which would read as an error of the extension's own.
 */
export const MAX_PNG_SIDE = 8192;

/** `pim-qr-<slug>-<w>x<h>.svg`, and `…@2x.png` for scaled PNGs (the size is the QR's own). */
export function exportFileName(title: string, width: number, height: number, format: 'svg' | 'png', scale: PngScale = 1): string {
  const suffix = format === 'png' && scale !== 1 ? `@${scale}x` : '';
  return `pim-qr-${titleSlug(title)}-${width}x${height}${suffix}.${format}`;
}

/**
 * `pim-qr-<site>-<yyyy>-<mm>-<dd>-<hhmm>.png` for a screenshot of a page: its host name (lower case,
 * only letters, digits, dots and hyphens; "page" when the address has none) and the local minute.
 */
export function screenshotFileName(pageUrl: string | undefined, at: Date): string {
  let host = '';
  try {
    host = new URL(pageUrl ?? '').hostname;
  } catch {
    // No address, or none the browser tells: the name says "page".
  }
  const site =
    host
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/\.{2,}/g, '.')
      .slice(0, 60)
      .replace(/^[.-]+|[.-]+$/g, '') || 'page';
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  return `pim-qr-${site}-${day}-${two(at.getHours())}${two(at.getMinutes())}.png`;
}

/** The root element's width and height in pixels, when it states them as plain numbers. */
export function svgPixelSize(svg: string, fallback: { width: number; height: number }): { width: number; height: number } {
  const root = /^\s*<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const read = (name: string) => {
    const match = new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(?:px)?\\s*["']`).exec(root);
    const value = match ? Math.round(Number(match[1])) : NaN;
    return value > 0 ? value : undefined;
  };
  return { width: read('width') ?? fallback.width, height: read('height') ?? fallback.height };
}
