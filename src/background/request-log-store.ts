// The last calls to KPN (already redacted by the core) in storage.session: useful while debugging,
// gone when the browser closes. Kept in memory too (mirrored-item.ts), so a call is logged at once.
import type { RequestLogEntry } from '../core/request-log';
import { mirroredItem } from '../core/mirrored-item';
import type { ItemSpec } from '../core/storage-item';
import type { KeyValueStore } from '../core/storage-port';
import { STORAGE_KEYS } from '../shared/storage-keys';

export const REQUEST_LOG_SIZE = 50;

/** Newest first. */
const REQUEST_LOG: ItemSpec<RequestLogEntry[]> = {
  key: STORAGE_KEYS.requestLog,
  parse: (stored) => (Array.isArray(stored) ? (stored as RequestLogEntry[]).filter((e) => typeof e?.id === 'string') : []),
  cap: (entries) => entries.slice(0, REQUEST_LOG_SIZE),
};

export interface RequestLogStore {
  list(): Promise<RequestLogEntry[]>;
  /** Reads the log into memory: from then on `append` hands its write to storage before it returns. */
  load(): Promise<unknown>;
  append(entry: RequestLogEntry): Promise<void>;
  clear(): Promise<RequestLogEntry[]>;
}

export function createRequestLogStore(session: KeyValueStore): RequestLogStore {
  const log = mirroredItem(session, REQUEST_LOG);
  return {
    list: log.load,
    load: log.load,
    append: (entry) => log.update((entries) => ({ value: [entry, ...entries] })),
    clear: async () => {
      await log.remove();
      return [];
    },
  };
}
