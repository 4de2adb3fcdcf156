import type { CopyArea } from '../../../src/shared/page-copy';

/** localStorage as Firefox keeps it for the extension: strings under keys. */
export function fakeLocalStorage(): CopyArea & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}
