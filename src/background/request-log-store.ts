// The last calls to KPN (already redacted by the core) in storage.session: useful while debugging,
// gone when the browser closes.
import type { RequestLogEntry } from '../core/request-log';
import type { KeyValueStore } from '../core/storage-port';
import { serially } from './serial';

const LOG_KEY = 'requestLog';
export const REQUEST_LOG_SIZE = 50;

export interface RequestLogStore {
  list(): Promise<RequestLogEntry[]>;
  append(entry: RequestLogEntry): Promise<void>;
  clear(): Promise<RequestLogEntry[]>;
}

export function createRequestLogStore(session: KeyValueStore): RequestLogStore {
  const list = async () => {
    const value = await session.get(LOG_KEY);
    return Array.isArray(value) ? (value as RequestLogEntry[]).filter((e) => typeof e?.id === 'string') : [];
  };
  return {
    list,
    append: (entry) =>
      serially(LOG_KEY, async () => {
        await session.set(LOG_KEY, [entry, ...(await list())].slice(0, REQUEST_LOG_SIZE));
      }),
    clear: () =>
      serially(LOG_KEY, async () => {
        await session.remove(LOG_KEY);
        return [];
      }),
  };
}
