// A list the popup loads only when its section is opened (history, request log), and reloads while
// it is open whenever it changes anywhere (store.ts follows storage).
import { signal } from '@preact/signals';
import type { ErrorView } from '../ui/error-view';
import { coalesced } from '../ui/live';
import { tracked } from '../ui/tracked';

/** `removeOne` deletes one item by id and answers the list left; lists without it have no per-item delete. */
export function createLazyList<T>(load: () => Promise<T[]>, clear: () => Promise<T[]>, removeOne?: (id: string) => Promise<T[]>) {
  const open = signal(false);
  const items = signal<T[] | null>(null);
  const error = signal<ErrorView | null>(null);
  const busy = signal(false);

  const run = (action: () => Promise<T[]>) =>
    tracked({ signal: busy, running: true, idle: false }, error, async () => {
      items.value = await action();
    });
  const reload = coalesced(() => run(load));

  return {
    open,
    items,
    error,
    busy,
    toggle(next: boolean) {
      open.value = next;
      if (next) void reload();
    },
    /** After a change elsewhere: only a list someone is looking at is reloaded. */
    refreshIfOpen: () => (open.value ? reload() : Promise.resolve()),
    refresh: reload,
    clear: () => run(clear),
    remove: (id: string) => (removeOne ? run(() => removeOne(id)) : Promise.resolve()),
  };
}

export type LazyList<T> = ReturnType<typeof createLazyList<T>>;
