// The keys of what the extension keeps in extension storage, in one place: the stores that write
// them (background, the popup's draft) and the views that watch them for changes name them from here.
export const STORAGE_KEYS = {
  /** storage.local */
  settings: 'settings',
  settingsNotice: 'settingsNotice',
  history: 'history',
  placements: 'placements',
  /** storage.session: a new value each time a client secret is saved or removed (the secret itself is in IndexedDB). */
  secretsChanged: 'secretsChanged',
  requestLog: 'requestLog',
  placementPicks: 'placementPicks',
} as const;

/** One history entry per key, beside the small ordered index under `history`. */
export const historyEntryKey = (id: string): string => `${STORAGE_KEYS.history}:${id}`;

/** What an open view shows that a change of storage can make stale. */
export type LiveTopic = 'environments' | 'history' | 'log' | 'placements';

/** The topics a storage change touches; drafts and tokens touch none (each view owns its draft). */
export function topicsOf(keys: readonly string[]): Set<LiveTopic> {
  const topics = new Set<LiveTopic>();
  for (const key of keys) {
    if (key === STORAGE_KEYS.settings || key === STORAGE_KEYS.secretsChanged) topics.add('environments');
    else if (key === STORAGE_KEYS.history || key.startsWith(`${STORAGE_KEYS.history}:`)) topics.add('history');
    else if (key === STORAGE_KEYS.requestLog) topics.add('log');
    else if (key === STORAGE_KEYS.placements) topics.add('placements');
  }
  return topics;
}
