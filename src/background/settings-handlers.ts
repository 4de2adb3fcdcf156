// The settings the pages share: the selected environment and the form's defaults.
import type { SettingsView } from '../shared/messages';
import { findEnvironment } from './environments';
import type { UiHandlers } from './router';
import type { Settings } from './settings-schema';
import type { SettingsStore } from './settings-store';

export function createSettingsHandlers(deps: { settings: SettingsStore }) {
  const settingsView = async (settings: Settings): Promise<SettingsView> => {
    const notice = await deps.settings.takeNotice();
    const view: SettingsView = { selectedEnvironmentId: settings.selectedEnvironmentId, defaults: settings.defaults };
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
        if (change.defaults !== undefined) updated.defaults = { ...settings.defaults, ...change.defaults };
        return updated;
      });
      return settingsView(next);
    },
  } satisfies Partial<UiHandlers>;
}
