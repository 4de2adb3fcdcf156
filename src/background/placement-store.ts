// Remembered placements in storage.local (key "placements"), owned by the background. What is read
// back is validated item by item: a malformed entry is dropped, never handed to a page.
import { PimError } from '../core/errors';
import { type ItemSpec, storedItem } from '../core/storage-item';
import { versioned } from '../core/storage-layout';
import type { KeyValueStore } from '../core/storage-port';
import { isRecord } from '../shared/placement-shapes';
import { type RememberedPlacement, validatePlacement } from '../shared/remembered-placement-shape';
import { STORAGE_KEYS } from '../shared/storage-keys';

export type { RememberedPlacement } from '../shared/remembered-placement-shape';
export { validatePlacement } from '../shared/remembered-placement-shape';

export const MAX_PLACEMENTS = 50;
/** Together with history's 4 MB this keeps storage.local well under its 10 MB quota. */
export const MAX_PLACEMENTS_TOTAL_CHARS = 3 * 1024 * 1024;

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
