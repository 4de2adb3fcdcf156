// Settings and credentials in storage.local, always read fresh: the worker may have been stopped
// since the last message, so nothing here is cached in memory.
import type { KeyValueStore } from '../core/storage-port';
import { serially } from './serial';
import { loadSettings, type Settings } from './settings-schema';

const SETTINGS_KEY = 'settings';
const NOTICE_KEY = 'settingsNotice';

export interface SettingsStore {
  read(): Promise<Settings>;
  update(change: (settings: Settings) => Settings | Promise<Settings>): Promise<Settings>;
  /** A one-time message about settings that had to be reset; reading it clears it. */
  takeNotice(): Promise<string | undefined>;
}

export function createSettingsStore(local: KeyValueStore): SettingsStore {
  async function read(): Promise<Settings> {
    const loaded = loadSettings(await local.get(SETTINGS_KEY));
    if (loaded.changed) {
      console.info('[settings] stored settings were migrated or repaired');
      await local.set(SETTINGS_KEY, loaded.settings);
      if (loaded.notice) await local.set(NOTICE_KEY, loaded.notice);
    }
    return loaded.settings;
  }
  return {
    read: () => serially(SETTINGS_KEY, read),
    update: (change) =>
      serially(SETTINGS_KEY, async () => {
        const next = await change(await read());
        await local.set(SETTINGS_KEY, next);
        return next;
      }),
    takeNotice: async () => {
      const notice = await local.get(NOTICE_KEY);
      if (notice === undefined) return undefined;
      await local.remove(NOTICE_KEY);
      return typeof notice === 'string' ? notice : undefined;
    },
  };
}
