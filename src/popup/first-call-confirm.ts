// "Confirm before the first call of a popup session": an environment that asks (settings
// `confirmFirstCall`) has its first Generate in this popup or side panel wait for a yes. Once said,
// the session does not ask again; the session ends when the view closes, so this lives in memory only.
import { type ReadonlySignal, signal } from '@preact/signals';
import type { PopupEnvironment } from './snapshot';

export interface PendingCall {
  environment: PopupEnvironment;
  start: () => void;
}

export function createFirstCallConfirm(environment: ReadonlySignal<PopupEnvironment | undefined>) {
  const confirmed = new Set<string>();
  const pending = signal<PendingCall | null>(null);
  let asked = false;
  return {
    pending,
    /** Whether this session asked yet: from then on the dialog stays in the page, open or closed. */
    asked: () => asked || pending.value !== null,
    /** Holds `start` back when the environment in use must ask first; false when it may run now. */
    holds(start: () => void): boolean {
      const now = environment.value;
      if (!now?.confirmFirstCall || confirmed.has(now.id)) return false;
      pending.value = { environment: now, start };
      asked = true;
      return true;
    },
    confirm() {
      const call = pending.value;
      pending.value = null;
      // Switched meanwhile (here or because it was deleted elsewhere): the yes was not for that one.
      if (!call || environment.value?.id !== call.environment.id) return;
      confirmed.add(call.environment.id);
      call.start();
    },
    cancel: () => void (pending.value = null),
  };
}

export type FirstCallConfirm = ReturnType<typeof createFirstCallConfirm>;
