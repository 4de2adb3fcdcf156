// What the page scanner reports about the QR codes a page shows (worker-to-scanner.ts carries it,
// contracts/scan-checks.ts checks it before a view reads it).
import type { ScanFacts } from './scannability';

/** How the code is drawn in the page. */
export type ScanKind = 'img' | 'svg' | 'canvas' | 'background';
/** Where it was found: the page itself, an open shadow root, or a frame of the page's own origin. */
export type ScanPlace = 'page' | 'shadow' | 'frame';
/**
 * Why an image could not be read: 'cross-origin', its pixels are another site's (the browser hides
 * them); 'broken', it did not load; 'not-loaded', it had not loaded within the wait.
 */
export type UnreadableReason = 'cross-origin' | 'broken' | 'not-loaded';

export interface ReadCode {
  state: 'read';
  kind: ScanKind;
  place: ScanPlace;
  text: string;
  /** Where it sits and how it shows, for the scannability checks (shared/scannability.ts). */
  facts: ScanFacts;
  modules: number;
  quietZoneModules: number;
  contrast: number;
}

export interface UnreadableImage {
  state: 'unreadable';
  kind: ScanKind;
  place: ScanPlace;
  reason: UnreadableReason;
  /** The image's origin, when it has one. */
  source?: string;
  width: number;
  height: number;
}

export type ScanEntry = ReadCode | UnreadableImage;

export interface PageScan {
  entries: ScanEntry[];
  /** Entries beyond SCAN_ENTRIES_MAX, not listed. */
  more: number;
  /** Frames of other sites: their documents are out of reach. */
  crossOriginFrames: number;
}

/** The port a view that scanned holds open to the page scanner: when it closes, the highlight goes. */
export const SCAN_PORT_NAME = 'pim-qr-scan';
