// The last calls to KPN (already redacted by the core) in storage.session: useful while debugging,
// gone when the browser closes. Like history, each entry has a key of its own (`requestLog:<id>`) and
// a small ordered index under `requestLog` lists them (keyed-entries.ts): a call writes its entry and
// the index, not all 50 entries again, so a generate's answer does not queue behind the whole log in
// every open view's storage events. The index is kept in memory too (mirrored-item.ts), so a call is
// logged at once.
import type { RequestLogEntry } from '../core/request-log';
import { mirroredItem } from '../core/mirrored-item';
import type { ItemSpec } from '../core/storage-item';
import { versioned } from '../core/storage-layout';
import type { KeyValueStore } from '../core/storage-port';
import { requestLogEntryKey, STORAGE_KEYS } from '../shared/storage-keys';
import { readKeyedEntries, removeKeyedEntries } from './keyed-entries';

export const REQUEST_LOG_SIZE = 50;

const isEntry = (value: unknown): value is RequestLogEntry => typeof (value as { id?: unknown } | null)?.id === 'string';

/** The ids of the entries, newest first. Version 0 was one array of whole entries under the same key. */
export const REQUEST_LOG_INDEX: ItemSpec<{ ids: string[] }, string[]> = {
  key: STORAGE_KEYS.requestLog,
  layout: versioned(1, {
    0: (old, alongside) => {
      const entries = (Array.isArray(old) ? (old as unknown[]) : []).filter(isEntry).slice(0, REQUEST_LOG_SIZE);
      for (const entry of entries) alongside[requestLogEntryKey(entry.id)] = entry;
      return { ids: entries.map((entry) => entry.id) };
    },
  }),
  parse: (stored) => {
    const ids = typeof stored === 'object' && stored !== null ? (stored as { ids?: unknown }).ids : undefined;
    return Array.isArray(ids) ? [...new Set(ids.filter((id): id is string => typeof id === 'string'))] : [];
  },
  cap: (value) => ({ ids: value.ids.slice(0, REQUEST_LOG_SIZE) }),
};

export interface RequestLogStore {
  list(): Promise<RequestLogEntry[]>;
  /** Reads the index into memory: from then on `append` hands its writes to storage before it returns. */
  load(): Promise<unknown>;
  append(entry: RequestLogEntry): Promise<void>;
  clear(): Promise<RequestLogEntry[]>;
}

export function createRequestLogStore(session: KeyValueStore): RequestLogStore {
  const index = mirroredItem(session, REQUEST_LOG_INDEX);
  return {
    list: async () => readKeyedEntries(session, requestLogEntryKey, await index.load(), isEntry),
    load: index.load,
    append: async (entry) => {
      // Loaded, the storage calls below are made before this returns (an async function runs to its first await).
      if (!index.loaded()) await index.load();
      let removed: Promise<void> = Promise.resolve();
      const indexed = index.update((ids) => {
        const wanted = [entry.id, ...ids.filter((id) => id !== entry.id)];
        removed = removeKeyedEntries(session, requestLogEntryKey, wanted.slice(REQUEST_LOG_SIZE));
        return { value: { ids: wanted.slice(0, REQUEST_LOG_SIZE) }, alongside: { [requestLogEntryKey(entry.id)]: entry } };
      });
      await Promise.all([indexed, removed]);
    },
    clear: async () => {
      await index.remove((ids) => ids.map(requestLogEntryKey));
      return [];
    },
  };
}
