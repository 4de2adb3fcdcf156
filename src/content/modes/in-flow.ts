// What 'replace' and 'inside' share: the host takes part in the page's layout at a fixed size, and
// reports the element it belongs to rather than a position.
import type { PlacedInfo, PlacementSpec } from '../../shared/placement-messages';
import { forceStyles } from '../../shared/own-host';
import { sizeOf } from './mode';

export function applyInFlow(host: HTMLElement, state: PlacementSpec, layout: Record<string, string>): void {
  const { width, height } = sizeOf(state);
  forceStyles(host, {
    position: 'relative', width: `${width}px`, height: `${height}px`, 'box-sizing': 'border-box',
    opacity: String(state.opacity ?? 1), ...layout,
  });
}

export function inFlowInfo(state: PlacementSpec): PlacedInfo {
  const info: PlacedInfo = { id: state.id, size: { ...sizeOf(state) } };
  if (state.selector !== undefined) info.selector = state.selector;
  return info;
}
