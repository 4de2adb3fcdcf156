// The keys of what the extension keeps in extension storage, in one place: the stores that write
// them (background, the popup's draft) and the views that watch them for changes name them from here.
export const STORAGE_KEYS = {
  /** storage.local */
  settings: 'settings',
  settingsNotice: 'settingsNotice',
  history: 'history',
  placements: 'placements',
  /** The latest quota figures KPN reported, per environment. */
  quota: 'quota',
  /** What the popup paints its first frame from (popup/snapshot.ts); dropped by the worker when it may be stale. */
  popupSnapshot: 'popupSnapshot',
  /** storage.session: a new value each time a client secret is saved or removed (the secret itself is in IndexedDB). */
  secretsChanged: 'secretsChanged',
  requestLog: 'requestLog',
  placementPicks: 'placementPicks',
  /** How the last "Pick an element" of each tab went: what the popup and side panel show. */
  lastPicks: 'lastPicks',
  /** storage.managed: the environments a browser policy sets (read only, by every part of the extension). */
  managedEnvironments: 'environments',
} as const;

/** One history entry per key, beside the small ordered index under `history`. */
export const historyEntryKey = (id: string): string => `${STORAGE_KEYS.history}:${id}`;

/** One request log entry per key, beside the small ordered index under `requestLog`. */
export const requestLogEntryKey = (id: string): string => `${STORAGE_KEYS.requestLog}:${id}`;
