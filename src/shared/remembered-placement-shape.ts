// What one remembered placement is, and the check every copy of one passes: read back from storage,
// and taken from a set-up file in Options. Unknown fields are dropped, a malformed item is refused.
import { isOpacity, REMEMBERED_SVG_MAX_CHARS } from './limits';
import { normalizePath } from './page-address';
import { PLACEMENT_MODES, type PinSpec, type PlacementMode, type Point, type Size } from './placement-messages';
import { isRecord, isSelector, validPin, validPoint, validSize } from './placement-shapes';

export interface RememberedPlacement {
  id: string;
  origin: string;
  path: string;
  mode: PlacementMode;
  selector?: string;
  position?: Point;
  size: Size;
  opacity: number;
  pin?: PinSpec;
  svg: string;
  createdAt: number;
}

/** A clean copy of a well-formed placement, or undefined. Unknown fields are dropped. */
export function validatePlacement(value: unknown): RememberedPlacement | undefined {
  if (!isRecord(value)) return undefined;
  const { id, origin, path, mode, selector, position, size, opacity, pin, svg, createdAt } = value;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) return undefined;
  if (typeof origin !== 'string' || !isWebOrigin(origin)) return undefined;
  if (typeof path !== 'string' || !path.startsWith('/') || path.length > 2048 || normalizePath(path) !== path) return undefined;
  if (typeof mode !== 'string' || !(PLACEMENT_MODES as readonly string[]).includes(mode)) return undefined;
  if (typeof svg !== 'string' || svg.length === 0 || svg.length > REMEMBERED_SVG_MAX_CHARS) return undefined;
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) return undefined;
  const checkedSize = validSize(size);
  if (!checkedSize) return undefined;
  const item: RememberedPlacement = {
    id,
    origin,
    path,
    mode: mode as PlacementMode,
    size: checkedSize,
    opacity: isOpacity(opacity) ? opacity : 1,
    svg,
    createdAt,
  };
  if (mode !== 'floating') {
    if (!isSelector(selector)) return undefined;
    item.selector = selector;
  } else {
    const checkedPosition = validPoint(position);
    if (checkedPosition) item.position = checkedPosition;
    const checkedPin = validPin(pin);
    if (checkedPin) item.pin = checkedPin;
  }
  return item;
}

function isWebOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && `${url.protocol}//${url.host}` === value;
  } catch {
    return false;
  }
}
