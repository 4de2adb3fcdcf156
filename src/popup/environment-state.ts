// The environments the popup offers and the one it uses, in step with the worker's settings: what
// Options or another view changes arrives through `apply` (store.ts follows storage).
import { computed, signal } from '@preact/signals';
import type { SendMessage } from '../shared/send-message';
import { environmentName } from '../ui/environment-name';
import { t } from '../shared/i18n';
import { popupEnvironment, type PopupEnvironment } from './snapshot';

export function createEnvironmentState(send: SendMessage) {
  const environments = signal<PopupEnvironment[]>([]);
  const environmentId = signal('sandbox');
  const environment = computed(() => environments.value.find((e) => e.id === environmentId.value));
  /** Selections this view is still saving: until they land, the worker's answer may predate them. */
  let saving = 0;
  /** Selections made here so far: an answer to a question asked before the latest one predates it. */
  let picks = 0;

  return {
    environments,
    environmentId,
    environment,
    /** Mark a question to the worker with this before asking; `apply` then knows what its answer missed. */
    picks: () => picks,
    /**
     * Takes the worker's list and selection. Answers a notice when the environment in use is gone
     * (deleted in Options): the view then uses the one the worker selected, and must say so. Only
     * what the form shows of each environment is kept. `asked` (from `picks`) says when the answer
     * was asked for: a selection made here since then stays, as long as its environment still exists.
     */
    apply(list: readonly PopupEnvironment[], selected: string, asked = picks): string {
      const using = environments.value.find((e) => e.id === environmentId.value);
      environments.value = list.map(popupEnvironment);
      if (saving > 0 || !list.some((e) => e.id === selected)) return '';
      if (asked !== picks && using !== undefined && list.some((e) => e.id === using.id)) return '';
      const gone = using !== undefined && !list.some((e) => e.id === using.id);
      environmentId.value = selected;
      const now = environment.value;
      return gone && now ? t('environmentDeletedSwitched', environmentName(using), environmentName(now)) : '';
    },
    /** Uses `id` here at once and makes it the selected environment everywhere. */
    async select(id: string): Promise<void> {
      environmentId.value = id;
      picks++;
      saving++;
      try {
        await send('ui-bg-settings-save', { selectedEnvironmentId: id });
      } finally {
        saving--;
      }
    },
  };
}

export type EnvironmentState = ReturnType<typeof createEnvironmentState>;
