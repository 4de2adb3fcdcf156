// The last generated QR codes (parameters, environment, time, SVG) in storage.local, under a count
// limit the user sets and a byte cap that keeps storage.local's 10 MB quota safe. Each entry has a
// key of its own (`history:<id>`) and a small ordered index under `history` lists them with their
// sizes, so a generate writes one entry and the index, never the whole history again. The index is
// kept in memory too (mirrored-item.ts): every change is computed from it and handed to storage in the
// same call, so a generate's entry is as good as written before the answer goes out, and generates that
// end together all keep theirs.
import { PimError } from '../core/errors';
import { validateParams } from '../core/params';
import { mirroredItem } from '../core/mirrored-item';
import type { ItemSpec } from '../core/storage-item';
import { versioned } from '../core/storage-layout';
import type { KeyValueStore } from '../core/storage-port';
import type { HistoryItem } from '../shared/messages';
import { historyEntryKey, STORAGE_KEYS } from '../shared/storage-keys';
import { HISTORY_SIZE_MAX } from '../shared/limits';
import { readKeyedEntries, removeKeyedEntries } from './keyed-entries';

/** Big SVGs would crowd out settings; older items go first when the total passes this. */
export const HISTORY_MAX_BYTES = 4 * 1024 * 1024;

/** One entry of the index: the size counts toward the byte cap without reading the entry. */
export interface IndexEntry {
  id: string;
  bytes: number;
}

/** The index, newest first. Version 0 was one array of whole items under the same key. */
export const HISTORY_INDEX: ItemSpec<{ entries: IndexEntry[] }, IndexEntry[]> = {
  key: STORAGE_KEYS.history,
  layout: versioned(1, {
    0: (old, alongside) => {
      const items = parseHistory(old).filter((item, at, all) => all.findIndex((other) => other.id === item.id) === at);
      for (const item of items) alongside[historyEntryKey(item.id)] = item;
      return { entries: items.map(indexEntry) };
    },
  }),
  parse: (stored) => parseIndex(stored),
  cap: (value) => ({ entries: capHistory(value.entries, HISTORY_SIZE_MAX) }),
};

/** What one `add` did: the older items it pushed out to make room (read while storage removes them). */
export interface HistoryWrite {
  evicted: Promise<HistoryItem[]>;
  /** Settles when storage has the entry; the writes were handed to storage before `add` resolved. */
  written: Promise<void>;
}

export interface HistoryStore {
  list(): Promise<HistoryItem[]>;
  /** Reads the index into memory: from then on `add` hands its writes to storage before it resolves. */
  load(): Promise<unknown>;
  /**
   * Puts `item` first. When `signal` has aborted by the time the write is made, nothing is written
   * and it rejects with a `cancelled` PimError.
   */
  add(item: HistoryItem, limit: number, signal?: AbortSignal): Promise<HistoryWrite>;
  /** Takes back an item `add` wrote and restores what that write pushed out, as if it never happened. */
  withdraw(id: string, evicted: Promise<readonly HistoryItem[]>, limit: number): Promise<void>;
  /** Deletes one entry (gone already is fine); answers the items left, newest first. */
  remove(id: string): Promise<HistoryItem[]>;
  clear(): Promise<HistoryItem[]>;
}

