// The options page's "Defaults": the form's starting values, and whether and how many results history keeps.
import { computed, type Signal, signal } from '@preact/signals';
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
  const keepHistory = signal(true);
  const clearing = signal(false);
  const saving = signal(false);
  const error = signal<ErrorView | null>(null);
  const status = signal('');

  const historySizeValue = computed(() => {
    const text = historySize.value.trim();
    const n = /^[0-9]{1,3}$/.test(text) ? Number(text) : NaN;
    return isHistorySize(n) ? n : undefined;
  });

  /** What was loaded last: a form still equal to it holds nothing the user typed. */
  const shown = () => ({ draft: form.draft.value, historySize: historySize.value, keepHistory: keepHistory.value });
  let loaded = shown();

  function load(defaults: FormDefaults) {
    form.load(draftFromParams(defaults.params));
    historySize.value = String(defaults.historySize);
    keepHistory.value = defaults.keepHistory;
    historyTouched.value = false;
    loaded = shown();
  }

  return {
    form,
    historySize,
    keepHistory,
    saving,
    clearing,
    error,
    status,
    load,
    /** Defaults saved elsewhere (another Options tab) replace a form nobody edited here. */
    follow(defaults: FormDefaults) {
      const unedited = JSON.stringify(shown()) === JSON.stringify(loaded);
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
      // Enter in a field submits while a save is on its way, too.
      if (saving.value) return true;
      form.submitted.value = true;
      const checked = form.validation.value;
      const size = historySizeValue.value;
      if (!checked.ok || size === undefined) return false;
      saving.value = true;
      error.value = null;
      status.value = '';
      send('ui-bg-settings-save', { defaults: { params: checked.params, historySize: size, keepHistory: keepHistory.value } })
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
    /** Deletes every stored result now, apart from saving. */
    clearHistory: () => clearHistory(send, { clearing, error, status }),
  };
}

function clearHistory(send: SendMessage, view: { clearing: Signal<boolean>; error: Signal<ErrorView | null>; status: Signal<string> }) {
  view.clearing.value = true;
  view.error.value = null;
  view.status.value = '';
  send('ui-bg-history-clear', undefined)
    .then(() => (view.status.value = t('statusHistoryCleared')))
    .catch((e: unknown) => (view.error.value = optionsErrorView(e)))
    .finally(() => (view.clearing.value = false));
}

export type DefaultsState = ReturnType<typeof createDefaultsState>;
