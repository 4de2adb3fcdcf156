// The settings as this view sees them: the environments, the one in use, and the defaults its form
// started from. The first paint may come from the snapshot (snapshot.ts); the worker's answers then
// bring it up to date (`reconcile`), and each answer is kept as the next view's snapshot. What Options
// or another view changes arrives through `refresh` (store.ts follows storage): a deleted environment
// is no longer offered, and new defaults reach a form nobody edited.
import type { Signal } from '@preact/signals';
import { localDefaultParams } from '../shared/default-texts';
import type { EnvironmentView, SettingsView } from '../shared/messages';
import type { SendMessage } from '../shared/send-message';
import type { SettingsNotice } from '../shared/settings-notice';
import { draftFromParams, type FormDraft, type QrFormState } from '../ui/qr-form-state';
import { parseDraft } from './draft';
import type { EnvironmentState } from './environment-state';
import { type PopupSnapshot, snapshotOf } from './snapshot';

export interface SettingsSyncDeps {
  send: SendMessage;
  environments: EnvironmentState;
  form: QrFormState;
  notice: Signal<string>;
  /** Keeps what the worker answered as the snapshot the next view paints from. */
  keep: (snapshot: PopupSnapshot) => void;
}

const sameDraft = (a: FormDraft, b: FormDraft) => JSON.stringify(a) === JSON.stringify(b);

export function createSettingsSync({ send, environments, form, notice, keep }: SettingsSyncDeps) {
  /** The defaults the form started from: a form still equal to them was never edited. */
  let defaults = draftFromParams(localDefaultParams());

  /** Settings that had to be reset are rare: the words for them load with them, not with the popup. */
  function tell(reset: SettingsNotice | undefined) {
    if (!reset) return;
    import('../ui/settings-notice-text')
      .then((m) => (notice.value = m.settingsNoticeText(reset)))
      .catch((e: unknown) => console.warn('[popup] settings notice not shown', e));
  }

  /** `asked`: the environment picks made here when the answer was asked for (environment-state.ts). */
  function apply(settings: SettingsView, list: EnvironmentView[], asked: number) {
    const switched = environments.apply(list, settings.selectedEnvironmentId, asked);
    const next = draftFromParams(settings.defaults.params);
    const follows = !sameDraft(next, defaults) && sameDraft(form.draft.value, defaults);
    // Before the form changes: keeping the draft asks whether it is as the defaults have it.
    defaults = next;
    if (follows) form.load(next);
    if (switched) notice.value = switched;
    else tell(settings.notice);
    keep(snapshotOf(settings, environments.environments.value, defaults));
  }

  return {
    /**
     * The first paint: the environments and defaults of the snapshot, or only the defaults the worker
     * answered; the form starts from this view's stored draft, or from those defaults.
     */
    start(first: PopupSnapshot | { defaults: FormDraft }, stored: unknown) {
      defaults = first.defaults;
      if ('environments' in first) {
        environments.environments.value = first.environments;
        environments.environmentId.value = first.selectedEnvironmentId;
      }
      form.load(parseDraft(stored, defaults) ?? defaults);
    },
    /** The worker's first answers over what the first paint showed; either may be missing when it failed. */
    /** Before asking the worker for what `reconcile` takes: the environment picks made here so far. */
    asking: () => environments.picks(),
    reconcile(settings: SettingsView | undefined, list: EnvironmentView[] | undefined, asked: number) {
      if (settings && list) return apply(settings, list, asked);
      // Without the list, the saved selection is trusted as it is, unless a pick here came after it.
      if (list) environments.apply(list, environments.environmentId.value);
      if (settings) {
        if (asked === environments.picks()) environments.environmentId.value = settings.selectedEnvironmentId;
        tell(settings.notice);
      }
    },
    /** The form is as the defaults have it: the user has not edited it. */
    untouched: (draft: FormDraft) => sameDraft(draft, defaults),
    async refresh() {
      const asked = environments.picks();
      const [settings, list] = await Promise.all([send('ui-bg-settings-get', undefined), send('ui-bg-environments-list', undefined)]);
      apply(settings, list, asked);
    },
  };
}

export type SettingsSync = ReturnType<typeof createSettingsSync>;
