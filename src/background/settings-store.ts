// Settings and client IDs in storage.local. Only the background writes them (pages ask it to), so once
// read they are kept in memory until its own next write: a stopped worker starts with nothing kept
// and reads them again. The browser policy's environments are not kept: a policy changes outside the
// extension. Secrets are not settings: they live in the secret store, and a secret an older version
// left in storage.local is moved there first.
import { apiOrigin } from '../core/environments';
import { MANAGED_ID_PREFIX, readManagedEnvironments } from '../core/managed-environments';
import { PimError } from '../core/errors';
import { type ItemWriter, storedForm, storedItem } from '../core/storage-item';
import type { KeyValueStore } from '../core/storage-port';
import { pageLocalStorage, writeCopy } from '../shared/page-copy';
import { parseSettingsNotice, type SettingsNotice } from '../shared/settings-notice';
import { STORAGE_KEYS } from '../shared/storage-keys';
import { allEnvironments } from './environments';
import type { SecretStore } from './secret-store';
import { type LoadedSettings, loadSettings, SETTINGS_ITEM, type Settings } from './settings-schema';

export interface SettingsStore {
  read(): Promise<Settings>;
  /**
   * The settings a call to `environmentId` needs. Only a `managed-` id can name a policy environment,
   * so any other leaves the policy unread (`managed` unset): Chromium answers its first policy read
   * seconds after it starts.
   */
  readFor(environmentId: unknown): Promise<Settings>;
  /**
   * The settings with the browser policy's environments as `policyFrom` had them: for a second look
   * within one action (a generate, once its answer is in), where reading the policy again buys nothing.
   */
  reread(policyFrom: Settings): Promise<Settings>;
  update(change: (settings: Settings) => Settings | Promise<Settings>): Promise<Settings>;
  /** A one-time message about settings that had to be reset; reading it clears it. */
  takeNotice(): Promise<SettingsNotice | undefined>;
}

/** `policy` reads the browser policy's environments (storage.managed); undefined when there is none. */
export function createSettingsStore(local: KeyValueStore, secrets: SecretStore, policy: () => Promise<unknown>): SettingsStore {
  const item = storedItem(local, SETTINGS_ITEM);
  const notice = storedItem<unknown>(local, { key: STORAGE_KEYS.settingsNotice, parse: (stored) => stored });
  /** `stuck` when old secrets are still in storage.local: writing the settings now would lose them. */
  async function settle(loaded: LoadedSettings, writer: ItemWriter<Settings>): Promise<{ settings: Settings; stuck: boolean }> {
    if (loaded.legacySecrets) {
      try {
        await moveLegacySecrets(loaded, secrets);
      } catch (error) {
        // Left where they are, they are still there for the next start to move.
        console.warn('[settings] could not move client secrets out of storage.local', error);
        return { settings: loaded.settings, stuck: true };
      }
    }
    if (loaded.changed) {
      if (!loaded.firstRun) console.info('[settings] stored settings were migrated or repaired');
      await dropPopupSnapshot(local);
      await writer.write(loaded.settings, loaded.notice ? { [STORAGE_KEYS.settingsNotice]: loaded.notice } : {});
    }
    return { settings: loaded.settings, stuck: false };
  }
  // The stored settings as last read or written here; `writes` tells a read that a write overtook it.
  let kept: Promise<Settings> | undefined;
  let writes = 0;
  let policyInTurn: Promise<unknown> = Promise.resolve();
  const stored = (): Promise<Settings> => {
    if (kept) return kept;
    const started = writes;
    const reading = item.change(async (loaded, writer) => {
      const current = await settle(loaded, writer);
      // Secrets still to move: read again next time, so the move is tried again.
      if (!current.stuck && writes === started) kept = Promise.resolve(current.settings);
      return current.settings;
    });
    return reading;
  };
  const read = async (): Promise<Settings> => {
    // The policy is read alongside, not after.
    const [settings, policyEnvironments] = await Promise.all([stored(), policy()]);
    // A copy: what a caller does with it must not change what is kept.
    return { ...structuredClone(settings), managed: readManagedEnvironments(policyEnvironments) };
  };
  return {
    read,
    readFor: async (environmentId) =>
      typeof environmentId === 'string' && environmentId.startsWith(MANAGED_ID_PREFIX) ? read() : structuredClone(await stored()),
    reread: async (policyFrom) => ({ ...structuredClone(await stored()), managed: policyFrom.managed }),
    update: (change) => {
      // The policy is read before the change takes its turn, in the order the changes came: waiting
      // for it in turn would hold back every read, a generate's too, while Chromium warms it up.
      const policyRead = policy();
      const turn = policyInTurn.then(() => policyRead);
      policyInTurn = turn.catch(() => undefined);
      return turn.then((policyEnvironments) => item.change(async (loaded, writer) => {
        writes++;
        kept = undefined;
        const current = await settle(loaded, writer);
        if (current.stuck) {
          throw new PimError('secret-move-failed');
        }
        const next = await change({ ...current.settings, managed: readManagedEnvironments(policyEnvironments) });
        const { managed: _policy, ...storedSettings } = next;
        await dropPopupSnapshot(local);
        await writer.write(storedSettings);
        writes++;
        // What a read of storage would give now.
        kept = Promise.resolve(loadSettings(storedForm(SETTINGS_ITEM, storedSettings)).settings);
        return next;
      }));
    },
    takeNotice: async () => {
      const stored = await notice.read();
      if (stored === undefined) return undefined;
      await notice.remove();
      return parseSettingsNotice(stored);
    },
  };
}

/**
 * The popup paints from a snapshot of the environments and defaults (popup/snapshot.ts) and keeps a
 * new one after each answer. Dropped before any change that may make it stale, so the next popup
 * waits for the worker instead of offering, for a moment, an environment that is gone; its copy in
 * localStorage too, where the background is a page that has one (shared/page-copy.ts).
 */
export function dropPopupSnapshot(local: KeyValueStore): Promise<void> {
  const area = pageLocalStorage(globalThis);
  if (area) writeCopy(area, STORAGE_KEYS.popupSnapshot, undefined);
  return local.remove(STORAGE_KEYS.popupSnapshot);
}

/**
 * Each old secret goes to the secret store bound to the origin its environment has now and the
 * client ID it was stored with: the only ones it was ever used for.
 */
async function moveLegacySecrets(loaded: LoadedSettings, secrets: SecretStore): Promise<void> {
  const environments = allEnvironments(loaded.settings);
  for (const [id, legacy] of Object.entries(loaded.legacySecrets ?? {})) {
    const environment = environments.find((e) => e.id === id);
    const origin = environment ? apiOrigin(environment.baseUrl) : undefined;
    if (origin === undefined) continue;
    await secrets.set(id, { clientSecret: legacy.clientSecret, clientId: legacy.clientId, origin });
  }
}
