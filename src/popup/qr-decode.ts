// Reads back what a QR encodes, so the user sees the real content before scanning. Lazily loaded.
import jsQR from 'jsqr';
import { drawSvg } from './svg-raster';

/** jsQR is slow on big images, and a QR reads fine at this size. */
const MAX_SIDE = 800;

export function decodeQrPixels(data: Uint8ClampedArray, width: number, height: number): string | null {
  const code = jsQR(data, width, height, { inversionAttempts: 'attemptBoth' });
  return code && code.data !== '' ? code.data : null;
}

export async function decodeQrFromSvg(svg: string, width: number, height: number): Promise<string | null> {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = await drawSvg(svg, w, h);
  const pixels = canvas.getContext('2d')?.getImageData(0, 0, w, h);
  return pixels ? decodeQrPixels(pixels.data, w, h) : null;
}
