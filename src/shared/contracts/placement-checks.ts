// Payload checks of the placement messages, in all three directions. The sender's tab and origin
// are never taken from a payload: the router has them from the browser.
import { PimError } from '../../core/errors';
import { ID_MAX_CHARS, isOpacity, PAGE_ADDRESS_MAX_CHARS, PLACE_SVG_MAX_CHARS, SELECTOR_MAX_CHARS } from '../limits';
import { bad, objectPayload, optionalFlag, optionalString, optionalTabId, type Payload, requiredString } from '../payload';
import type { ContextTargetHints, PlacedInfo, PlacementChange, PlacementMode, PlacementOrder, PlaceRequest } from '../placement-messages';
import { PLACEMENT_MODES } from '../placement-messages';
import { isSelector, selectorProblem, validPin, validPoint, validSize } from '../placement-shapes';

function placementSvg(payload: Payload): string {
  const svg = payload.svg;
  if (typeof svg !== 'string' || svg.trim() === '') {
    throw new PimError('no-image-to-place');
  }
  if (svg.length > PLACE_SVG_MAX_CHARS) {
    throw new PimError('image-too-large-to-place', { params: { maxBytes: PLACE_SVG_MAX_CHARS } });
  }
  return svg;
}

function isPlacementMode(value: unknown): value is PlacementMode {
  return typeof value === 'string' && (PLACEMENT_MODES as readonly string[]).includes(value);
}

/** The popup's "Insert into page": floating unless told otherwise, by selector or picked, remembered or not. */
export function placeRequest(raw: unknown): PlaceRequest {
  const payload = objectPayload(raw);
  const mode = payload.mode ?? 'floating';
  if (!isPlacementMode(mode)) {
    throw bad('mode');
  }
  const order: PlaceRequest = {
    svg: placementSvg(payload),
    mode,
    pick: optionalFlag(payload, 'pick'),
    remember: optionalFlag(payload, 'remember'),
  };
  const tabId = optionalTabId(payload);
  if (tabId !== undefined) order.tabId = tabId;
  if (payload.selector !== undefined && payload.selector !== '') {
    if (!isSelector(payload.selector)) throw new PimError(selectorProblem(payload.selector) ?? 'selector-too-long');
    order.selector = payload.selector.trim();
  }
  if (order.mode === 'floating' && order.pick) {
    throw new PimError('pick-needs-element-mode');
  }
  if (order.mode !== 'floating' && !order.pick && order.selector === undefined) {
    throw new PimError('selector-missing');
  }
  return order;
}

export function placedInfo(value: unknown): PlacedInfo {
  const payload = objectPayload(value);
  const size = validSize(payload.size);
  if (!size) throw bad('size');
  const info: PlacedInfo = { id: requiredString(payload, 'id', ID_MAX_CHARS), size };
  if (isSelector(payload.selector)) info.selector = payload.selector;
  const position = validPoint(payload.position);
  if (position) info.position = position;
  return info;
}

/** An edit keeps what is well formed of it: a stray field is dropped, not a reason to lose the rest. */
export function placementChange(payload: Payload): PlacementChange {
  const out: PlacementChange = {};
  const position = validPoint(payload.position);
  if (position) out.position = position;
  const size = validSize(payload.size);
  if (size) out.size = size;
  if (isOpacity(payload.opacity)) out.opacity = payload.opacity;
  if (payload.pin === null) out.pin = null;
  else {
    const pin = validPin(payload.pin);
    if (pin) out.pin = pin;
  }
  return out;
}

/** What the worker asks the content script to draw: no geometry, which comes from the page itself. */
export function placementOrder(raw: unknown): PlacementOrder {
  const payload = objectPayload(raw);
  if (!isPlacementMode(payload.mode)) throw bad('mode');
  const order: PlacementOrder = {
    id: requiredString(payload, 'id', ID_MAX_CHARS),
    svg: requiredString(payload, 'svg', PLACE_SVG_MAX_CHARS),
    mode: payload.mode,
    // Only a true `remembered` makes the page report edits back to the worker.
    remembered: payload.remembered === true,
  };
  // Whether it names an element is for the page to say (content/page-placements.ts).
  const selector = optionalString(payload, 'selector', SELECTOR_MAX_CHARS);
  if (selector !== undefined) order.selector = selector;
  const page = optionalString(payload, 'page', PAGE_ADDRESS_MAX_CHARS);
  if (page !== undefined) order.page = page;
  return order;
}

/** The browser's own click data, relayed by the worker: an image's address may be a long data: URL. */
export function contextHints(raw: unknown): ContextTargetHints {
  const payload = objectPayload(raw);
  const hints: ContextTargetHints = {};
  for (const key of ['srcUrl', 'linkUrl', 'selectionText'] as const) {
    const value = payload[key];
    if (typeof value === 'string') hints[key] = value;
  }
  return hints;
}
