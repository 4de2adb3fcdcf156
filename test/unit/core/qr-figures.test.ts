import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { luminanceAt, modulesOf, qrFigures, type Pixels } from '../../../src/core/qr-figures';

interface Drawing {
  moduleSize: number;
  /** Light modules around the code on each side; `right` overrides the right side only. */
  quiet: number;
  right?: number;
  dark?: number;
  light?: number;
}

/** RGBA pixels of a QR with the given module size, margin and grey levels. */
function draw(text: string, { moduleSize, quiet, right = quiet, dark = 0, light = 255 }: Drawing): Pixels & { size: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const width = (modules.size + quiet + right) * moduleSize;
  const height = (modules.size + 2 * quiet) * moduleSize;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const row = Math.floor(y / moduleSize) - quiet;
      const col = Math.floor(x / moduleSize) - quiet;
      const isDark = row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col);
      const value = isDark ? dark : light;
      data.set([value, value, value, 255], (y * width + x) * 4);
    }
  }
  return { data, width, height, size: modules.size };
}

function figuresOf(pixels: Pixels) {
  const code = jsQR(pixels.data, pixels.width, pixels.height);
  if (!code) throw new Error('the drawing does not decode');
  const { location } = code;
  return qrFigures(pixels, {
    version: code.version,
    topLeft: location.topLeftCorner,
    topRight: location.topRightCorner,
    bottomLeft: location.bottomLeftCorner,
    bottomRight: location.bottomRightCorner,
  });
}

describe('qrFigures', () => {
  it('measures modules, module size, quiet zone and contrast of a black-on-white code', () => {
    const pixels = draw('https://staging.example/qr', { moduleSize: 5, quiet: 4 });
    const figures = figuresOf(pixels);
    expect(figures.modules).toBe(pixels.size);
    expect(figures.modulePx).toBeCloseTo(5, 0);
    expect(figures.quietZoneModules).toBe(4);
    expect(figures.contrast).toBe(21);
  });

  it('takes the narrowest side as the quiet zone, and stops at the image edge', () => {
    const narrow = figuresOf(draw('https://staging.example/qr', { moduleSize: 6, quiet: 6, right: 1 }));
    expect(narrow.quietZoneModules).toBe(1);
    const wide = figuresOf(draw('https://staging.example/qr', { moduleSize: 6, quiet: 12 }));
    // Walked no further than 10 modules.
    expect(wide.quietZoneModules).toBe(10);
  });

  it('stops the quiet zone at something dark beside the code', () => {
    const pixels = draw('https://staging.example/qr', { moduleSize: 4, quiet: 8 });
    // A dark bar 2 modules left of the code, along its whole height.
    for (let y = 0; y < pixels.height; y++) for (let x = 20; x < 24; x++) pixels.data.set([0, 0, 0, 255], (y * pixels.width + x) * 4);
    const figures = figuresOf(pixels);
    expect(figures.quietZoneModules).toBe(2);
  });

  it('reports the WCAG ratio of grey modules on a grey ground', () => {
    const pixels = draw('https://staging.example/qr', { moduleSize: 5, quiet: 4, dark: 0x55, light: 0xcc });
    const dark = luminanceAt(new Uint8ClampedArray([0x55, 0x55, 0x55, 255]), 0);
    const light = luminanceAt(new Uint8ClampedArray([0xcc, 0xcc, 0xcc, 255]), 0);
    expect(figuresOf(pixels).contrast).toBeCloseTo((light + 0.05) / (dark + 0.05), 1);
    expect(figuresOf(pixels).contrast).toBeLessThan(7);
  });

  it('counts 17 + 4 modules per version', () => {
    expect([1, 2, 10, 40].map(modulesOf)).toEqual([21, 25, 57, 177]);
  });
});
