// A copy, in the extension's localStorage, of the two items the popup paints its first frame from: its
// snapshot and its draft (popup/snapshot.ts, popup/draft.ts). In Firefox storage.local answers a
// page's first read about 12 ms after the popup's script starts; localStorage answers at once. The
// copy is kept only where the background is a page of the extension too (Firefox's event page), as it
// must drop the snapshot's copy whenever it drops the snapshot: a service worker (Chrome) has no
// localStorage. storage.local stays the record: the copy is read ahead of it, never instead of it
// when it is missing. Nothing but the extension's own pages can reach its localStorage, and what is
// read back is checked field by field like anything stored.

/** What the copy needs of localStorage. */
export type CopyArea = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface PageCopy {
  /**
   * What the copy says the record holds (`value` undefined: the record has none), or undefined when
   * there is no copy to go by, or it cannot be read: then read the record.
   */
  read(key: string): { value: unknown } | undefined;
  /** `value` undefined: the record has none. Best effort: a copy that could not be written is dropped. */
  write(key: string, value: unknown): void;
}

// Apart from anything else that may ever live in the extension's localStorage.
const PREFIX = 'pim-qr-copy:';

// Stored as a list of the value or of nothing, so that "the record has none" is a copy too: most
// views have no draft, and without that they would wait for storage.local all the same.
export function pageCopy(area: CopyArea): PageCopy {
  return {
    read(key) {
      try {
        const stored: unknown = JSON.parse(area.getItem(PREFIX + key) ?? 'null');
        return Array.isArray(stored) && stored.length <= 1 ? { value: stored[0] ?? undefined } : undefined;
      } catch {
        return undefined;
      }
    },
    write: (key, value) => writeCopy(area, key, value),
  };
}

/** PageCopy's `write`, for a context that only writes (the background: it only ever says "none"). */
export function writeCopy(area: CopyArea, key: string, value: unknown): void {
  try {
    area.setItem(PREFIX + key, JSON.stringify(value === undefined ? [] : [value]));
  } catch (error) {
    // A copy that may be older than the record must not stay behind (quota, storage turned off).
    try {
      area.removeItem(PREFIX + key);
    } catch {
      // Nothing is readable there either, then.
    }
    console.warn('[storage] copy not kept', key, error);
  }
}

/** This context's localStorage, when it has one (a page, not a service worker) and it may be used. */
export function pageLocalStorage(scope: { localStorage?: CopyArea }): CopyArea | undefined {
  try {
    return scope.localStorage;
  } catch {
    // Reading `localStorage` throws where the user turned DOM storage off.
    return undefined;
  }
}
