// The bounds more than one place applies: the payload checks, storage read back, and the forms that
// show them. Each number has one meaning and is written here only. (Limits of the QR parameters
// themselves live with their rules in core/params.ts.)

/**
 * The largest SVG a message may carry to be placed in a page. It guards the worker and the page
 * against a runaway string, not storage: above the 2 MB the API client accepts for an /image answer
 * (core/decode-image.ts), with room for the sanitizer's escaping, so every QR the popup shows can be
 * placed. The refusal's "more than 4 MB" is this number.
 */
export const PLACE_SVG_MAX_CHARS = 4 * 1024 * 1024;

/**
 * The largest SVG one remembered placement keeps in storage.local: a share of the storage budget
 * (three fit in the placements' 3 MB, beside history's 4 MB, under the 10 MB quota). A real PiM QR
 * is a few tens of KB.
 */
export const REMEMBERED_SVG_MAX_CHARS = 1024 * 1024;

/** A placement's opacity: below 5 % nobody finds it again to make it visible. */
export const OPACITY_MIN = 0.05;
export const OPACITY_MAX = 1;

/** How many results history keeps, as set in Options. */
export const HISTORY_SIZE_MIN = 1;
export const HISTORY_SIZE_MAX = 50;

/** A CSS selector typed, picked or remembered. */
export const SELECTOR_MAX_CHARS = 1000;

/** Ids the extension makes itself (requests, log entries, placements): UUIDs, far shorter. */
export const ID_MAX_CHARS = 100;
/** Any other text in a payload: environment ids, names, base URLs, page addresses, notices. */
export const TEXT_MAX_CHARS = 2048;
/** A page address an order is meant for: browsers take addresses up to 2 MB (Chrome's own limit). */
export const PAGE_ADDRESS_MAX_CHARS = 2 * 1024 * 1024;
export const CLIENT_ID_MAX_CHARS = 512;
export const CLIENT_SECRET_MAX_CHARS = 1024;
/** The selected text a right-click hands the page to find its element by: enough to be unique. */
export const SELECTION_HINT_MAX_CHARS = 500;

export function isOpacity(value: unknown): value is number {
  return typeof value === 'number' && value >= OPACITY_MIN && value <= OPACITY_MAX;
}

export function isHistorySize(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= HISTORY_SIZE_MIN && value <= HISTORY_SIZE_MAX;
}

/** How many codes one page scan lists; a page with more says how many it left out. */
export const SCAN_ENTRIES_MAX = 50;
/** The most a QR code can hold (version 40, digits only): a longer "decoded text" did not come from a QR. */
export const SCAN_TEXT_MAX_CHARS = 7089;
/** No page is wider or taller than this in CSS pixels; a larger figure is not a measurement. */
export const SCAN_MAX_CSS_PX = 1_000_000;

/**
 * A request body handed to the built-in Sandbox's offscreen document: far above the 64 KB the emulator
 * reads before it answers 413 (core/sandbox/options.ts), so that answer stays the emulator's own.
 */
export const SANDBOX_BODY_MAX_CHARS = 1024 * 1024;
/** Headers of one request handed to the built-in Sandbox: the worker sends a handful. */
export const SANDBOX_HEADERS_MAX = 50;
