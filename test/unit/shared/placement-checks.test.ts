import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { placedInfo, placementChange, placementOrder, placeRequest } from '../../../src/shared/contracts/placement-checks';
import { ID_MAX_CHARS, OPACITY_MIN, PLACE_SVG_MAX_CHARS, SELECTOR_MAX_CHARS } from '../../../src/shared/limits';

const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';

function refusal(check: () => unknown): PimError {
  try {
    check();
  } catch (caught) {
    expect(caught).toBeInstanceOf(PimError);
    return caught as PimError;
  }
  throw new Error('the check accepted it');
}

describe('placeRequest', () => {
  it.each([
    ['floating by default', { svg }, { svg, mode: 'floating', pick: false, remember: false }],
    ['replace by selector', { svg, mode: 'replace', selector: ' #slot ', tabId: 4 }, { svg, mode: 'replace', selector: '#slot', tabId: 4, pick: false, remember: false }],
    ['inside by picking, remembered', { svg, mode: 'inside', pick: true, remember: true }, { svg, mode: 'inside', pick: true, remember: true }],
    ['an empty selector is no selector', { svg, selector: '' }, { svg, mode: 'floating', pick: false, remember: false }],
    ['an SVG of exactly the cap', { svg: 'x'.repeat(PLACE_SVG_MAX_CHARS) }, { svg: 'x'.repeat(PLACE_SVG_MAX_CHARS), mode: 'floating', pick: false, remember: false }],
  ])('%s', (_name, payload, expected) => {
    expect(placeRequest(payload)).toEqual(expected);
  });

  it.each([
    ['no payload', undefined, 'malformed-request'],
    ['no svg', {}, 'no-image-to-place'],
    ['a huge svg', { svg: 'x'.repeat(PLACE_SVG_MAX_CHARS + 1) }, 'image-too-large-to-place'],
    ['an unknown mode', { svg, mode: 'overlay' }, 'malformed-field'],
    ['replace with neither selector nor pick', { svg, mode: 'replace' }, 'selector-missing'],
    ['pick for a floating QR', { svg, pick: true }, 'pick-needs-element-mode'],
    ['a non-boolean flag', { svg, remember: 'yes' }, 'malformed-field'],
    ['a bad tab id', { svg, tabId: -1 }, 'malformed-field'],
    ['a huge selector', { svg, mode: 'inside', selector: 'a'.repeat(SELECTOR_MAX_CHARS + 1) }, 'selector-too-long'],
    ['a typed selector with a bidi override', { svg, mode: 'inside', selector: '#slot\u202E' }, 'selector-control-characters'],
  ])('refuses %s', (_name, payload, code) => {
    const error = refusal(() => placeRequest(payload));
    expect(error.kind).toBe('invalid-parameters');
    expect(error.code).toBe(code);
  });
});

describe('placementOrder: what the content script accepts from the worker', () => {
  const order = { id: 'p1', svg, mode: 'floating', remembered: false };

  it('keeps what an order may carry, and no geometry: that comes from the page', () => {
    expect(placementOrder({ ...order, mode: 'replace', selector: '#slot', remembered: true })).toEqual({ ...order, mode: 'replace', selector: '#slot', remembered: true });
    expect(placementOrder({ ...order, position: { x: 1, y: 2 }, size: { width: 240, height: 240 }, opacity: 0.5 })).toEqual(order);
    expect(placementOrder({ id: 'p1', svg, mode: 'inside', selector: '#slot' })).toEqual({ id: 'p1', svg, mode: 'inside', selector: '#slot', remembered: false });
  });

  it.each([
    ['no object', 'place it'],
    ['an unknown mode', { ...order, mode: 'overlay' }],
    ['no id', { ...order, id: undefined }],
    ['an id that is too long', { ...order, id: 'x'.repeat(ID_MAX_CHARS + 1) }],
    ['a selector that is no text', { ...order, selector: 5 }],
    ['a selector that is too long', { ...order, selector: 'a'.repeat(SELECTOR_MAX_CHARS + 1) }],
    ['no svg', { ...order, svg: undefined }],
    ['an svg over the cap', { ...order, svg: 'x'.repeat(PLACE_SVG_MAX_CHARS + 1) }],
  ])('refuses %s', (_name, payload) => {
    const error = refusal(() => placementOrder(payload));
    expect(error.kind).toBe('invalid-parameters');
    expect(error.code).toMatch(/^malformed-/);
  });
});

