// The one way a view runs a call whose progress and failure it shows: `busy` says what is running
// until it ends; `error` is cleared as it starts and holds what it threw, in the reader's language.
import type { Signal } from '@preact/signals';
import { type ErrorView, toErrorView } from './error-view';

export async function tracked<B>(
  busy: { signal: Signal<B>; running: B; idle: B },
  error: Signal<ErrorView | null>,
  action: () => Promise<void>,
): Promise<void> {
  busy.signal.value = busy.running;
  error.value = null;
  try {
    await action();
  } catch (e) {
    error.value = toErrorView(e);
  } finally {
    busy.signal.value = busy.idle;
  }
}
