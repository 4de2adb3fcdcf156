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
  const listed = (...entries: unknown[]) => entries.map((entry, index) => ({ entry, index }));

  it('passes a well-formed answer through, field by field', () => {
    expect(pageScan(scan([read, unreadable]))).toEqual({ ...scan(listed(read, unreadable)), refused: 0 });
  });

  it('keeps only the fields it knows', () => {
    const checked = pageScan(scan([{ ...read, html: '<b>', facts: { ...facts, extra: 1 } }]));
    expect(checked.entries[0]?.entry).toEqual(read);
  });

  it.each([
    ['no object', 'x', 'malformed-request'],
    ['entries not a list', { entries: {}, more: 0, crossOriginFrames: 0 }, 'entries'],
    ['too many entries', scan(Array.from({ length: SCAN_ENTRIES_MAX + 1 }, () => read)), 'entries'],
    ['a negative count of frames', scan([], 0, -1), 'crossOriginFrames'],
    ['an endless "more"', { ...scan([]), more: Number.POSITIVE_INFINITY }, 'more'],
  ])('refuses an answer with %s', (_name, raw, field) => {
    expect(refusedField(raw)).toBe(field);
  });

  it.each([
    ['a text longer than any QR holds', { ...read, text: '7'.repeat(SCAN_TEXT_MAX_CHARS + 1) }],
    ['a text that is no string', { ...read, text: { toString: (): string => 'x' } }],
    ['an unknown kind', { ...read, kind: 'video' }],
    ['an unknown place', { ...read, place: 'elsewhere' }],
    ['an unknown state', { ...read, state: 'maybe' }],
    ['an unknown reason', { ...unreadable, reason: 'because' }],
    ['a source too long', { ...unreadable, source: 'h'.repeat(TEXT_MAX_CHARS + 1) }],
    ['a width that is not a number', { ...read, facts: { ...facts, width: '200' } }],
    ['a width beyond any page', { ...unreadable, width: 2_000_000 }],
    ['an infinite module size', { ...read, facts: { ...facts, moduleCssPx: Infinity } }],
    ['a NaN contrast', { ...read, contrast: Number.NaN }],
    ['a contrast above 21', { ...read, contrast: 22 }],
    ['too few modules', { ...read, modules: 20 }],
    ['an opacity above 1', { ...read, facts: { ...facts, opacity: 2 } }],
    ['a flag that is no boolean', { ...read, facts: { ...facts, clipped: 'no' } }],
    ['no facts', { ...read, facts: null }],
  ])('leaves out an entry with %s, counts it, and keeps the others in their places', (_name, wrong) => {
    expect(pageScan(scan([read, wrong, unreadable]))).toEqual({ ...scan([{ entry: read, index: 0 }, { entry: unreadable, index: 2 }]), refused: 1 });
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
