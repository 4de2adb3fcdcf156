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

  return {
    environments,
    environmentId,
    environment,
    /**
     * Takes the worker's list and selection. Answers a notice when the environment in use is gone
     * (deleted in Options): the view then uses the one the worker selected, and must say so. Only
     * what the form shows of each environment is kept.
     */
    apply(list: readonly PopupEnvironment[], selected: string): string {
      const using = environments.value.find((e) => e.id === environmentId.value);
      environments.value = list.map(popupEnvironment);
      if (saving > 0 || !list.some((e) => e.id === selected)) return '';
      const gone = using !== undefined && !list.some((e) => e.id === using.id);
      environmentId.value = selected;
      const now = environment.value;
      return gone && now ? t('environmentDeletedSwitched', environmentName(using), environmentName(now)) : '';
    },
    /** Uses `id` here at once and makes it the selected environment everywhere. */
    async select(id: string): Promise<void> {
      environmentId.value = id;
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
