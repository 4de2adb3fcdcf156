// The last generated QR codes (parameters, environment, time, SVG) in storage.local, under a
// count limit the user sets and a byte cap that keeps storage.local's 10 MB quota safe.
import { PimError } from '../core/errors';
import { validateParams } from '../core/params';
import type { KeyValueStore } from '../core/storage-port';
import type { HistoryItem } from '../shared/messages';
import { serially } from './serial';

const HISTORY_KEY = 'history';
/** Big SVGs would crowd out settings; older items go first when the total passes this. */
export const HISTORY_MAX_BYTES = 4 * 1024 * 1024;

/** What one `add` did: the list it wrote, and the older items it pushed out to make room. */
export interface HistoryWrite {
  items: HistoryItem[];
  evicted: HistoryItem[];
}

export interface HistoryStore {
  list(): Promise<HistoryItem[]>;
  /**
   * Puts `item` first. When `signal` has aborted by the time the write's turn comes (writes to the
   * history queue one after another), nothing is written and it rejects with a `cancelled` PimError.
   */
  add(item: HistoryItem, limit: number, signal?: AbortSignal): Promise<HistoryWrite>;
  /** Takes back an item `add` wrote and returns what that write pushed out, as if it never happened. */
  withdraw(id: string, evicted: readonly HistoryItem[], limit: number): Promise<HistoryItem[]>;
  clear(): Promise<HistoryItem[]>;
}

export function createHistoryStore(local: KeyValueStore): HistoryStore {
  const list = async () => parseHistory(await local.get(HISTORY_KEY));
  return {
    list,
    add: (item, limit, signal) =>
      serially(HISTORY_KEY, async () => {
        const wanted = [item, ...(await list()).filter((old) => old.id !== item.id)];
        // Checked last, right before the write: a Cancel that came while the write waited its turn wins.
        if (signal?.aborted) throw new PimError('cancelled');
        const items = capHistory(wanted, limit);
        await local.set(HISTORY_KEY, items);
        // capHistory keeps a prefix, so what it cut is the rest.
        return { items, evicted: wanted.slice(items.length) };
      }),
    withdraw: (id, evicted, limit) =>
      serially(HISTORY_KEY, async () => {
        const current = await list();
        // Already gone (History cleared meanwhile): then nothing comes back either.
        if (!current.some((old) => old.id === id)) return current;
        const kept = current.filter((old) => old.id !== id);
        const items = capHistory([...kept, ...evicted.filter((old) => !kept.some((k) => k.id === old.id))], limit);
        await local.set(HISTORY_KEY, items);
        return items;
      }),
    clear: () =>
      serially(HISTORY_KEY, async () => {
        await local.remove(HISTORY_KEY);
        return [];
      }),
  };
}

export function capHistory(items: HistoryItem[], limit: number): HistoryItem[] {
  const kept: HistoryItem[] = [];
  let bytes = 0;
  for (const item of items.slice(0, limit)) {
    bytes += item.svg.length + 512;
    if (bytes > HISTORY_MAX_BYTES && kept.length > 0) break;
    kept.push(item);
  }
  return kept;
}

/** Drops anything in storage that is not a well-formed item instead of failing the whole list. */
export function parseHistory(value: unknown): HistoryItem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isHistoryItem);
}

function isHistoryItem(value: unknown): value is HistoryItem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.svg === 'string' &&
    typeof v.bytes === 'number' &&
    typeof v.durationMs === 'number' &&
    typeof v.environmentId === 'string' &&
    typeof v.environmentName === 'string' &&
    typeof v.time === 'number' &&
    validateParams(v.params).ok
  );
}
