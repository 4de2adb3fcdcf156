// A list the popup loads only when its section is opened (history, request log).
import { signal } from '@preact/signals';
import type { ErrorView } from '../ui/error-view';
import { toErrorView } from '../ui/error-view';

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

  return {
    open,
    items,
    error,
    busy,
    toggle(next: boolean) {
      open.value = next;
      if (next) void run(load);
    },
    /** After a new request: only a list someone is looking at is reloaded. */
    refreshIfOpen() {
      if (open.value) void run(load);
    },
    refresh: () => run(load),
    clear: () => run(clear),
  };
}

export type LazyList<T> = ReturnType<typeof createLazyList<T>>;
