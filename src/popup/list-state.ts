// A list the popup loads only when its section is opened (history, request log), and reloads while
// it is open whenever it changes anywhere (store.ts follows storage).
import { signal } from '@preact/signals';
import type { ErrorView } from '../ui/error-view';
import { toErrorView } from '../ui/error-view';
import { coalesced } from '../ui/live';

export function createLazyList<T>(load: () => Promise<T[]>, clear: () => Promise<T[]>) {
  const open = signal(false);
  const items = signal<T[] | null>(null);
  const error = signal<ErrorView | null>(null);
  const busy = signal(false);

  async function run(action: () => Promise<T[]>) {
    busy.value = true;
    try {
      items.value = await action();
      error.value = null;
    } catch (e) {
      error.value = toErrorView(e);
    } finally {
      busy.value = false;
    }
  }
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
  };
}

export type LazyList<T> = ReturnType<typeof createLazyList<T>>;
