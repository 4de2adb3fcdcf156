// One generate at a time: its request id (so Cancel can name it), and how it ended.
import { effect, signal, untracked } from '@preact/signals';
import type { GenerateAnswer, GenerateResult } from '../shared/messages';
import type { SendMessage } from '../shared/send-message';
import { type ErrorView, toErrorView } from '../ui/error-view';
import { t } from '../shared/i18n';
import type { QrFormState } from '../ui/qr-form-state';

export type GenerationState =
  | { state: 'idle' | 'cancelled' }
  | { state: 'busy'; requestId: string }
  | { state: 'error'; error: ErrorView };

export interface GenerationDeps {
  send: SendMessage;
  form: QrFormState;
  newRequestId: () => string;
  environmentId: () => string;
  /** Shows an answered generate, or says why it cannot. */
  show: (item: GenerateAnswer) => Promise<void>;
  announce: (text: string) => void;
  /** Takes over a valid Generate that must be confirmed first, and calls `start` once it is; false to go now. */
  holds: (start: () => void) => boolean;
}

/** Where a Generate started here ended, for focus to follow; null once focus got there. */
export type GenerateEnd = 'result' | 'error' | null;

export function createGeneration({ send, form, newRequestId, environmentId, show, announce, holds }: GenerationDeps) {
  const generation = signal<GenerationState>({ state: 'idle' });
  const ended = signal<GenerateEnd>(null);
  // An error belongs to the environment it came from: another one, chosen here or switched to because
  // the one in use was deleted elsewhere, starts without it.
  let errorFor: string | undefined;
  effect(() => {
    const id = environmentId();
    if (errorFor !== undefined && id !== errorFor) untracked(forgetError);
    errorFor = id;
  });

  function forgetError() {
    if (generation.value.state !== 'error') return;
    generation.value = { state: 'idle' };
    form.setServerErrors(undefined);
  }

  async function run(requestId: string, params: GenerateResult['params']) {
    generation.value = { state: 'busy', requestId };
    form.setServerErrors(undefined);
    const stillCurrent = () => {
      const now = generation.value;
      return now.state === 'busy' && now.requestId === requestId;
    };
    try {
      const item = await send('ui-bg-generate', { requestId, environmentId: environmentId(), params });
      if (!stillCurrent()) return;
      generation.value = { state: 'idle' };
      await show(item);
      // `show` reports a result it cannot show as the generation's error.
      ended.value = generation.peek().state === 'error' ? 'error' : 'result';
      announce(t('statusGenerated'));
    } catch (e) {
      if (!stillCurrent()) return;
      const error = toErrorView(e);
      generation.value = error.kind === 'cancelled' ? { state: 'cancelled' } : { state: 'error', error };
      form.setServerErrors(error.fieldErrors);
      if (error.kind !== 'cancelled') ended.value = 'error';
    }
  }

  return {
    generation,
    generateEnded: ended,
    /** Validates and, when valid, starts the request (or asks first); false when a field needs fixing first. */
    generate(): boolean {
      if (generation.value.state === 'busy') return true;
      form.submitted.value = true;
      const checked = form.validation.value;
      if (!checked.ok) return false;
      const start = () => void run(newRequestId(), checked.params);
      if (!holds(start)) start();
      return true;
    },
    cancel() {
      const current = generation.value;
      if (current.state !== 'busy') return;
      generation.value = { state: 'cancelled' };
      send('ui-bg-generate-cancel', { requestId: current.requestId }).catch((e: unknown) => console.warn('[popup] cancel failed', e));
    },
  };
}
