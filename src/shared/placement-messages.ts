// The placement protocol: what the popup asks of the background about QR placements, and the two
// narrow channels between the background and the content script (bg → content, content → bg).
// Content messages never carry a credential, a token or the request log.
import type { PimErrorData } from '../core/errors';

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

export interface PlaceResult {
  tabId: number;
  placementId: string;
  /** True when the user is still choosing an element: the QR appears after the click. */
  picking: boolean;
  /** True when it was stored; with `picking`, it is stored once the element is chosen. */
  remembered: boolean;
}

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

/** Where a placement ended up, for storing it. */
export interface PlacedInfo {
  id: string;
  selector?: string;
  position?: Point;
  size: Size;
}

/** What the page's context menu click tells about the element under it. */
export interface ContextTargetHints {
  srcUrl?: string;
  linkUrl?: string;
  selectionText?: string;
}

/** Background → content script (chrome.tabs.sendMessage). */
export interface TabProtocol {
  'bg-content-ping': { request: undefined; response: { ready: true } };
  'bg-content-place': { request: PlacementSpec; response: PlacedInfo };
  'bg-content-pick': { request: PlacementSpec; response: { picking: true } };
  /** 'over': floating and pinned over the element; 'replace': in its place. */
  'bg-content-place-at-context-target': {
    request: { spec: PlacementSpec; how: 'over' | 'replace'; hints: ContextTargetHints };
    response: { placed: boolean; picking: boolean };
  };
  'bg-content-remove': { request: { ids: string[] }; response: { removed: number } };
  'bg-content-notice': { request: { text: string }; response: { shown: true } };
}

/** Content script → background. The page key is always checked against the sender's own origin. */
export interface ContentProtocol {
  /** Remembered placements for the page the content script is on now (`url`: its location.href). */
  'content-bg-restore': { request: { url: string }; response: PlacementSpec[] };
  /** The user chose the element for a placement the popup asked to remember. */
  'content-bg-picked': { request: { url: string; placementId: string; info: PlacedInfo }; response: { remembered: boolean } };
  /** The user moved, resized, pinned or faded a remembered placement. */
  'content-bg-placement-update': {
    request: { url: string; id: string; position?: Point; size?: Size; opacity?: number; pin?: PinSpec | null };
    response: { updated: boolean };
  };
  /** The user removed a remembered placement with its own "Remove QR" button. */
  'content-bg-placement-removed': { request: { url: string; id: string }; response: { forgotten: boolean } };
}

export type TabMessageName = keyof TabProtocol;
export type ContentMessageName = keyof ContentProtocol;

export interface TabEnvelope<N extends TabMessageName = TabMessageName> {
  name: N;
  payload: TabProtocol[N]['request'];
}

export interface ContentEnvelope<N extends ContentMessageName = ContentMessageName> {
  name: N;
  payload: ContentProtocol[N]['request'];
}

export type WireReply<T> = { ok: true; value: T } | { ok: false; error: PimErrorData };

export const TAB_MESSAGE_NAMES: readonly TabMessageName[] = [
  'bg-content-ping',
  'bg-content-place',
  'bg-content-pick',
  'bg-content-place-at-context-target',
  'bg-content-remove',
  'bg-content-notice',
];

export const CONTENT_MESSAGE_NAMES: readonly ContentMessageName[] = [
  'content-bg-restore',
  'content-bg-picked',
  'content-bg-placement-update',
  'content-bg-placement-removed',
];

function hasName(value: unknown, names: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const name = (value as { name?: unknown }).name;
  return typeof name === 'string' && names.includes(name);
}

export function isTabEnvelope(value: unknown): value is TabEnvelope {
  return hasName(value, TAB_MESSAGE_NAMES);
}

export function isContentEnvelope(value: unknown): value is ContentEnvelope {
  return hasName(value, CONTENT_MESSAGE_NAMES);
}
