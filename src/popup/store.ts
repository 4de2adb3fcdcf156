// The popup's state: signals built by a factory from the messaging and browser ports it is
// given, and handed to components through context.
import { computed, effect, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { localDefaultParams } from '../shared/default-texts';
import type { EnvironmentView, GenerateResult, HistoryItem } from '../shared/messages';
import type { SendMessage } from '../shared/send-message';
import type { RequestLogEntry } from '../core/request-log';
import { type ErrorView, toErrorView } from '../ui/error-view';
import { t } from '../shared/i18n';
import { createQrFormState, draftFromParams } from '../ui/qr-form-state';
import { settingsNoticeText } from '../ui/settings-notice-text';
import { parseDraft } from './draft';
import { createLazyList } from './list-state';
import type { PageContext } from './page-context';
import { createPlacementState } from './placement-state';
import type { PopupPorts } from './ports';
import { createResultState } from './result-state';

export type GenerationState =
  | { state: 'idle' | 'cancelled' }
  | { state: 'busy'; requestId: string }
  | { state: 'error'; error: ErrorView };

export interface PopupStoreDeps {
  send: SendMessage;
  ports: PopupPorts;
  page: PageContext;
}

export function createPopupStore({ send, ports, page }: PopupStoreDeps) {
  const ready = signal(false);
  const problem = signal<ErrorView | null>(null);
  const notice = signal('');
  const announcement = signal('');
  const environments = signal<EnvironmentView[]>([]);
  const environmentId = signal('sandbox');
  const environment = computed(() => environments.value.find((e) => e.id === environmentId.value));
  const form = createQrFormState(draftFromParams(localDefaultParams()));
  const generation = signal<GenerationState>({ state: 'idle' });
  let announceTimer: ReturnType<typeof setTimeout> | undefined;

  const announce = (text: string) => {
    announcement.value = text;
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => (announcement.value = ''), 4000);
  };
  const result = createResultState({ send, ports, announce });
  const placement = createPlacementState({ send, ports, page, result });
  const history = createLazyList<HistoryItem>(() => send('ui-bg-history-get', undefined), () => send('ui-bg-history-clear', undefined));
  const log = createLazyList<RequestLogEntry>(() => send('ui-bg-log-get', undefined), () => send('ui-bg-log-clear', undefined));

  async function showResult(item: GenerateResult): Promise<void> {
    try {
      await result.show(item);
    } catch (e) {
      generation.value = { state: 'error', error: toErrorView(e) };
    }
  }

  async function run(requestId: string, params: GenerateResult['params']) {
    generation.value = { state: 'busy', requestId };
    form.setServerErrors(undefined);
    const stillCurrent = () => {
      const now = generation.value;
      return now.state === 'busy' && now.requestId === requestId;
    };
    try {
      const item = await send('ui-bg-generate', { requestId, environmentId: environmentId.value, params });
      if (!stillCurrent()) return;
      generation.value = { state: 'idle' };
      await showResult(item);
      announce(t('statusGenerated'));
      history.refreshIfOpen();
    } catch (e) {
      if (!stillCurrent()) return;
      const error = toErrorView(e);
      generation.value = error.kind === 'cancelled' ? { state: 'cancelled' } : { state: 'error', error };
      form.setServerErrors(error.fieldErrors);
    }
    log.refreshIfOpen();
  }

  return {
    page,
    ports,
    ready,
    problem,
    notice,
    announcement,
    environments,
    environmentId,
    environment,
    form,
    generation,
    result,
    placement,
    history,
    log,
    announce,

    async init() {
      const [settings, list, stored] = await Promise.allSettled([
        send('ui-bg-settings-get', undefined),
        send('ui-bg-environments-list', undefined),
        ports.loadDraft(),
      ]);
      const fallback = draftFromParams(settings.status === 'fulfilled' ? settings.value.defaults.params : localDefaultParams());
      form.load((stored.status === 'fulfilled' ? parseDraft(stored.value, fallback) : undefined) ?? fallback);
      if (list.status === 'fulfilled') environments.value = list.value;
      if (settings.status === 'fulfilled') {
        if (list.status !== 'fulfilled' || list.value.some((e) => e.id === settings.value.selectedEnvironmentId)) {
          environmentId.value = settings.value.selectedEnvironmentId;
        }
        notice.value = settingsNoticeText(settings.value.notice);
      }
      const failed = [settings, list].find((r) => r.status === 'rejected');
      if (failed) problem.value = toErrorView(failed.reason);
      ready.value = true;
      void placement.refresh();
      // Every later change is kept, so closing the popup loses nothing.
      let first = true;
      effect(() => {
        const draft = form.draft.value;
        if (first) first = false;
        else ports.saveDraft(draft).catch((e: unknown) => console.warn('[popup] draft not saved', e));
      });
    },

    async selectEnvironment(id: string) {
      environmentId.value = id;
      if (generation.value.state === 'error') generation.value = { state: 'idle' };
      try {
        await send('ui-bg-settings-save', { selectedEnvironmentId: id });
      } catch (e) {
        problem.value = toErrorView(e);
      }
    },

    /** Validates and, when valid, starts the request; false when a field needs fixing first. */
    generate(): boolean {
      if (generation.value.state === 'busy') return true;
      form.submitted.value = true;
      const checked = form.validation.value;
      if (!checked.ok) return false;
      void run(ports.newRequestId(), checked.params);
      return true;
    },

    cancel() {
      const current = generation.value;
      if (current.state !== 'busy') return;
      generation.value = { state: 'cancelled' };
      send('ui-bg-generate-cancel', { requestId: current.requestId }).catch((e: unknown) => console.warn('[popup] cancel failed', e));
    },

    restore(item: HistoryItem) {
      form.load(draftFromParams(item.params));
      if (generation.value.state !== 'busy') generation.value = { state: 'idle' };
      void showResult(item);
    },

    /** One request log entry as a cURL command on the clipboard. */
    async copyLogCurl(logEntryId: string) {
      try {
        const { curl } = await send('ui-bg-curl-get', { logEntryId });
        await ports.copyText(curl);
        announce(t('statusCopied'));
      } catch (e) {
        log.error.value = toErrorView(e);
      }
    },

    async openOptions() {
      try {
        await ports.openOptionsPage();
      } catch (e) {
        problem.value = toErrorView(e);
      }
    },
  };
}

export type PopupStore = ReturnType<typeof createPopupStore>;

export const PopupStoreContext = createContext<PopupStore | null>(null);

export function usePopupStore(): PopupStore {
  const store = useContext(PopupStoreContext);
  if (!store) throw new Error('usePopupStore needs a <PopupStoreContext.Provider>.');
  return store;
}
