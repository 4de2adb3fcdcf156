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
