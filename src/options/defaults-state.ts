// The options page's "Defaults": the form's starting values and how many results history keeps.
import { computed, signal } from '@preact/signals';
import { localDefaultParams } from '../shared/default-texts';
import { errorText } from '../shared/error-text';
import { HISTORY_SIZE_MAX, HISTORY_SIZE_MIN, isHistorySize } from '../shared/limits';
import type { FormDefaults } from '../shared/messages';
import type { SendMessage } from '../shared/send-message';
import type { ErrorView } from '../ui/error-view';
import { optionsErrorView } from './options-error-view';
import { t } from '../shared/i18n';
import { createQrFormState, draftFromParams } from '../ui/qr-form-state';

export function createDefaultsState(send: SendMessage) {
  const form = createQrFormState(draftFromParams(localDefaultParams()));
  const historySize = signal('20');
  const historyTouched = signal(false);
  const saving = signal(false);
  const error = signal<ErrorView | null>(null);
  const status = signal('');

  const historySizeValue = computed(() => {
    const text = historySize.value.trim();
    const n = /^[0-9]{1,3}$/.test(text) ? Number(text) : NaN;
    return isHistorySize(n) ? n : undefined;
  });

  /** What was loaded last: a form still equal to it holds nothing the user typed. */
  let loaded = { draft: form.draft.value, historySize: historySize.value };

  function load(defaults: FormDefaults) {
    form.load(draftFromParams(defaults.params));
    historySize.value = String(defaults.historySize);
    historyTouched.value = false;
    loaded = { draft: form.draft.value, historySize: historySize.value };
  }

  return {
    form,
    historySize,
    saving,
    error,
    status,
    load,
    /** Defaults saved elsewhere (another Options tab) replace a form nobody edited here. */
    follow(defaults: FormDefaults) {
      const unedited = JSON.stringify({ draft: form.draft.value, historySize: historySize.value }) === JSON.stringify(loaded);
      if (unedited && !saving.value) load(defaults);
    },
    touchHistorySize: () => (historyTouched.value = true),
    historySizeError: computed(() =>
      (historyTouched.value || form.submitted.value) && historySizeValue.value === undefined
        ? errorText({ code: 'history-size-invalid', params: { min: HISTORY_SIZE_MIN, max: HISTORY_SIZE_MAX } }).headline
        : undefined,
    ),
    /** False when a field needs fixing first. */
    save(): boolean {
      form.submitted.value = true;
      const checked = form.validation.value;
      const size = historySizeValue.value;
      if (!checked.ok || size === undefined) return false;
      saving.value = true;
      error.value = null;
      status.value = '';
      send('ui-bg-settings-save', { defaults: { params: checked.params, historySize: size } })
        .then((settings) => {
          load(settings.defaults);
          status.value = t('statusDefaultsSaved');
        })
        .catch((e: unknown) => {
          const view = optionsErrorView(e);
          error.value = view;
          form.setServerErrors(view.fieldErrors);
        })
        .finally(() => (saving.value = false));
      return true;
    },
  };
}

export type DefaultsState = ReturnType<typeof createDefaultsState>;
