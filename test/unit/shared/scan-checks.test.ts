import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { pageScan } from '../../../src/shared/contracts/scan-checks';
import { SCAN_ENTRIES_MAX, SCAN_TEXT_MAX_CHARS, TEXT_MAX_CHARS } from '../../../src/shared/limits';
import { uiToWorker } from '../../../src/shared/contracts/ui-to-worker';
import { workerToScanner } from '../../../src/shared/contracts/worker-to-scanner';

const facts = { width: 200, height: 200, devicePixelRatio: 2, moduleCssPx: 6.9, clipped: false, hidden: false, opacity: 1, covered: false };
const read = { state: 'read', kind: 'svg', place: 'shadow', text: 'https://staging.example/', facts, modules: 29, quietZoneModules: 4, contrast: 21 };
const unreadable = { state: 'unreadable', kind: 'img', place: 'frame', reason: 'cross-origin', source: 'http://127.0.0.1:9', width: 150, height: 150 };
const scan = (entries: unknown[], more = 0, crossOriginFrames = 1) => ({ entries, more, crossOriginFrames });

function refusedField(raw: unknown): string | undefined {
  try {
    pageScan(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(PimError);
    return String((error as PimError).params?.field ?? (error as PimError).code);
  }
  throw new Error('accepted');
}

describe('pageScan', () => {
  it('passes a well-formed answer through, field by field', () => {
    expect(pageScan(scan([read, unreadable]))).toEqual(scan([read, unreadable]));
  });

  it('keeps only the fields it knows', () => {
    const checked = pageScan(scan([{ ...read, html: '<b>', facts: { ...facts, extra: 1 } }]));
    expect(checked.entries[0]).toEqual(read);
  });

  it.each([
    ['no object', 'x', 'malformed-request'],
    ['entries not a list', { entries: {}, more: 0, crossOriginFrames: 0 }, 'entries'],
    ['too many entries', scan(Array.from({ length: SCAN_ENTRIES_MAX + 1 }, () => read)), 'entries'],
    ['a text longer than any QR holds', scan([{ ...read, text: '7'.repeat(SCAN_TEXT_MAX_CHARS + 1) }]), 'text'],
    ['a text that is no string', scan([{ ...read, text: { toString: () => 'x' } }]), 'text'],
    ['an unknown kind', scan([{ ...read, kind: 'video' }]), 'kind'],
    ['an unknown place', scan([{ ...read, place: 'elsewhere' }]), 'place'],
    ['an unknown state', scan([{ ...read, state: 'maybe' }]), 'state'],
    ['an unknown reason', scan([{ ...unreadable, reason: 'because' }]), 'reason'],
    ['a source too long', scan([{ ...unreadable, source: 'h'.repeat(TEXT_MAX_CHARS + 1) }]), 'source'],
    ['a width that is not a number', scan([{ ...read, facts: { ...facts, width: '200' } }]), 'width'],
    ['an infinite module size', scan([{ ...read, facts: { ...facts, moduleCssPx: Infinity } }]), 'moduleCssPx'],
    ['a NaN contrast', scan([{ ...read, contrast: Number.NaN }]), 'contrast'],
    ['a contrast above 21', scan([{ ...read, contrast: 22 }]), 'contrast'],
    ['too few modules', scan([{ ...read, modules: 20 }]), 'modules'],
    ['an opacity above 1', scan([{ ...read, facts: { ...facts, opacity: 2 } }]), 'opacity'],
    ['a flag that is no boolean', scan([{ ...read, facts: { ...facts, clipped: 'no' } }]), 'clipped'],
    ['no facts', scan([{ ...read, facts: null }]), 'malformed-request'],
    ['a negative count of frames', scan([], 0, -1), 'crossOriginFrames'],
    ['an endless "more"', { ...scan([]), more: Number.POSITIVE_INFINITY }, 'more'],
  ])('refuses %s', (_name, raw, field) => {
    expect(refusedField(raw)).toBe(field);
  });
});

describe('the highlight index', () => {
  it.each([[0], [SCAN_ENTRIES_MAX - 1], [null]])('accepts %j', (index) => {
    expect(workerToScanner['bg-scanner-highlight'].check({ index })).toEqual({ index });
    expect(uiToWorker['ui-bg-scan-highlight'].check({ tabId: 4, index })).toEqual({ tabId: 4, index });
  });

  it.each([[-1], [SCAN_ENTRIES_MAX], [1.5], ['1'], [undefined], [Number.NaN]])('refuses %j', (index) => {
    expect(() => workerToScanner['bg-scanner-highlight'].check({ index })).toThrow(PimError);
    expect(() => uiToWorker['ui-bg-scan-highlight'].check({ tabId: 4, index })).toThrow(PimError);
  });

  it('needs the tab the scan was made in', () => {
    expect(() => uiToWorker['ui-bg-scan-highlight'].check({ index: 0 })).toThrow(PimError);
  });
});
