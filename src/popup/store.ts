// The popup's state: signals built by a factory from the messaging and browser ports it is
// given, and handed to components through context.
import { effect, signal, untracked } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { localDefaultParams } from '../shared/default-texts';
import type { RequestLogEntry } from '../core/request-log';
import type { GenerateAnswer, HistoryItem } from '../shared/messages';
import type { SendMessage } from '../shared/send-message';
import { type ErrorView, toErrorView } from '../ui/error-view';
import { followStorage } from '../ui/live';
import { createQrFormState, draftFromParams, type FormDraft, type QrFormState } from '../ui/qr-form-state';
import { createEnvironmentState } from './environment-state';
import { createFirstCallConfirm } from './first-call-confirm';
import { holdUntilReconciled, paintThenReconcile } from './first-paint';
import { createGeneration } from './generation-state';
import { createLazyList } from './list-state';
import type { PageContext } from './page-context';
import { createPlacementState } from './placement-state';
import type { PopupPorts } from './ports';
import { createResultState } from './result-state';
import { createSettingsSync } from './settings-sync';
import type { PopupSnapshot } from './snapshot';

export type { GenerationState } from './generation-state';

export interface PopupStoreDeps {
  send: SendMessage;
  ports: PopupPorts;
  page: PageContext;
}

export function createPopupStore(deps: PopupStoreDeps) {
  const { send, ports, page } = deps;
  const ready = signal(false);
  const problem = signal<ErrorView | null>(null);
  const notice = signal('');
  const { announcement, announce } = createAnnouncer();
  const environments = createEnvironmentState(send);
  const form = createQrFormState(draftFromParams(localDefaultParams()));
  const keep = (snapshot: PopupSnapshot) => void ports.saveSnapshot(snapshot).catch((e: unknown) => console.warn('[popup] snapshot not kept', e));
  const settings = createSettingsSync({ send, environments, form, notice, keep });
  const result = createResultState({ send, ports, announce });
  const placement = createPlacementState(send, page);
  const history = createHistoryList(send);
  const log = createLazyList<RequestLogEntry>(() => send('ui-bg-log-get', undefined), () => send('ui-bg-log-clear', undefined));
  const showResult = (item: GenerateAnswer) =>
    result.show(item).catch((e: unknown) => void (run.generation.value = { state: 'error', error: toErrorView(e) }));
  const environmentId = () => environments.environmentId.value;
  const firstCall = createFirstCallConfirm(environments.environment);
  const usesPolicyEnvironment = () => environments.environment.value?.managed ?? environments.environment.value === undefined;
  const gate = holdUntilReconciled(firstCall.holds, () => run.generate(), usesPolicyEnvironment);
  const run = createGeneration({ send, form, newRequestId: ports.newRequestId, environmentId, show: showResult, announce, holds: gate.holds });
  const fail = (e: unknown) => void (problem.value = toErrorView(e));
  quietOnError(announce, () => [problem.value, result.error.value, log.error.value, history.error.value].some(Boolean) || run.generation.value.state === 'error');

  return {
    // The messaging and the browser, for what loads later (the page scan, the screenshot) and builds on them.
    page,
    send,
    ports,
    ready,
    problem,
    notice,
    announcement,
    ...environments,
    form,
    ...run,
    firstCall,
    result,
    placement,
    history,
    log,
    announce,

    /** Paints the form as soon as it can (first-paint.ts), then follows what changes elsewhere. */
    async init() {
      // From the first paint on, what is typed is kept and what changes elsewhere is followed: the
      // worker's first answers may take seconds (Chromium's first policy read after it starts).
      const painted = () => {
        ready.value = true;
        // Changes made anywhere else: storage.onChanged says what changed, the worker says how it is now.
        followStorage(ports.watchStorage, {
          environments: settings.refresh,
          history: history.refreshIfOpen,
          log: log.refreshIfOpen,
          placements: placement.refresh,
        });
        // The pick outcome and the remembered placements are the target tab's: they follow it.
        ports.watchTargetTab(() => void placement.refresh());
        keepDraft(form, ports, settings.untouched);
      };
      const { failed } = await paintThenReconcile({ send, ports, settings, paint: painted });
      gate.reconciled();
      if (failed !== undefined) fail(failed);
      void placement.refresh();
    },

    async selectEnvironment(id: string) {
      if (run.generation.value.state === 'error') run.generation.value = { state: 'idle' };
      await environments.select(id).catch(fail);
    },

    restore(item: HistoryItem) {
      form.load(draftFromParams(item.params));
      if (run.generation.value.state !== 'busy') run.generation.value = { state: 'idle' };
      void showResult(item);
    },

    openOptions: () => ports.openOptionsPage().catch(fail),
  };
}

/** The polite status line: each text shows for a few seconds. */
function createAnnouncer() {
  const announcement = signal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const announce = (text: string) => {
    announcement.value = text;
    clearTimeout(timer);
    if (text) timer = setTimeout(() => (announcement.value = ''), 4000);
  };
  return { announcement, announce };
}

/** An error ends any success line still showing: "QR code ready." must not stand beside the failure. */
function quietOnError(announce: (text: string) => void, failed: () => boolean) {
  effect(() => {
    if (failed()) untracked(() => announce(''));
  });
}

/**
 * Every change after the first load is kept, so closing the view loses nothing. A form that only
 * follows the defaults keeps no draft: the next view starts from the defaults as they are then.
 */
function keepDraft(form: QrFormState, ports: PopupPorts, untouched: (draft: FormDraft) => boolean) {
  let first = true;
  effect(() => {
    const draft = form.draft.value;
    if (first) first = false;
    else ports.saveDraft(untouched(draft) ? undefined : draft).catch((e: unknown) => console.warn('[popup] draft not saved', e));
  });
}

export type PopupStore = ReturnType<typeof createPopupStore>;

export const PopupStoreContext = createContext<PopupStore | null>(null);

export function usePopupStore(): PopupStore {
  const store = useContext(PopupStoreContext);
  if (!store) throw new Error('usePopupStore needs a <PopupStoreContext.Provider>.');
  return store;
}

function createHistoryList(send: PopupStoreDeps['send']) {
  return createLazyList<HistoryItem>(
    () => send('ui-bg-history-get', undefined),
    () => send('ui-bg-history-clear', undefined),
    (id) => send('ui-bg-history-delete', { id }),
  );
}
