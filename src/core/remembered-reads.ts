// Reads of a store kept in memory, for a context that writes the keys it reads through this same
// store (the worker's token slots in storage.session): each generate would otherwise wait for a
// storage read before its image call, about 3 ms in Firefox. A change anyone makes, told by `watch`
// (the area's onChanged), drops the key's copy, as does every write through here, so the next read
// goes to storage again: memory only ever holds what storage answered with no change heard since.
import type { KeyValueStore } from './storage-port';

/** Calls the listener with the keys of every change to the store, wherever it was made. */
export type WatchKeys = (listener: (keys: readonly string[]) => void) => void;

export function rememberReads(store: KeyValueStore, watch: WatchKeys): KeyValueStore {
  const copies = new Map<string, { value: unknown }>();
  // Bumped by every change heard or made: a read that began before one must not keep its answer.
  const changes = new Map<string, number>();
  const changed = (keys: string | readonly string[]) => {
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      changes.set(key, (changes.get(key) ?? 0) + 1);
      copies.delete(key);
    }
  };
  watch(changed);
  return {
    async get(key) {
      const copy = copies.get(key);
      // A copy, so a caller that changes what it got cannot change what the next one gets.
      if (copy) return structuredClone(copy.value);
      const before = changes.get(key) ?? 0;
      const value = await store.get(key);
      if ((changes.get(key) ?? 0) === before) copies.set(key, { value: structuredClone(value) });
      return value;
    },
    getMany: (keys) => store.getMany(keys),
    set(key, value) {
      changed(key);
      return store.set(key, value);
    },
    setMany(values) {
      changed(Object.keys(values));
      return store.setMany(values);
    },
    remove(keys) {
      changed(keys);
      return store.remove(keys);
    },
  };
}
