// Between a remembered placement in storage and the spec the content script draws.
import type { PageAddress } from '../shared/page-address';
import type { PlacedInfo, PlacementMode, PlacementSpec } from '../shared/placement-messages';
import type { RememberedPlacement } from './placement-store';

/** What to store for a placement drawn at `info` on the page at `address`. */
export function rememberedPlacement(
  id: string,
  address: PageAddress,
  mode: PlacementMode,
  svg: string,
  info: PlacedInfo,
  createdAt: number,
): RememberedPlacement {
  const item: RememberedPlacement = { id, origin: address.origin, path: address.path, mode, size: info.size, opacity: 1, svg, createdAt };
  if (info.selector !== undefined) item.selector = info.selector;
  if (info.position !== undefined) item.position = info.position;
  return item;
}

export function toSpec(p: RememberedPlacement): PlacementSpec {
  const spec: PlacementSpec = { id: p.id, svg: p.svg, mode: p.mode, size: p.size, opacity: p.opacity, remembered: true };
  if (p.selector !== undefined) spec.selector = p.selector;
  if (p.position !== undefined) spec.position = p.position;
  if (p.pin !== undefined) spec.pin = p.pin;
  return spec;
}
