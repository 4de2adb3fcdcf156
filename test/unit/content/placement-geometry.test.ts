import { describe, expect, it } from 'vitest';
import { besideBox, centred, clampSize, initialSize, MAX_SIDE, MIN_SIDE, nudgeFor, PANEL_GAP, type Rect, resizeKeepingAspect } from '../../../src/content/placement-geometry';

const desktop = { width: 1280, height: 720 };

describe('initialSize', () => {
  it.each([
    ['the size the image asks for', { width: 400, height: 400 }, desktop, { width: 400, height: 400 }],
    ['240 px for an image without a size', undefined, desktop, { width: 240, height: 240 }],
    ['240 px on the long side for absurd dimensions', { width: 99_999, height: 49_999.5 }, desktop, { width: 240, height: 120 }],
    ['240 px for a tiny image', { width: 10, height: 10 }, desktop, { width: 240, height: 240 }],
    ['80% of a small viewport at most', { width: 400, height: 400 }, { width: 300, height: 600 }, { width: 240, height: 240 }],
  ])('%s', (_name, natural, viewport, expected) => {
    expect(initialSize(natural, viewport)).toEqual(expected);
  });
});

describe('resizeKeepingAspect', () => {
  it.each([
    ['grows with the larger relative move', { width: 200, height: 100 }, 50, 10, { width: 250, height: 125 }],
    ['vertical move wins when it is larger', { width: 200, height: 100 }, 0, 50, { width: 300, height: 150 }],
    ['shrinks', { width: 240, height: 240 }, -40, -100, { width: 200, height: 200 }],
    ['stops at the minimum', { width: 100, height: 100 }, -500, -500, { width: MIN_SIDE, height: MIN_SIDE }],
    ['stops at the maximum', { width: 1000, height: 1000 }, 10_000, 0, { width: MAX_SIDE, height: MAX_SIDE }],
  ])('%s', (_name, start, dx, dy, expected) => {
    expect(resizeKeepingAspect(start, dx, dy)).toEqual(expected);
  });
});

describe('clampSize', () => {
  it('keeps the ratio when the short side hits the minimum', () => {
    expect(clampSize({ width: 48, height: 12 })).toEqual({ width: 96, height: 24 });
  });
});

describe('nudgeFor', () => {
  it.each([
    ['ArrowLeft', false, { x: -1, y: 0 }],
    ['ArrowRight', false, { x: 1, y: 0 }],
    ['ArrowUp', true, { x: 0, y: -10 }],
    ['ArrowDown', true, { x: 0, y: 10 }],
    ['a', false, undefined],
    ['Enter', true, undefined],
  ])('%s (shift %s)', (key, shift, expected) => {
    expect(nudgeFor(key, shift)).toEqual(expected);
  });
});

describe('centred', () => {
  it('centres in the viewport and never goes above or left of it', () => {
    expect(centred({ width: 240, height: 240 }, desktop)).toEqual({ x: 520, y: 240 });
    expect(centred({ width: 2000, height: 2000 }, desktop)).toEqual({ x: 0, y: 0 });
  });
});

describe('besideBox', () => {
  const toolbar = { width: 130, height: 28 };
  const badge = { width: 220, height: 22 };
  const qr = (left: number, top: number, side = 240): Rect => ({ left, top, width: side, height: side });
  const rectAt = (at: { x: number; y: number }, size: { width: number; height: number }): Rect => ({ left: at.x, top: at.y, ...size });
  const intersects = (a: Rect, b: Rect) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
  const inside = (r: Rect, viewport = desktop) => r.left >= 0 && r.top >= 0 && r.left + r.width <= viewport.width && r.top + r.height <= viewport.height;

  it('puts the toolbar above the QR, aligned with its left edge', () => {
    expect(besideBox(qr(400, 200), toolbar, desktop, ['above', 'below'])).toEqual({ x: 400, y: 200 - PANEL_GAP - 28 });
  });

  it('puts the badge below the QR', () => {
    expect(besideBox(qr(400, 200), badge, desktop, ['below', 'above'])).toEqual({ x: 400, y: 440 + PANEL_GAP });
  });

  it.each([
    ['QR in the top-left corner', qr(0, 0)],
    ['QR in the top-right corner', qr(desktop.width - 240, 0)],
    ['QR in the bottom-left corner', qr(0, desktop.height - 240)],
    ['QR in the bottom-right corner', qr(desktop.width - 240, desktop.height - 240)],
    ['QR at the top edge', qr(500, 0)],
    ['QR at the bottom edge', qr(500, desktop.height - 240)],
    ['QR at the left edge', qr(0, 300)],
    ['QR at the right edge', qr(desktop.width - 240, 300)],
    ['a small QR in the top-left corner', qr(0, 0, 120)],
    ['a small QR in the bottom-right corner', qr(desktop.width - 120, desktop.height - 120, 120)],
    ['a QR partly scrolled out at the top', qr(300, -100)],
  ])('%s: the toolbar and the badge stay in the viewport, clear of the QR and of each other', (_name, anchor) => {
    const bar = rectAt(besideBox(anchor, toolbar, desktop, ['above', 'below', 'right', 'left']), toolbar);
    const panel = rectAt(besideBox(anchor, badge, desktop, ['below', 'above', 'right', 'left'], [bar]), badge);
    for (const placed of [bar, panel]) {
      expect(inside(placed), JSON.stringify(placed)).toBe(true);
      expect(intersects(placed, anchor), JSON.stringify(placed)).toBe(false);
    }
    expect(intersects(bar, panel)).toBe(false);
  });

  it('flips to below when the QR touches the top of the viewport', () => {
    expect(besideBox(qr(400, 2), toolbar, desktop, ['above', 'below'])).toEqual({ x: 400, y: 242 + PANEL_GAP });
  });

  it('aligns with the QR’s right edge when the left-aligned spot, pushed back into the viewport, is taken', () => {
    // Left-aligned, the 220 px badge would end at 1320: pushed back to 1056, it covers what sits at 1230.
    const anchor = qr(1100, 200, 120);
    const taken = { left: 1230, top: 324, width: 40, height: 16 };
    expect(besideBox(anchor, badge, desktop, ['below'], [taken])).toEqual({ x: 1220 - 220, y: 320 + PANEL_GAP });
  });

  it('goes beside the QR when neither above nor below has room', () => {
    const tall = { left: 300, top: 0, width: 200, height: desktop.height };
    expect(besideBox(tall, toolbar, desktop, ['above', 'below', 'right', 'left'])).toEqual({ x: 500 + PANEL_GAP, y: 0 + PANEL_GAP });
  });

  it('stays clear of other rects it is told to avoid', () => {
    const anchor = qr(400, 200);
    const other = { left: 380, top: 150, width: 300, height: 46 };
    const at = besideBox(anchor, toolbar, desktop, ['above', 'below'], [other]);
    expect(at).toEqual({ x: 400, y: 440 + PANEL_GAP });
  });

  it('covers the least it can, inside the viewport, when the QR fills it', () => {
    const small = { width: 300, height: 300 };
    const at = besideBox({ left: 0, top: 0, width: 300, height: 300 }, toolbar, small, ['above', 'below', 'right', 'left']);
    expect(inside(rectAt(at, toolbar), small)).toBe(true);
  });

  it('keeps a panel wider than the viewport at its left margin', () => {
    expect(besideBox(qr(0, 100, 100), { width: 500, height: 20 }, { width: 320, height: 600 }, ['below']).x).toBe(PANEL_GAP);
  });
});
