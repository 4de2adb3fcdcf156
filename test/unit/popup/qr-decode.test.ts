import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQrPixels } from '../../../src/popup/qr-decode';

/** RGBA pixels of a QR as a canvas would hold them: white ground, black modules, a quiet zone. */
function qrPixels(text: string, moduleSize = 4) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = (modules.size + 8) * moduleSize;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / moduleSize) - 4;
      const col = Math.floor(x / moduleSize) - 4;
      if (row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col)) {
        data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
      }
    }
  }
  return { data, side };
}

describe('decodeQrPixels', () => {
  it('reads the text a QR encodes', () => {
    const { data, side } = qrPixels('https://sandbox.pim.invalid/r/1?attributes=Email,Mobile');
    expect(decodeQrPixels(data, side, side)).toBe('https://sandbox.pim.invalid/r/1?attributes=Email,Mobile');
  });

  it('returns null for an image with no QR', () => {
    expect(decodeQrPixels(new Uint8ClampedArray(100 * 100 * 4).fill(255), 100, 100)).toBeNull();
  });
});
