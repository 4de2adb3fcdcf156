// Remembered placements in storage.local (key "placements"), owned by the background. What is read
// back is validated item by item: a malformed entry is dropped, never handed to a page.
import { PimError } from '../core/errors';
import { type ItemSpec, storedItem } from '../core/storage-item';
import { versioned } from '../core/storage-layout';
import type { KeyValueStore } from '../core/storage-port';
import { PLACEMENT_MODES, type PinSpec, type PlacementMode, type Point, type Size } from '../shared/placement-messages';
import { isOpacity, REMEMBERED_SVG_MAX_CHARS } from '../shared/limits';
import { normalizePath } from '../shared/page-address';
import { isRecord, isSelector, validPin, validPoint, validSize } from '../shared/placement-shapes';
import { STORAGE_KEYS } from '../shared/storage-keys';

export const MAX_PLACEMENTS = 50;
/** Together with history's 4 MB this keeps storage.local well under its 10 MB quota. */
export const MAX_PLACEMENTS_TOTAL_CHARS = 3 * 1024 * 1024;

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

export interface PlacementStore {
  list(): Promise<RememberedPlacement[]>;
  /** Throws PimError when the limits would be passed. */
  add(placement: RememberedPlacement): Promise<RememberedPlacement[]>;
  /** The updated item, or undefined when no item has that id. */
  update(id: string, change: (p: RememberedPlacement) => RememberedPlacement): Promise<RememberedPlacement | undefined>;
  /** Removes every item the predicate accepts; answers the removed ones. */
  remove(which: (p: RememberedPlacement) => boolean): Promise<RememberedPlacement[]>;
}

/** Version 1 is the first layout: `{ schemaVersion: 1, items }`; anything else reads as nothing remembered. */
const PLACEMENTS: ItemSpec<{ items: RememberedPlacement[] }, RememberedPlacement[]> = {
  key: STORAGE_KEYS.placements,
  layout: versioned(1),
  parse: parsePlacements,
};

export function createPlacementStore(local: KeyValueStore): PlacementStore {
  const placements = storedItem(local, PLACEMENTS);
  return {
    list: placements.read,
    add: (placement) =>
      placements.change(async (current, writer) => {
        const checked = validatePlacement(placement);
        if (!checked) throw new PimError('placement-not-rememberable');
        const items = [...current.filter((p) => p.id !== checked.id), checked];
        checkLimits(items);
        await writer.write({ items });
        return items;
      }),
    update: (id, change) =>
      placements.change(async (items, writer) => {
        const index = items.findIndex((p) => p.id === id);
        const current = items[index];
        if (!current) return undefined;
        const next = validatePlacement({ ...change(current), id: current.id, origin: current.origin, path: current.path });
        if (!next) return undefined;
        items[index] = next;
        await writer.write({ items });
        return next;
      }),
    remove: (which) =>
      placements.change(async (items, writer) => {
        const removed = items.filter(which);
        if (removed.length > 0) await writer.write({ items: items.filter((p) => !which(p)) });
        return removed;
      }),
  };
}

function checkLimits(items: RememberedPlacement[]): void {
  if (items.length > MAX_PLACEMENTS) {
    throw new PimError('too-many-placements', { params: { max: MAX_PLACEMENTS } });
  }
  const total = items.reduce((sum, p) => sum + p.svg.length, 0);
  if (total > MAX_PLACEMENTS_TOTAL_CHARS) {
    throw new PimError('placements-too-large');
  }
}

/** The items of a version-1 value, each checked; a malformed one is dropped. */
export function parsePlacements(value: unknown): RememberedPlacement[] {
  if (!isRecord(value) || value.schemaVersion !== 1 || !Array.isArray(value.items)) return [];
  const seen = new Set<string>();
  const items: RememberedPlacement[] = [];
  for (const raw of value.items) {
    const item = validatePlacement(raw);
    if (item && !seen.has(item.id)) {
      seen.add(item.id);
      items.push(item);
    }
  }
  return items.slice(0, MAX_PLACEMENTS);
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
