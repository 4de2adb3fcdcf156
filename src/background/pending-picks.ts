// Placements the popup asked to remember while the user is still picking their element. They wait in
// storage.session (not readable by content scripts) because the worker may stop before the click.
import type { KeyValueStore } from '../core/storage-port';
import { PLACEMENT_MODES, type PlacementMode } from '../shared/placement-messages';
import { serially } from './serial';

const PICKS_KEY = 'placementPicks';
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
  const read = async (): Promise<PendingPick[]> => {
    const value = await session.get(PICKS_KEY);
    return Array.isArray(value) ? value.filter(isPendingPick).filter((p) => now() - p.createdAt < PICK_TTL_MS) : [];
  };
  return {
    add: (pick) =>
      serially(PICKS_KEY, async () => {
        const picks = [...(await read()).filter((p) => p.tabId !== pick.tabId), pick].slice(-MAX_PICKS);
        await session.set(PICKS_KEY, picks);
      }),
    take: (id) =>
      serially(PICKS_KEY, async () => {
        const picks = await read();
        const found = picks.find((p) => p.id === id);
        await session.set(PICKS_KEY, picks.filter((p) => p.id !== id));
        return found;
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
