import { describe, expect, it } from 'vitest';
import { SELECTOR_MAX_CHARS } from '../../../src/shared/limits';
import { isRecord, isSelector, selectorProblem, validPin, validPoint, validSize } from '../../../src/shared/placement-shapes';

describe('placement shapes', () => {
  it.each([8, 10_000, 120.5])('a size side of %d is accepted', (side) => {
    expect(validSize({ width: side, height: side, extra: 1 })).toStrictEqual({ width: side, height: side });
  });

  it.each([7.99, 10_000.01, Number.NaN, Number.POSITIVE_INFINITY, '100', null])('a size side of %j is refused', (side) => {
    expect(validSize({ width: side, height: 100 })).toBeUndefined();
    expect(validSize({ width: 100, height: side })).toBeUndefined();
  });

  it.each([undefined, null, 'size', [100, 100]])('a size that is %j is refused', (value) => {
    expect(validSize(value)).toBeUndefined();
  });

  it.each([0, 100_000, -100_000, 12.5])('a coordinate of %d is accepted', (n) => {
    expect(validPoint({ x: n, y: -n, z: 1 })).toStrictEqual({ x: n, y: -n });
  });

  it.each([100_000.5, -100_001, Number.NaN, Number.NEGATIVE_INFINITY, '5', null, true, [], undefined])('a coordinate of %j is refused', (n) => {
    expect(validPoint({ x: n, y: 0 })).toBeUndefined();
    expect(validPoint({ x: 0, y: n })).toBeUndefined();
  });

  it('a pin needs a selector and a well-formed offset', () => {
    expect(validPin({ selector: '#a', dx: -1, dy: 2, x: 9 })).toStrictEqual({ selector: '#a', dx: -1, dy: 2 });
    expect(validPin({ selector: '#a', dx: '1', dy: 2 })).toBeUndefined();
    expect(validPin({ selector: '', dx: 1, dy: 2 })).toBeUndefined();
    expect(validPin({ dx: 1, dy: 2 })).toBeUndefined();
    expect(validPin('#a')).toBeUndefined();
  });

  it('a selector is text that is not blank, up to its cap', () => {
    expect(isSelector('a'.repeat(SELECTOR_MAX_CHARS))).toBe(true);
    expect(isSelector('a'.repeat(SELECTOR_MAX_CHARS + 1))).toBe(false);
    expect(isSelector(' \t')).toBe(false);
    expect(isSelector(5)).toBe(false);
  });

  it.each([
    ['a right-to-left override', 'div[aria-label="\u202Egnp.exe"]'],
    ['the Arabic letter mark', '#a\u061Cb'],
    ['a left-to-right isolate', '#a\u2066b'],
    ['the right-to-left mark', '.x\u200F'],
    ['a C0 control', '#a\u0007'],
    ['a C1 control', '#a\u0085'],
  ])('a selector with %s is refused, and says so', (_name, selector) => {
    expect(isSelector(selector)).toBe(false);
    expect(selectorProblem(selector)).toBe('selector-control-characters');
  });

  it('a selector over its cap or blank is too long or empty', () => {
    expect(selectorProblem('a'.repeat(SELECTOR_MAX_CHARS + 1))).toBe('selector-too-long');
    expect(selectorProblem('  ')).toBe('selector-too-long');
    expect(selectorProblem('main > .card')).toBeUndefined();
  });

  it('a record is a plain object, not null or a list', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(null)).toBe(false);
    expect(isRecord([])).toBe(false);
    expect(isRecord('x')).toBe(false);
  });
});
