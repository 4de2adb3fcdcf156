// When to look again for the element of a remembered placement that is not on the page: soon at
// first (a framework may still be rendering it), then less and less often, and after a while not at
// all, until the page's address changes. A selector that never matches would otherwise be tried on
// every DOM change for as long as the tab stays open.

export const RETRY_FIRST_MS = 250;
/** Short enough that an element rendered late is still found within 2 s of showing up. */
export const RETRY_MAX_MS = 2_000;
/** Misses before giving up: with the delays above, about 34 s of looking. */
export const RETRY_MAX_MISSES = 20;

/** The wait after the `misses`-th miss: doubling from RETRY_FIRST_MS, at most RETRY_MAX_MS. */
export function retryDelay(misses: number): number {
  return Math.min(RETRY_FIRST_MS * 2 ** Math.max(0, misses - 1), RETRY_MAX_MS);
}

export interface Retries {
  /** May this item be tried now? False while it waits for its turn, and once it was given up. */
  due(id: string): boolean;
  /** Counts a miss and schedules the next turn; false when this miss made it give up. */
  missed(id: string): boolean;
  /** The item was found: its next miss starts from the first, short delay again. */
  found(id: string): void;
  forget(id: string): void;
  /** Forgets every count and turn, given-up items included (the page changed). */
  reset(): void;
}

/** `onDue` runs when an item's turn comes (each turn is a timer, so a quiet page is looked at too). */
export function createRetries(onDue: () => void): Retries {
  const items = new Map<string, { misses: number; timer?: ReturnType<typeof setTimeout> }>();

  const forget = (id: string) => {
    clearTimeout(items.get(id)?.timer);
    items.delete(id);
  };

  return {
    due: (id) => {
      const item = items.get(id);
      return !item || (item.timer === undefined && item.misses < RETRY_MAX_MISSES);
    },
    missed: (id) => {
      const item = items.get(id) ?? { misses: 0 };
      items.set(id, item);
      clearTimeout(item.timer);
      item.timer = undefined;
      item.misses++;
      if (item.misses >= RETRY_MAX_MISSES) return false;
      item.timer = setTimeout(() => {
        item.timer = undefined;
        onDue();
      }, retryDelay(item.misses));
      return true;
    },
    found: forget,
    forget,
    reset: () => {
      for (const id of [...items.keys()]) forget(id);
    },
  };
}
