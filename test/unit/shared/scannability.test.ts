import { describe, expect, it } from 'vitest';
import { assessScannability, type ScanFacts } from '../../../src/shared/scannability';

const fine: ScanFacts = {
  width: 240,
  height: 240,
  devicePixelRatio: 2,
  moduleCssPx: 4,
  clipped: false,
  hidden: false,
  opacity: 1,
  covered: false,
};

const kinds = (facts: Partial<ScanFacts>) => assessScannability({ ...fine, ...facts }).warnings.map((w) => w.kind);

describe('assessScannability', () => {
  it('states the size in CSS and device pixels', () => {
    expect(assessScannability(fine).sizeText).toBe('240×240 CSS px · 480×480 device px');
    expect(assessScannability({ ...fine, width: 100.4, height: 50.6, devicePixelRatio: 1.5 }).sizeText).toBe('100×51 CSS px · 151×76 device px');
  });

  it('has no warning for a large, visible, opaque, uncovered QR', () => {
    expect(kinds({})).toEqual([]);
    expect(assessScannability(fine).moduleDevicePx).toBe(8);
  });

  it.each([
    ['1.9 device px', { moduleCssPx: 1.9, devicePixelRatio: 1 }, ['too-small']],
    ['exactly 2 device px', { moduleCssPx: 1, devicePixelRatio: 2 }, []],
    ['1 CSS px on a 1x screen', { moduleCssPx: 1, devicePixelRatio: 1 }, ['too-small']],
    ['an unknown module size', { moduleCssPx: undefined }, []],
  ])('module size: %s', (_name, facts, expected) => {
    expect(kinds(facts)).toEqual(expected);
  });

  it.each([
    ['clipped', { clipped: true }, ['clipped']],
    ['covered', { covered: true }, ['covered']],
    ['transparent', { opacity: 0.3 }, ['transparent']],
    ['just opaque enough', { opacity: 0.6 }, []],
    ['clipped, covered and faint', { clipped: true, covered: true, opacity: 0.2 }, ['clipped', 'transparent', 'covered']],
  ])('%s', (_name, facts, expected) => {
    expect(kinds(facts)).toEqual(expected);
  });

  it.each([
    ['hidden', { hidden: true }],
    ['zero width', { width: 0 }],
    ['zero height', { height: 0 }],
  ])('reports %s alone: nothing else matters when it cannot be seen', (_name, facts) => {
    expect(kinds({ ...facts, clipped: true, covered: true })).toEqual(['hidden']);
  });

  it('tells the module size in the warning text', () => {
    const [warning] = assessScannability({ ...fine, moduleCssPx: 0.75, devicePixelRatio: 2 }).warnings;
    expect(warning?.text).toContain('1.5 device px');
  });

  it('treats a broken devicePixelRatio as 1', () => {
    expect(assessScannability({ ...fine, devicePixelRatio: 0 }).sizeText).toBe('240×240 CSS px · 240×240 device px');
  });
});
