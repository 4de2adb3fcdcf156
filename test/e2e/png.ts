// Reads PNGs (downloads, screenshots) and the QR code in them, as a phone would.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export function pngSize(bytes: Buffer): { width: number; height: number } {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height };
}

export function decodeQrPng(bytes: Buffer): string | undefined {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height)?.data;
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What jsQR reads in the part of the picture where `area` (CSS px of the viewport, and a margin) is. */
export function qrInArea(png: PNG, area: Area, scale: number): string | undefined {
  const left = Math.max(0, Math.floor((area.x - 8) * scale));
  const top = Math.max(0, Math.floor((area.y - 8) * scale));
  const width = Math.min(png.width - left, Math.ceil((area.width + 16) * scale));
  const height = Math.min(png.height - top, Math.ceil((area.height + 16) * scale));
  const crop = new PNG({ width, height });
  PNG.bitblt(png, crop, left, top, width, height, 0, 0);
  return jsQR(new Uint8ClampedArray(crop.data.buffer, crop.data.byteOffset, crop.data.byteLength), width, height)?.data;
}

/**
 * How many pixels of the placement panels' near-black background (the toolbar, the size badge) are
 * in the bands just above and below the QR at `qr`: none in a page without them.
 */
export function panelPixels(png: PNG, qr: Area, scale: number): number {
  let count = 0;
  for (const band of [qr.y - 44, qr.y + qr.height + 4]) {
    for (let y = Math.max(0, Math.floor(band * scale)); y < Math.min(png.height, (band + 40) * scale); y++) {
      for (let x = Math.max(0, Math.floor(qr.x * scale)); x < Math.min(png.width, (qr.x + qr.width) * scale); x++) {
        const i = (y * png.width + x) * 4;
        const [r = 0, g = 0, b = 0] = png.data.subarray(i, i + 3);
        if (r < 70 && g < 70 && b < 75 && Math.abs(r - g) < 8) count++;
      }
    }
  }
  return count;
}
