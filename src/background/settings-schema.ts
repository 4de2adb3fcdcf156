// The stored settings' shape, its defaults, and the ordered migrations that bring any older or
// damaged copy up to date. Pure: the store around it does the reading and writing.
import { BUILT_IN_ENVIRONMENTS, type Environment, validateEnvironmentInput } from '../core/environments';
import { MANAGED_ID_PREFIX, type ManagedEnvironments } from '../core/managed-environments';
import { DEFAULT_PARAMS, type QrParams, validateParams } from '../core/params';
import { isHistorySize } from '../shared/limits';
import type { ItemSpec, LoadInfo } from '../core/storage-item';
import { type Migrations, versioned } from '../core/storage-layout';
import type { DroppedSetting, SettingsNotice } from '../shared/settings-notice';
import { STORAGE_KEYS } from '../shared/storage-keys';

export const SETTINGS_VERSION = 5;
export const HISTORY_SIZE_DEFAULT = 20;

/** The client ID only: secrets live in the extension's IndexedDB (secret-store.ts), never here. */
export interface StoredCredentials {
  clientId: string;
}

/** A secret found where versions before 3 kept it, in storage.local, still to be moved out. */
export interface LegacySecret {
  clientId: string;
  clientSecret: string;
}

export interface Settings {
  schemaVersion: typeof SETTINGS_VERSION;
  selectedEnvironmentId: string;
  customEnvironments: Environment[];
  /** By environment id. */
  credentials: Record<string, StoredCredentials>;
  /** `keepHistory` off: generates are not written to history (attribute choices name personal data). */
  defaults: { params: QrParams; historySize: number; keepHistory: boolean };
  /**
   * By environment id: whether the first Generate of a popup or side panel session asks first. An
   * environment not named here does not ask.
   */
  confirmFirstCall: Record<string, boolean>;
  /** What the browser policy sets, read afresh with the settings and never stored with them. */
  managed?: ManagedEnvironments;
}

/** The built-in Production environment asks before its first call: its codes are real. */
export const CONFIRM_FIRST_CALL_DEFAULT: Readonly<Record<string, boolean>> = Object.freeze({ production: true });

export function defaultSettings(): Settings {
  return {
    schemaVersion: SETTINGS_VERSION,
    selectedEnvironmentId: 'sandbox',
    customEnvironments: [],
    credentials: {},
    defaults: { params: { ...DEFAULT_PARAMS, attributes: [...DEFAULT_PARAMS.attributes] }, historySize: HISTORY_SIZE_DEFAULT, keepHistory: true },
    confirmFirstCall: { ...CONFIRM_FIRST_CALL_DEFAULT },
  };
}

export interface LoadedSettings {
  settings: Settings;
  /** Whether what was stored differs from `settings` and must be written back. */
  changed: boolean;
  /** Nothing was stored yet (a new install): `settings` are the defaults, nothing was repaired. */
  firstRun?: true;
  /** Told to the user once when something they had stored could not be kept. */
  notice?: SettingsNotice;
  /**
   * Secrets an older version kept in these settings, by environment id. `settings` no longer holds
   * them: the store must move them to the secret store before it writes `settings` back.
   */
  legacySecrets?: Record<string, LegacySecret>;
}

type Raw = Record<string, unknown>;

/**
 * v1 kept each custom environment's credentials inside the environment and had no token or image
 * path overrides; v2 moves credentials to their own map so the environment list can be shown safely.
 * v3 keeps only client IDs here: `repair` lifts any secret out into `legacySecrets`, because
 * storage.local is readable by content scripts in Firefox. v4 adds `defaults.keepHistory`; history was
 * always kept before, so it starts on. v5 adds `confirmFirstCall`: on for the built-in Production
 * environment, off for every other, as for a new install.
 */
const MIGRATIONS: Record<number, (v: Raw) => Raw> = {
  1: (v: Raw) => {
    const environments = Array.isArray(v.environments) ? (v.environments as unknown[]) : [];
    const credentials: Raw = {};
    const customEnvironments = environments.map((item) => {
      const e = isObject(item) ? item : {};
      if (typeof e.id === 'string' && typeof e.clientId === 'string' && typeof e.clientSecret === 'string') {
        credentials[e.id] = { clientId: e.clientId, clientSecret: e.clientSecret };
      }
      return { id: e.id, name: e.name, kind: 'custom', baseUrl: e.baseUrl };
    });
    return {
      schemaVersion: 2,
      selectedEnvironmentId: v.selectedEnvironmentId,
      customEnvironments,
      credentials,
      defaults: v.defaults,
    };
  },
  2: (v) => ({ ...v, schemaVersion: 3 }),
  3: (v) => ({ ...v, schemaVersion: 4, defaults: isObject(v.defaults) ? { ...v.defaults, keepHistory: true } : v.defaults }),
  4: (v) => ({ ...v, schemaVersion: 5, confirmFirstCall: { ...CONFIRM_FIRST_CALL_DEFAULT } }),
};

const SETTINGS_LAYOUT = versioned(SETTINGS_VERSION, MIGRATIONS as Migrations);

