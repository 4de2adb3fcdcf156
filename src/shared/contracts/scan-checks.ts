// Checks what the page scanner answers before a view reads any of it. The scanner runs inside the web
// page and reads what the page draws, so its answer is treated like the page's own: every field is
// checked for shape and bounds. An entry that fails is left out and counted, so that one odd element
// cannot hide the others; an answer whose overall shape is wrong is refused whole.
import { SCAN_ENTRIES_MAX, SCAN_MAX_CSS_PX as MAX_CSS_PX, SCAN_TEXT_MAX_CHARS, TEXT_MAX_CHARS } from '../limits';
import { bad, objectPayload, optionalString, type Payload, requiredString } from '../payload';
import type { PageScan, ScanEntry, ScanKind, ScanPlace, UnreadableReason } from '../scan-messages';
import type { ScanFacts } from '../scannability';

const KINDS: readonly ScanKind[] = ['img', 'svg', 'canvas', 'background'];
const PLACES: readonly ScanPlace[] = ['page', 'shadow', 'frame'];
const REASONS: readonly UnreadableReason[] = ['cross-origin', 'broken', 'not-loaded'];

function oneOf<T extends string>(payload: Payload, key: string, allowed: readonly T[]): T {
  const value = payload[key];
  if (!allowed.includes(value as T)) throw bad(key);
  return value as T;
}

function numberIn(payload: Payload, key: string, min: number, max: number): number {
  const value = payload[key];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) throw bad(key);
  return value;
}

function flag(payload: Payload, key: string): boolean {
  if (typeof payload[key] !== 'boolean') throw bad(key);
  return payload[key];
}

function scanFacts(raw: unknown): ScanFacts {
  const payload = objectPayload(raw);
  const facts: ScanFacts = {
    width: numberIn(payload, 'width', 0, MAX_CSS_PX),
    height: numberIn(payload, 'height', 0, MAX_CSS_PX),
    devicePixelRatio: numberIn(payload, 'devicePixelRatio', 0.1, 20),
    clipped: flag(payload, 'clipped'),
    hidden: flag(payload, 'hidden'),
    opacity: numberIn(payload, 'opacity', 0, 1),
    covered: flag(payload, 'covered'),
  };
  if (payload.outsideView !== undefined) facts.outsideView = flag(payload, 'outsideView');
  if (payload.moduleCssPx !== undefined) facts.moduleCssPx = numberIn(payload, 'moduleCssPx', 0, MAX_CSS_PX);
  return facts;
}

export function scanEntry(raw: unknown): ScanEntry {
  const payload = objectPayload(raw);
  const kind = oneOf(payload, 'kind', KINDS);
  const place = oneOf(payload, 'place', PLACES);
  if (payload.state === 'read') {
    return {
      state: 'read',
      kind,
      place,
      text: requiredString(payload, 'text', SCAN_TEXT_MAX_CHARS),
      facts: scanFacts(payload.facts),
      modules: numberIn(payload, 'modules', 21, 177),
      quietZoneModules: numberIn(payload, 'quietZoneModules', 0, 100),
      contrast: numberIn(payload, 'contrast', 1, 21),
    };
  }
  if (payload.state !== 'unreadable') throw bad('state');
  const entry: ScanEntry = {
    state: 'unreadable',
    kind,
    place,
    reason: oneOf(payload, 'reason', REASONS),
    width: numberIn(payload, 'width', 0, MAX_CSS_PX),
    height: numberIn(payload, 'height', 0, MAX_CSS_PX),
  };
  const source = optionalString(payload, 'source', TEXT_MAX_CHARS);
  if (source !== undefined) entry.source = source;
  return entry;
}

/** The checked answer: each entry kept with its place in the scanner's list (the highlight asks by it). */
export interface CheckedScan extends Omit<PageScan, 'entries'> {
  entries: { entry: ScanEntry; index: number }[];
  /** Entries left out because a field was wrong. */
  refused: number;
}

/** The scanner's answer with every wrong entry left out and counted, or a PimError when its shape is wrong. */
export function pageScan(raw: unknown): CheckedScan {
  const payload = objectPayload(raw);
  const entries: unknown = payload.entries;
  if (!Array.isArray(entries) || entries.length > SCAN_ENTRIES_MAX) throw bad('entries');
  const checked: CheckedScan = {
    entries: [],
    refused: 0,
    more: numberIn(payload, 'more', 0, Number.MAX_SAFE_INTEGER),
    crossOriginFrames: numberIn(payload, 'crossOriginFrames', 0, Number.MAX_SAFE_INTEGER),
  };
  entries.forEach((raw: unknown, index) => {
    try {
      checked.entries.push({ entry: scanEntry(raw), index });
    } catch {
      checked.refused++;
    }
  });
  return checked;
}
