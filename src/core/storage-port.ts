/**
 * The one storage shape the core needs. The background and the popup back it with a browser storage
 * area (shared/storage-area.ts); tests back it with a Map.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  /** Several keys in one storage call; keys that hold nothing are left out of the answer. */
  getMany(keys: readonly string[]): Promise<Record<string, unknown>>;
  set(key: string, value: unknown): Promise<void>;
  /** Several keys in one storage call, so they change together and listeners hear of them once. */
  setMany(values: Record<string, unknown>): Promise<void>;
  remove(keys: string | readonly string[]): Promise<void>;
}

/** An in-memory store for tests, the Node sandbox CLI and anything else without browser storage. */
export function createMemoryStore(initial: Record<string, unknown> = {}): KeyValueStore & {
  readonly data: Map<string, unknown>;
} {
  const data = new Map<string, unknown>(Object.entries(initial));
  const setMany = async (values: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(values)) data.set(key, value);
  };
  return {
    data,
    get: async (key) => data.get(key),
    getMany: async (keys) => Object.fromEntries(keys.filter((key) => data.has(key)).map((key) => [key, data.get(key)])),
    set: (key, value) => setMany({ [key]: value }),
    setMany,
    remove: async (keys) => {
      for (const key of typeof keys === 'string' ? [keys] : keys) data.delete(key);
    },
  };
}
