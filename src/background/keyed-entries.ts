// Lists kept as a small ordered index plus one storage key per entry (history, the request log). A new
// entry writes itself and the index, never the whole list again: storage, and every open view that
// listens to its changes, handles one entry, not all of them.
import type { KeyValueStore } from '../core/storage-port';

/** The entries `ids` names, in that order; missing or malformed ones (which `isEntry` refuses) are left out. */
export async function readKeyedEntries<T extends { id: string }>(
  area: KeyValueStore,
  keyOf: (id: string) => string,
  ids: readonly string[],
  isEntry: (value: unknown) => value is T,
): Promise<T[]> {
  if (ids.length === 0) return [];
  const found = await area.getMany(ids.map(keyOf));
  const entries: T[] = [];
  for (const id of ids) {
    const entry = found[keyOf(id)];
    if (isEntry(entry) && entry.id === id) entries.push(entry);
  }
  return entries;
}

// Entries are removed before the index stops naming them (storage takes the calls in the order they
// are made): a worker stopped in between leaves an index naming a missing entry, which a read leaves
// out, never an entry nothing names.
export function removeKeyedEntries(area: KeyValueStore, keyOf: (id: string) => string, ids: readonly string[]): Promise<void> {
  return ids.length > 0 ? area.remove(ids.map(keyOf)) : Promise.resolve();
}