export function createHistoryStore(local: KeyValueStore): HistoryStore {
  const index = mirroredItem(local, HISTORY_INDEX);
  const read = (entries: readonly IndexEntry[]) => readKeyedEntries(local, historyEntryKey, entries.map((e) => e.id), isHistoryItem);
  const removeEntries = (ids: readonly string[]) => removeKeyedEntries(local, historyEntryKey, ids);
  return {
    load: index.load,
    list: async () => {
      const entries = await index.load();
      const items = await read(entries);
      if (items.length === entries.length) return items;
      // A damaged entry goes with its line in the index; a missing one has nothing left to remove.
      const gone = entries.filter((e) => !items.some((i) => i.id === e.id)).map((e) => e.id);
      await Promise.all([
        removeEntries(gone),
        index.update((current) => ({ value: { entries: current.filter((e) => !gone.includes(e.id)) } })),
      ]);
      return items;
    },
    add: async (item, limit, signal) => {
      await index.load();
      let evicted: Promise<HistoryItem[]> = Promise.resolve([]);
      let removed: Promise<void> = Promise.resolve();
      const indexed = index.update((entries) => {
        // Checked right before the write: a Cancel that came first wins.
        if (signal?.aborted) throw new PimError('cancelled');
        const wanted = [indexEntry(item), ...entries.filter((old) => old.id !== item.id)];
        const kept = capHistory(wanted, limit);
        // capHistory keeps a prefix, so what it cut is the rest: read before storage removes it.
        const cut = wanted.slice(kept.length);
        evicted = read(cut).catch((error: unknown) => {
          console.warn('[history] the entries a new one pushed out could not be read', error);
          return [];
        });
        removed = removeEntries(cut.map((e) => e.id));
        return { value: { entries: kept }, alongside: { [historyEntryKey(item.id)]: item } };
      });
      const written = Promise.all([indexed, removed]).then(() => undefined);
      // Loaded, the calls are made by now (or it was cancelled); otherwise (a refused write dropped the
      // copy) they are made only after a read, so they are waited for.
      if (!index.loaded() || signal?.aborted) await written;
      return { evicted, written };
    },
    withdraw: async (id, evictedItems, limit) => {
      const evicted = await evictedItems;
      let removed: Promise<void> = Promise.resolve();
      const indexed = index.update((entries) => {
        // Already gone (History cleared meanwhile): then nothing comes back either.
        if (!entries.some((e) => e.id === id)) return undefined;
        const kept = entries.filter((e) => e.id !== id);
        const back = evicted.filter((old) => !kept.some((k) => k.id === old.id));
        const next = capHistory([...kept, ...back.map(indexEntry)], limit);
        removed = removeEntries([id]);
        const restored = back.filter((old) => next.some((e) => e.id === old.id));
        return { value: { entries: next }, alongside: Object.fromEntries(restored.map((old) => [historyEntryKey(old.id), old])) };
      });
      await Promise.all([indexed, removed]);
    },
    remove: async (id) => {
      let kept: IndexEntry[] = [];
      let removed: Promise<void> = Promise.resolve();
      const indexed = index.update((entries) => {
        kept = entries.filter((e) => e.id !== id);
        removed = removeEntries([id]);
        return kept.length < entries.length ? { value: { entries: kept } } : undefined;
      });
      await Promise.all([indexed, removed]);
      return read(kept);
    },
    clear: async () => {
      await index.remove((entries) => entries.map((e) => historyEntryKey(e.id)));
      return [];
    },
  };
}

function indexEntry(item: HistoryItem): IndexEntry {
  return { id: item.id, bytes: item.svg.length + 512 };
}

/** The newest entries within `limit` and the byte cap; always the newest one, however big. */
export function capHistory<T extends IndexEntry>(entries: readonly T[], limit: number): T[] {
  const kept: T[] = [];
  let bytes = 0;
  for (const entry of entries.slice(0, limit)) {
    bytes += entry.bytes;
    if (bytes > HISTORY_MAX_BYTES && kept.length > 0) break;
    kept.push(entry);
  }
  return kept;
}

function parseIndex(stored: unknown): IndexEntry[] {
  const entries = typeof stored === 'object' && stored !== null ? (stored as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(entries)) return [];
  const kept = new Map<string, IndexEntry>();
  for (const entry of entries as unknown[]) {
    const { id, bytes } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof id === 'string' && typeof bytes === 'number' && Number.isSafeInteger(bytes) && bytes >= 0 && !kept.has(id)) {
      kept.set(id, { id, bytes });
    }
  }
  return [...kept.values()];
}

/** Drops anything in storage that is not a well-formed item instead of failing the whole list. */
function parseHistory(value: unknown): HistoryItem[] {
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
