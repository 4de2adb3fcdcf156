// The popup's placement messages: payloads checked here, the work done by the placement service.
import { PimError } from '../core/errors';
import type { ResponseOf } from '../shared/messages';
import { PLACEMENT_MODES, type PlacementMode } from '../shared/placement-messages';
import { objectPayload, optionalTabId, type Payload, requiredString } from './payload';
import { isSelector } from './placement-store';
import type { PlaceOrder, PlacementService } from './placement-service';

export type PlacementMessageName = 'ui-bg-place' | 'ui-bg-placements-list' | 'ui-bg-placement-forget' | 'ui-bg-placements-forget-page';

export type PlacementHandlers = { [N in PlacementMessageName]: (payload: unknown) => Promise<ResponseOf<N>> };

/** The background's message size cap; the sanitized QR is far smaller. */
export const MAX_PLACE_SVG_CHARS = 4 * 1024 * 1024;

export function placementSvg(payload: Payload): string {
  const svg = payload.svg;
  if (typeof svg !== 'string' || svg.trim() === '') {
    throw new PimError('no-image-to-place');
  }
  if (svg.length > MAX_PLACE_SVG_CHARS) {
    throw new PimError('image-too-large-to-place', { params: { maxBytes: MAX_PLACE_SVG_CHARS } });
  }
  return svg;
}

function optionalFlag(payload: Payload, key: string): boolean {
  const value = payload[key];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new PimError('malformed-field', { params: { field: key } });
  return value;
}

export function parsePlaceOrder(raw: unknown): PlaceOrder {
  const payload = objectPayload(raw);
  const mode = payload.mode ?? 'floating';
  if (typeof mode !== 'string' || !(PLACEMENT_MODES as readonly string[]).includes(mode)) {
    throw new PimError('malformed-field', { params: { field: 'mode' } });
  }
  const order: PlaceOrder = {
    svg: placementSvg(payload),
    mode: mode as PlacementMode,
    pick: optionalFlag(payload, 'pick'),
    remember: optionalFlag(payload, 'remember'),
  };
  const tabId = optionalTabId(payload);
  if (tabId !== undefined) order.tabId = tabId;
  if (payload.selector !== undefined && payload.selector !== '') {
    if (!isSelector(payload.selector)) {
      throw new PimError('selector-too-long');
    }
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

export function createPlacementHandlers(service: PlacementService): PlacementHandlers {
  return {
    'ui-bg-place': async (raw) => service.place(parsePlaceOrder(raw)),
    'ui-bg-placements-list': async (raw) => service.list(optionalTabId(objectPayload(raw ?? {}))),
    'ui-bg-placement-forget': async (raw) => {
      const payload = objectPayload(raw);
      return service.forget(requiredString(payload, 'id', 100), optionalTabId(payload));
    },
    'ui-bg-placements-forget-page': async (raw) => service.forgetPage(optionalTabId(objectPayload(raw ?? {}))),
  };
}
