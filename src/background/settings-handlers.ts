// The settings the pages share: the selected environment, the form's defaults, and which
// environments ask before the first call of a popup session.
import { canonicalDefaults, localizeDefaults } from '../core/params';
import { defaultTexts } from '../shared/default-texts';
import type { SettingsView } from '../shared/messages';
import { findEnvironment } from './environments';
import type { UiHandlers } from './router';
import type { Settings } from './settings-schema';
import type { SettingsStore } from './settings-store';

/** The settings as the pages see them, without the one-time notice (which reading takes). */
export function settingsViewOf(settings: Settings): SettingsView {
  // Defaults still equal to the shipped ones are shown, and printed, in the browser's language.
  const defaults = { ...settings.defaults, params: localizeDefaults(settings.defaults.params, defaultTexts()) };
  // The policy's refused environments go with every answer: an empty list when there is no policy.
  return {
    selectedEnvironmentId: settings.selectedEnvironmentId,
    defaults,
    managedRefused: settings.managed?.refused ?? [],
    managedSecretsIgnored: settings.managed?.secretsIgnored ?? [],
  };
}

export function createSettingsHandlers(deps: { settings: SettingsStore }) {
  const settingsView = async (settings: Settings): Promise<SettingsView> => {
    const notice = await deps.settings.takeNotice();
    const view = settingsViewOf(settings);
    if (notice !== undefined) view.notice = notice;
    return view;
  };

  return {
    'ui-bg-settings-get': async () => settingsView(await deps.settings.read()),

    'ui-bg-settings-save': async (change) => {
      const next = await deps.settings.update((settings) => {
        const updated = { ...settings };
        if (change.selectedEnvironmentId !== undefined) {
          updated.selectedEnvironmentId = findEnvironment(settings, change.selectedEnvironmentId).id;
        }
        if (change.confirmFirstCall !== undefined) {
          const { environmentId, on } = change.confirmFirstCall;
          updated.confirmFirstCall = { ...settings.confirmFirstCall, [findEnvironment(settings, environmentId).id]: on };
        }
        if (change.defaults !== undefined) {
          const { params, historySize, keepHistory } = change.defaults;
          updated.defaults = {
            params: params === undefined ? settings.defaults.params : canonicalDefaults(params, defaultTexts()),
            historySize: historySize ?? settings.defaults.historySize,
            keepHistory: keepHistory ?? settings.defaults.keepHistory,
          };
        }
        return updated;
      });
      return settingsView(next);
    },
  } satisfies Partial<UiHandlers>;
}
