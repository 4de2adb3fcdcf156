// How every open view (popup, side panel, Firefox sidebar, the popup in a tab, options) stays
// current: storage.onChanged, in both areas, is the only signal. It says which keys changed, never
// what they hold that a view should see; the view asks the worker again through its usual messages,
// so no view reads a secret or a stored item itself (the popup reads only its own: draft and snapshot).
import { STORAGE_KEYS } from '../shared/storage-keys';

/** Calls `listener` with the keys of each storage change, in any area (watch-storage.ts in the browser). */
export type WatchStorage = (listener: (keys: string[]) => void) => void;

/** What an open view shows that a change of storage can make stale. */
export type LiveTopic = 'environments' | 'history' | 'log' | 'placements' | 'quota';

/** The topics a storage change touches; drafts and tokens touch none (each view owns its draft). */
export function topicsOf(keys: readonly string[]): Set<LiveTopic> {
  const topics = new Set<LiveTopic>();
  for (const key of keys) {
    if (key === STORAGE_KEYS.settings || key === STORAGE_KEYS.secretsChanged || key === STORAGE_KEYS.managedEnvironments) topics.add('environments');
    else if (key === STORAGE_KEYS.history || key.startsWith(`${STORAGE_KEYS.history}:`)) topics.add('history');
    else if (key === STORAGE_KEYS.requestLog || key.startsWith(`${STORAGE_KEYS.requestLog}:`)) topics.add('log');
    else if (key === STORAGE_KEYS.placements || key === STORAGE_KEYS.lastPicks) topics.add('placements');
    else if (key === STORAGE_KEYS.quota) topics.add('quota');
  }
  return topics;
}

/**
 * Runs `work` now, or once more right after the run in progress: a burst of changes costs at most
 * two reads, and answers land in the order they were asked for.
 */
export function coalesced(work: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await work().catch((e: unknown) => console.warn('[live] refresh failed', e));
      } while (again);
      running = undefined;
    })();
    return running;
  };
  return run;
}

/** Re-reads what each topic shows whenever storage under it changes. */
export function followStorage(watch: WatchStorage, refresh: Partial<Record<LiveTopic, () => Promise<unknown>>>): void {
  const runs = new Map(Object.entries(refresh).map(([topic, work]) => [topic, coalesced(work)]));
  watch((keys) => {
    for (const topic of topicsOf(keys)) void runs.get(topic)?.();
  });
}
