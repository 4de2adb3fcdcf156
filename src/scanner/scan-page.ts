// One scan: every candidate read and decoded, each QR code measured for the scannability checks, every
// image that could not be read listed with the reason. What it answers is the page's, as far as the
// view is concerned: it is checked there (shared/contracts/scan-checks.ts).
import jsQR from 'jsqr';
import { qrFigures } from '../core/qr-figures';
import { SCAN_ENTRIES_MAX, SCAN_MAX_CSS_PX } from '../shared/limits';
import { clipping, effectiveOpacity, isCovered, isHidden } from '../shared/page-visibility';
import type { PageScan, ScanEntry, UnreadableReason } from '../shared/scan-messages';
import type { ScanFacts } from '../shared/scannability';
import { type Candidate, findCandidates } from './find-codes';
import { type Raster, readPixels } from './read-pixels';

function originOf(candidate: Candidate): string | undefined {
  const image = candidate.element as HTMLImageElement;
  const url = candidate.url ?? (candidate.kind === 'img' ? image.currentSrc || image.src : undefined);
  try {
    const origin = url ? new URL(url).origin : 'null';
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** A page can make a box of any size; what it makes is kept within what a measurement can be. */
const cssPx = (value: number) => (Number.isFinite(value) ? Math.min(Math.max(value, 0), SCAN_MAX_CSS_PX) : 0);

function facts(candidate: Candidate, raster: Raster, modulePx: number): ScanFacts {
  const { element, win } = candidate;
  const rect = element.getBoundingClientRect();
  const clipped = clipping(rect, element, win);
  return {
    width: cssPx(candidate.kind === 'background' ? raster.cssWidth : rect.width),
    height: cssPx(candidate.kind === 'background' ? raster.cssHeight : rect.height),
    devicePixelRatio: Math.min(Math.max(win.devicePixelRatio || 1, 0.1), 20),
    moduleCssPx: cssPx(modulePx * raster.cssPerPx),
    clipped: clipped !== 'whole',
    outsideView: clipped === 'outside-view',
    hidden: isHidden(element, win),
    opacity: effectiveOpacity(element, win),
    covered: isCovered(rect, element, win),
  };
}

function unreadable(candidate: Candidate, reason: UnreadableReason): ScanEntry {
  const rect = candidate.element.getBoundingClientRect();
  const source = originOf(candidate);
  return { state: 'unreadable', kind: candidate.kind, place: candidate.place, reason, width: cssPx(rect.width), height: cssPx(rect.height), ...(source ? { source } : {}) };
}

/** The entry for one candidate, or null when it shows no QR code. */
async function entryOf(candidate: Candidate): Promise<ScanEntry | null> {
  const { kind, place } = candidate;
  const read = await readPixels(candidate);
  if ('reason' in read) return unreadable(candidate, read.reason);
  const { pixels } = read.raster;
  const code = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' });
  if (!code) return null;
  const { location } = code;
  const figures = qrFigures(pixels, {
    version: code.version,
    topLeft: location.topLeftCorner,
    topRight: location.topRightCorner,
    bottomLeft: location.bottomLeftCorner,
    bottomRight: location.bottomRightCorner,
  });
  return {
    state: 'read',
    kind,
    place,
    text: code.data,
    facts: facts(candidate, read.raster, figures.modulePx),
    modules: figures.modules,
    quietZoneModules: figures.quietZoneModules,
    contrast: figures.contrast,
  };
}

/** The scan's answer, and the element of each entry, for the highlight. */
export async function scanPage(win: Window): Promise<{ scan: PageScan; elements: Element[] }> {
  const { candidates, crossOriginFrames } = findCandidates(win);
  // Images load at the same time; jsQR itself runs one image after the other.
  // A picture that failed in a way nobody foresaw is still listed: the scan never drops one silently.
  const found = await Promise.all(candidates.map((candidate) => entryOf(candidate).catch(() => unreadable(candidate, 'broken'))));
  const listed = candidates.flatMap((candidate, i) => {
    const entry = found[i];
    return entry ? [{ entry, element: candidate.element }] : [];
  });
  const kept = listed.slice(0, SCAN_ENTRIES_MAX);
  return {
    scan: { entries: kept.map((l) => l.entry), more: listed.length - kept.length, crossOriginFrames },
    elements: kept.map((l) => l.element),
  };
}
