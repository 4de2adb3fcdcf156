// The worker → the page scanner (tabs.sendMessage), the script injected only when someone scans a
// page for the QR codes it shows. Like the content script, it answers only this extension's worker.
// What it answers comes from the page: the worker passes it on as it came, and the view checks it
// (scan-checks.ts) before it reads a field, so here the answers are `unknown`.
import { type Contract, message } from '../contract';
import { SCAN_ENTRIES_MAX } from '../limits';
import { indexOrNull, noPayload, objectPayload } from '../payload';

export const workerToScanner = {
  /** Is the scanner listening in this tab's top frame? */
  'bg-scanner-ping': message(noPayload).answers<unknown>(),
  /** Finds, reads and measures every QR code the page shows (a PageScan). */
  'bg-scanner-scan': message(noPayload).answers<unknown>(),
  /** Outlines the entry of the last scan (null: none), scrolled into view; `{ shown: true }` when it is still there. */
  'bg-scanner-highlight': message((raw) => ({ index: indexOrNull(objectPayload(raw), 'index', SCAN_ENTRIES_MAX) })).answers<unknown>(),
} satisfies Contract;

export type WorkerToScanner = typeof workerToScanner;
