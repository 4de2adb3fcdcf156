import { describe, expect, it } from 'vitest';
import { centred, clampSize, initialSize, MAX_SIDE, MIN_SIDE, nudgeFor, resizeKeepingAspect } from '../../../src/content/placement-geometry';

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
