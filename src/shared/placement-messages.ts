// What placement messages carry: between the popup and the worker, and on the two narrow channels
// between the worker and the content script (src/shared/contracts/). Content messages never carry a
// credential, a token or the request log.
import type { PlainErrorCode } from '../core/error-codes';

/** floating: on top of the page, draggable; replace: takes an element's box; inside: appended to an element. */
export type PlacementMode = 'floating' | 'replace' | 'inside';
export const PLACEMENT_MODES: readonly PlacementMode[] = ['floating', 'replace', 'inside'];

export interface PlaceRequest {
  /** Absent: the active tab of the last focused normal window. */
  tabId?: number;
  /** The SVG as generated (the content script sanitizes it again before drawing it). */
  svg: string;
  mode: PlacementMode;
  /** The target element for 'replace' and 'inside' when `pick` is not set. */
  selector?: string;
  /** The user chooses the target in the page (hover highlight, click; Esc cancels). */
  pick?: boolean;
  /**
   * Restore it on every visit of this page (origin + path). The popup must first have been granted
   * `<origin>/*` with `chrome.permissions.request` in the click handler.
   */
  remember?: boolean;
}

/** What "Screenshot page" captured: a PNG data URL, and the page's address when the browser tells it. */
export interface PageScreenshot {
  dataUrl: string;
  url?: string | undefined;
}

export interface PlaceResult {
  tabId: number;
  placementId: string;
  /** True when the user is still choosing an element: the QR appears after the click. */
  picking: boolean;
  /** True when it was stored; with `picking`, it is stored once the element is chosen. */
  remembered: boolean;
}

/**
 * How the last "Pick an element" in a tab went: still waiting for the click, placed on the element a
 * selector names, cancelled with Esc, or failed (`code`: why, an error whose words need no values).
 * `id` is the placement's, so a view fills its form once per pick.
 */
export type PickOutcome =
  | { id: string; state: 'picking'; mode: PlacementMode }
  | { id: string; state: 'placed'; mode: PlacementMode; selector: string }
  | { id: string; state: 'cancelled'; mode: PlacementMode }
  | { id: string; state: 'failed'; mode: PlacementMode; code: PlainErrorCode };

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A floating placement that follows an element: its offset from that element's top-left corner. */
export interface PinSpec {
  selector: string;
  dx: number;
  dy: number;
}

/** What the popup may see of a remembered placement (not its SVG). */
export interface RememberedPlacementView {
  id: string;
  /** origin + path, e.g. "https://example.com/login". */
  page: string;
  mode: PlacementMode;
  selector?: string;
  size: Size;
  createdAt: number;
  /** True when it belongs to the page the tab shows now. */
  onThisPage: boolean;
}

export interface RememberedPlacementList {
  /** The tab's site, '' when the tab's address is not known to the extension. */
  origin: string;
  page: string;
  placements: RememberedPlacementView[];
  /** How the tab's last "Pick an element" went; null when none was made on the page the tab shows. */
  lastPick: PickOutcome | null;
}

/** Everything the content script needs to draw one placement. */
export interface PlacementSpec {
  id: string;
  svg: string;
  mode: PlacementMode;
  selector?: string;
  position?: Point;
  size?: Size;
  opacity?: number;
  pin?: PinSpec;
  /** Restored from storage: the content script keeps it in place across re-renders and reports edits. */
  remembered: boolean;
}

/**
 * What the worker asks the content script to draw. Its geometry comes from the page (dragged,
 * resized, over a clicked element) or, for a remembered one, with the worker's answer to a restore.
 */
export type PlacementOrder = Pick<PlacementSpec, 'id' | 'svg' | 'mode' | 'selector' | 'remembered'> & {
  /**
   * The address the tab showed when the worker took the order: a page that shows another one by the
   * time the order arrives (the tab navigated or reloaded meanwhile) refuses it. Absent when the
   * browser does not tell the worker the tab's address.
   */
  page?: string;
};

/** Where a placement ended up, for storing it. */
export interface PlacedInfo {
  id: string;
  selector?: string;
  position?: Point;
  size: Size;
}

/** The user moved, resized, pinned (null: unpinned) or faded a placement; only what changed. */
export interface PlacementChange {
  position?: Point;
  size?: Size;
  opacity?: number;
  pin?: PinSpec | null;
}

/** What the page's context menu click tells about the element under it. */
export interface ContextTargetHints {
  srcUrl?: string;
  linkUrl?: string;
  selectionText?: string;
}
