/**
 * The one storage shape the core needs. The background backs it with `chrome.storage.session`
 * (tokens must not outlive the browser session); tests back it with a Map.
 */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** An in-memory store for tests, the Node sandbox CLI and anything else without browser storage. */
export function createMemoryStore(initial: Record<string, unknown> = {}): KeyValueStore & {
  readonly data: Map<string, unknown>;
} {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    data,
    get: async (key) => data.get(key),
    set: async (key, value) => {
      data.set(key, value);
    },
    remove: async (key) => {
      data.delete(key);
    },
  };
}
