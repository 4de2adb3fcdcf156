// The settings as this view sees them: the environments, the one in use, and the defaults its form
// started from. What Options or another view changes arrives through `refresh` (store.ts follows
// storage): a deleted environment is no longer offered, and new defaults reach a form nobody edited.
import type { Signal } from '@preact/signals';
import { localDefaultParams } from '../shared/default-texts';
import type { EnvironmentView, SettingsView } from '../shared/messages';
import type { SendMessage } from '../shared/send-message';
import { settingsNoticeText } from '../ui/settings-notice-text';
import { draftFromParams, type FormDraft, type QrFormState } from '../ui/qr-form-state';
import { parseDraft } from './draft';
import type { EnvironmentState } from './environment-state';

export interface SettingsSyncDeps {
  send: SendMessage;
  environments: EnvironmentState;
  form: QrFormState;
  notice: Signal<string>;
}

const sameDraft = (a: FormDraft, b: FormDraft) => JSON.stringify(a) === JSON.stringify(b);

export function createSettingsSync({ send, environments, form, notice }: SettingsSyncDeps) {
  /** The defaults the form started from: a form still equal to them was never edited. */
  let defaults = draftFromParams(localDefaultParams());

  function apply(settings: SettingsView, list: EnvironmentView[]) {
    const switched = environments.apply(list, settings.selectedEnvironmentId);
    const next = draftFromParams(settings.defaults.params);
    if (!sameDraft(next, defaults) && sameDraft(form.draft.value, defaults)) form.load(next);
    defaults = next;
    notice.value = switched || settingsNoticeText(settings.notice) || notice.value;
  }

  return {
    /** The first read: the form starts from this view's stored draft, or from the defaults. */
    start(settings: SettingsView | undefined, list: EnvironmentView[] | undefined, stored: unknown) {
      if (settings) defaults = draftFromParams(settings.defaults.params);
      form.load(parseDraft(stored, defaults) ?? defaults);
      if (list) environments.environments.value = list;
      if (!settings) return;
      // Without the list, the saved selection is trusted as it is.
      if (list) apply(settings, list);
      else environments.environmentId.value = settings.selectedEnvironmentId;
      notice.value = settingsNoticeText(settings.notice);
    },
    async refresh() {
      const [settings, list] = await Promise.all([send('ui-bg-settings-get', undefined), send('ui-bg-environments-list', undefined)]);
      apply(settings, list);
    },
  };
}
