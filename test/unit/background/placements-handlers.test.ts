import { describe, expect, it } from 'vitest';
import { MAX_PLACE_SVG_CHARS, parsePlaceOrder } from '../../../src/background/placement-handlers';
import { PimError } from '../../../src/core/errors';

const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';

describe('parsePlaceOrder', () => {
  it.each([
    ['floating by default', { svg }, { svg, mode: 'floating', pick: false, remember: false }],
    ['replace by selector', { svg, mode: 'replace', selector: ' #slot ', tabId: 4 }, { svg, mode: 'replace', selector: '#slot', tabId: 4, pick: false, remember: false }],
    ['inside by picking, remembered', { svg, mode: 'inside', pick: true, remember: true }, { svg, mode: 'inside', pick: true, remember: true }],
    ['an empty selector is no selector', { svg, selector: '' }, { svg, mode: 'floating', pick: false, remember: false }],
  ])('%s', (_name, payload, expected) => {
    expect(parsePlaceOrder(payload)).toEqual(expected);
  });

  it.each([
    ['no payload', undefined, { code: 'malformed-request' }],
    ['no svg', {}, { code: 'no-image-to-place' }],
    ['a huge svg', { svg: 'x'.repeat(MAX_PLACE_SVG_CHARS + 1) }, { code: 'image-too-large-to-place', params: { maxBytes: MAX_PLACE_SVG_CHARS } }],
    ['an unknown mode', { svg, mode: 'overlay' }, { code: 'malformed-field', params: { field: 'mode' } }],
    ['replace with neither selector nor pick', { svg, mode: 'replace' }, { code: 'selector-missing' }],
    ['pick for a floating QR', { svg, pick: true }, { code: 'pick-needs-element-mode' }],
    ['a non-boolean flag', { svg, remember: 'yes' }, { code: 'malformed-field', params: { field: 'remember' } }],
    ['a bad tab id', { svg, tabId: -1 }, { code: 'malformed-field', params: { field: 'tabId' } }],
    ['a huge selector', { svg, mode: 'inside', selector: 'a'.repeat(1001) }, { code: 'selector-too-long' }],
  ])('refuses %s', (_name, payload, expected) => {
    let error: unknown;
    try {
      parsePlaceOrder(payload);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PimError);
    expect((error as PimError).kind).toBe('invalid-parameters');
    expect(error).toMatchObject(expected);
  });
});
