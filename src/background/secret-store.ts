// Client secrets live here, in the extension origin's IndexedDB, and nowhere else. Content scripts
// run in the page's origin, so none can open this database, in any browser; storage.local, by
// contrast, is readable by content scripts in Firefox (it has no setAccessLevel) and in Chrome
// before 102. Only the background opens it: pages learn of a secret through EnvironmentView.
import { createStore, del, get, set } from 'idb-keyval';
import { storedItem } from '../core/storage-item';
import type { KeyValueStore } from '../core/storage-port';
import { STORAGE_KEYS } from '../shared/storage-keys';

export const SECRET_DATABASE = 'pim-qr-secrets';
const STORE_NAME = 'client-secrets';

/** One environment's secret, with what it was saved for: it is sent for nothing else. */
export interface StoredSecret {
  clientSecret: string;
  clientId: string;
  /** Scheme, host and port of the base URL it was saved for (`URL.origin`). */
  origin: string;
}

export interface SecretStore {
  get(environmentId: string): Promise<StoredSecret | undefined>;
  set(environmentId: string, secret: StoredSecret): Promise<void>;
  remove(environmentId: string): Promise<void>;
}

/**
 * Keyed by environment id. `databaseName` is for tests, each of which wants its own. Only the
 * background opens the database, through this store, so what it read or wrote last is kept in memory
 * (a generate then reads no secret from disk); a stopped worker starts with nothing kept.
 */
export function createSecretStore(databaseName: string = SECRET_DATABASE): SecretStore {
  const store = createStore(databaseName, STORE_NAME);
  const kept = new Map<string, Promise<StoredSecret | undefined>>();
  /** Forgets what was kept when the database did not take a write: it is read again next time. */
  const written = async (environmentId: string, write: Promise<void>, now: StoredSecret | undefined) => {
    kept.delete(environmentId);
    try {
      await write;
    } catch (error) {
      kept.delete(environmentId);
      throw error;
    }
    kept.set(environmentId, Promise.resolve(now && { ...now }));
  };
  return {
    get: async (environmentId) => {
      let reading = kept.get(environmentId);
      if (!reading) {
        reading = get<unknown>(environmentId, store).then(parseStoredSecret);
        kept.set(environmentId, reading);
        reading.catch(() => kept.get(environmentId) === reading && kept.delete(environmentId));
      }
      const secret = await reading;
      return secret && { ...secret };
    },
    set: (environmentId, secret) => {
      const record = { clientSecret: secret.clientSecret, clientId: secret.clientId, origin: secret.origin };
      return written(environmentId, set(environmentId, record, store), record);
    },
    remove: (environmentId) => written(environmentId, del(environmentId, store), undefined),
  };
}

/**
 * Open views learn of changes from storage.onChanged, which IndexedDB does not fire: every save or
 * removal of a secret also writes a new value under `secretsChanged` in storage.session. It says
 * only that something changed; the views then ask the worker for the environments again.
 */
export function withChangeSignal(secrets: SecretStore, session: KeyValueStore, newId: () => string): SecretStore {
  const changed = storedItem<string>(session, { key: STORAGE_KEYS.secretsChanged, parse: String });
  const signal = () => changed.change((_, writer) => writer.write(newId()));
  return {
    get: secrets.get,
    set: async (environmentId, secret) => {
      await secrets.set(environmentId, secret);
      await signal();
    },
    remove: async (environmentId) => {
      await secrets.remove(environmentId);
      await signal();
    },
  };
}

/** Anything else in the database (a hand edit, a damaged record) counts as no secret. */
function parseStoredSecret(value: unknown): StoredSecret | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { clientSecret, clientId, origin } = value as Record<string, unknown>;
  if (typeof clientSecret !== 'string' || clientSecret === '' || typeof clientId !== 'string' || typeof origin !== 'string') {
    return undefined;
  }
  return { clientSecret, clientId, origin };
}