/** The settings item: storage.local, key `settings`, versioned and migrated on read. */
export const SETTINGS_ITEM: ItemSpec<Settings, LoadedSettings> = {
  key: STORAGE_KEYS.settings,
  layout: SETTINGS_LAYOUT,
  parse: parseSettings,
};

const RESET_NOTICES: Record<NonNullable<LoadInfo['problem']>, SettingsNotice> = {
  unreadable: { code: 'settings-unreadable' },
  newer: { code: 'settings-from-newer-version' },
  'unknown-older': { code: 'settings-from-unknown-version' },
};

/** What the settings item holds once migrated: every valid part kept, the rest dropped and named. */
export function parseSettings(stored: unknown, how: LoadInfo): LoadedSettings {
  if (how.problem) return reset(RESET_NOTICES[how.problem]);
  if (stored === undefined) return { settings: defaultSettings(), changed: true, firstRun: true };
  if (!isObject(stored)) return { settings: defaultSettings(), changed: true };
  return repair(stored, how.migrated);
}

/** Migrates and parses a stored value in one go, as a read of the item does. */
export function loadSettings(stored: unknown): LoadedSettings {
  const { value, how } = SETTINGS_LAYOUT.upgrade(stored);
  return parseSettings(value, how);
}

/** Keeps every valid part of a current-version object and drops the rest, saying what was dropped. */
function repair(raw: Raw, migrated: boolean): LoadedSettings {
  const base = defaultSettings();
  const dropped: DroppedSetting[] = [];

  const customEnvironments: Environment[] = [];
  for (const item of Array.isArray(raw.customEnvironments) ? raw.customEnvironments : []) {
    const checked = validateEnvironmentInput(item, customEnvironments, () => '', { storedHost: true });
    if (checked.ok && isObject(item) && typeof item.id === 'string' && item.id.startsWith('custom-')) {
      customEnvironments.push({ ...checked.environment, id: item.id });
    } else {
      dropped.push({ environment: isObject(item) && typeof item.name === 'string' ? item.name : '' });
    }
  }

  const credentials: Record<string, StoredCredentials> = {};
  const legacySecrets: Record<string, LegacySecret> = {};
  const ids = new Set([...BUILT_IN_ENVIRONMENTS.map((e) => e.id), ...customEnvironments.map((e) => e.id)]);
  // A managed environment comes and goes with the policy: what the person chose for it is kept.
  const knownIds = { has: (id: string) => ids.has(id) || id.startsWith(MANAGED_ID_PREFIX) };
  for (const [id, value] of Object.entries(isObject(raw.credentials) ? raw.credentials : {})) {
    if (!knownIds.has(id) || !isObject(value) || typeof value.clientId !== 'string') continue;
    credentials[id] = { clientId: value.clientId };
    if (typeof value.clientSecret === 'string' && value.clientSecret !== '') {
      legacySecrets[id] = { clientId: value.clientId, clientSecret: value.clientSecret };
    }
  }

  const selected = typeof raw.selectedEnvironmentId === 'string' && knownIds.has(raw.selectedEnvironmentId)
    ? raw.selectedEnvironmentId
    : base.selectedEnvironmentId;

  const rawDefaults = isObject(raw.defaults) ? raw.defaults : {};
  const checkedParams = validateParams(rawDefaults.params);
  const params = checkedParams.ok ? checkedParams.params : base.defaults.params;
  if (raw.defaults !== undefined && !checkedParams.ok) dropped.push({ formDefaults: true });
  const historySize = isHistorySize(rawDefaults.historySize) ? rawDefaults.historySize : HISTORY_SIZE_DEFAULT;
  const keepHistory = typeof rawDefaults.keepHistory === 'boolean' ? rawDefaults.keepHistory : base.defaults.keepHistory;

  const settings: Settings = {
    schemaVersion: SETTINGS_VERSION,
    selectedEnvironmentId: selected,
    customEnvironments,
    credentials,
    defaults: { params, historySize, keepHistory },
    confirmFirstCall: confirmFirstCallOf(raw.confirmFirstCall, knownIds),
  };
  // chrome.storage hands objects back with their keys sorted, so compare without regard to key order,
  // or every read would look like a repair and write the settings again.
  const changed = migrated || stableJson(settings) !== stableJson(raw);
  const result: LoadedSettings = { settings, changed };
  if (Object.keys(legacySecrets).length > 0) result.legacySecrets = legacySecrets;
  if (dropped.length > 0) result.notice = { code: 'settings-dropped', dropped };
  return result;
}

/**
 * Keeps the choices of environments that exist. Whatever is damaged or missing falls back to the
 * default, so tampering can only ever make Production ask, never stop it asking.
 */
function confirmFirstCallOf(raw: unknown, knownIds: { has(id: string): boolean }): Record<string, boolean> {
  const kept: Record<string, boolean> = { ...CONFIRM_FIRST_CALL_DEFAULT };
  if (!isObject(raw)) return kept;
  for (const [id, on] of Object.entries(raw)) if (knownIds.has(id) && typeof on === 'boolean') kept[id] = on;
  return kept;
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function reset(notice: SettingsNotice): LoadedSettings {
  return { settings: defaultSettings(), changed: true, notice };
}

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