describe('what content scripts report', () => {
  it('placedInfo needs an id and a size; a stray selector or position is dropped', () => {
    expect(placedInfo({ id: 'p1', size: { width: 100, height: 100 }, selector: '', position: 'x' })).toEqual({ id: 'p1', size: { width: 100, height: 100 } });
    expect(refusal(() => placedInfo({ id: 'p1' }))).toMatchObject({ code: 'malformed-field', params: { field: 'size' } });
  });

  it('placementChange keeps the well-formed fields of an edit and drops the rest', () => {
    expect(placementChange({ position: { x: 5, y: 6 }, size: { width: 1, height: 1 }, opacity: 0.5, pin: null })).toEqual({ position: { x: 5, y: 6 }, opacity: 0.5, pin: null });
    expect(placementChange({ opacity: OPACITY_MIN / 2, pin: { selector: '' } })).toEqual({});
  });
});

describe('placement checks: exact refusals and no key that was not sent', () => {
  it.each([
    ['a number', 5],
    ['only white space', ' \n\t '],
    ['an object', { toString: () => svg }],
  ])('placeRequest refuses an SVG that is %s as no image', (_label, value) => {
    expect(refusal(() => placeRequest({ svg: value })).code).toBe('no-image-to-place');
  });

  it('placeRequest names the cap of a too large SVG', () => {
    const error = refusal(() => placeRequest({ svg: 'x'.repeat(PLACE_SVG_MAX_CHARS + 1) }));
    expect(error.code).toBe('image-too-large-to-place');
    expect(error.params).toStrictEqual({ maxBytes: PLACE_SVG_MAX_CHARS });
  });

  it.each([5, 'sideways', ['floating']])('placeRequest and placementOrder name the mode %j as the wrong field', (mode) => {
    expect(refusal(() => placeRequest({ svg, mode })).params).toStrictEqual({ field: 'mode' });
    expect(refusal(() => placementOrder({ id: 'q', svg, mode })).params).toStrictEqual({ field: 'mode' });
  });

  it('placeRequest has no tab or selector key unless sent', () => {
    expect(placeRequest({ svg })).toStrictEqual({ svg, mode: 'floating', pick: false, remember: false });
  });

  it('placementOrder has no selector key unless sent, and only a true remembered counts', () => {
    expect(placementOrder({ id: 'q', svg, mode: 'floating', remembered: 'yes' })).toStrictEqual({ id: 'q', svg, mode: 'floating', remembered: false });
    expect(placementOrder({ id: 'q', svg, mode: 'inside', selector: '#a', remembered: true })).toStrictEqual({ id: 'q', svg, mode: 'inside', selector: '#a', remembered: true });
  });

  it('placedInfo keeps a selector and a position when well formed, and has neither key otherwise', () => {
    const size = { width: 100, height: 80 };
    expect(placedInfo({ id: 'p', size, selector: '#slot', position: { x: -3, y: 4 } })).toStrictEqual({ id: 'p', size, selector: '#slot', position: { x: -3, y: 4 } });
    expect(placedInfo({ id: 'p', size, selector: ' ', position: { x: 'a', y: 4 } })).toStrictEqual({ id: 'p', size });
    expect(placedInfo({ id: 'p', size })).toStrictEqual({ id: 'p', size });
  });

  it('placementChange keeps each well-formed part, and has no key for a missing or malformed one', () => {
    expect(placementChange({})).toStrictEqual({});
    expect(placementChange({ position: { x: 1 }, size: { width: 2, height: 2 }, opacity: 2, pin: { selector: '' } })).toStrictEqual({});
    expect(placementChange({ size: { width: 10, height: 12 } })).toStrictEqual({ size: { width: 10, height: 12 } });
    expect(placementChange({ pin: { selector: '#a', dx: 1, dy: -1 } })).toStrictEqual({ pin: { selector: '#a', dx: 1, dy: -1 } });
    expect(placementChange({ pin: null })).toStrictEqual({ pin: null });
    expect(placementChange({ position: { x: 0, y: 0 }, opacity: OPACITY_MIN })).toStrictEqual({ position: { x: 0, y: 0 }, opacity: OPACITY_MIN });
  });
});
