// Placements the popup asked to remember while the user is still picking their element. They wait in
// storage.session (not readable by content scripts) because the worker may stop before the click.
import { storedItem } from '../core/storage-item';
import type { KeyValueStore } from '../core/storage-port';
import { PLACEMENT_MODES, type PlacementMode } from '../shared/placement-messages';
import { STORAGE_KEYS } from '../shared/storage-keys';

/** A pick nobody finished within this time is dropped. */
export const PICK_TTL_MS = 15 * 60 * 1000;
const MAX_PICKS = 5;

export interface PendingPick {
  id: string;
  tabId: number;
  /** origin + path of the page the pick started on. */
  page: string;
  mode: PlacementMode;
  svg: string;
  createdAt: number;
}

export interface PendingPicks {
  add(pick: PendingPick): Promise<void>;
  /** Removes and answers the pick, or undefined when it is unknown or expired. */
  take(id: string): Promise<PendingPick | undefined>;
}

export function createPendingPicks(session: KeyValueStore, now: () => number): PendingPicks {
  const picks = storedItem<PendingPick[]>(session, {
    key: STORAGE_KEYS.placementPicks,
    parse: (stored) => (Array.isArray(stored) ? stored.filter(isPendingPick).filter((p) => now() - p.createdAt < PICK_TTL_MS) : []),
    cap: (waiting) => waiting.slice(-MAX_PICKS),
  });
  return {
    add: (pick) => picks.change((waiting, writer) => writer.write([...waiting.filter((p) => p.tabId !== pick.tabId), pick])),
    take: (id) =>
      picks.change(async (waiting, writer) => {
        await writer.write(waiting.filter((p) => p.id !== id));
        return waiting.find((p) => p.id === id);
      }),
  };
}

function isPendingPick(value: unknown): value is PendingPick {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.tabId === 'number' &&
    typeof v.page === 'string' &&
    typeof v.mode === 'string' &&
    (PLACEMENT_MODES as readonly string[]).includes(v.mode) &&
    typeof v.svg === 'string' &&
    typeof v.createdAt === 'number'
  );
}
