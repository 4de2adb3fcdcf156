import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createSecretStore, type SecretStore } from '../../../src/background/secret-store';
import { createSettingsStore } from '../../../src/background/settings-store';
import { SETTINGS_VERSION } from '../../../src/background/settings-schema';
import { createMemoryStore } from '../../../src/core/storage-port';
import { rejection } from '../rejection';

/** No browser policy: what Chrome answers without one. */
const noPolicy = async () => undefined;

let databases = 0;
const freshSecrets = () => createSecretStore(`secret-store-test-${++databases}`);

/** Settings as version 2 wrote them: the secrets inside, in storage.local. */
const version2Settings = () => ({
  schemaVersion: 2,
  selectedEnvironmentId: 'custom-local',
  customEnvironments: [
    { id: 'custom-local', name: 'Local', kind: 'custom', baseUrl: 'http://127.0.0.1:9999', tokenPath: '/t', imagePath: '/i' },
  ],
  credentials: {
    production: { clientId: 'prod-client', clientSecret: 'prod-secret-0123456789abcdef' },
    'custom-local': { clientId: 'local-client', clientSecret: 'local-secret-4242' },
  },
  defaults: { params: { redirect: 1, title: 'Log in', description: '', attributes: ['Name'], width: 300, height: 300 }, historySize: 20 },
});

describe('secret store (IndexedDB)', () => {
  it('keeps a secret with the origin and client ID it was saved for, and forgets it', async () => {
    const secrets = freshSecrets();
    expect(await secrets.get('production')).toBeUndefined();
    await secrets.set('production', { clientSecret: 's3cret', clientId: 'c', origin: 'https://api-prd.kpn.com' });
    expect(await secrets.get('production')).toEqual({ clientSecret: 's3cret', clientId: 'c', origin: 'https://api-prd.kpn.com' });
    await secrets.remove('production');
    expect(await secrets.get('production')).toBeUndefined();
  });

  it('one database per name: another profile sees nothing', async () => {
    const name = `secret-store-test-${++databases}`;
    await createSecretStore(name).set('x', { clientSecret: 's', clientId: 'c', origin: 'https://a.example' });
    expect(await createSecretStore(name).get('x')).toMatchObject({ clientSecret: 's' });
    expect(await freshSecrets().get('x')).toBeUndefined();
  });

  it.each([
    ['a string', 'just-a-secret'],
    ['an empty secret', { clientSecret: '', clientId: 'c', origin: 'https://a.example' }],
    ['no origin', { clientSecret: 's', clientId: 'c' }],
    ['no client ID', { clientSecret: 's', origin: 'https://a.example' }],
  ])('reads %s in the database as no secret', async (_label, record) => {
    const name = `secret-store-test-${++databases}`;
    const { createStore, set } = await import('idb-keyval');
    await set('production', record, createStore(name, 'client-secrets'));
    expect(await createSecretStore(name).get('production')).toBeUndefined();
  });
});

describe('moving secrets out of storage.local', () => {
  it('moves every secret an older version kept in storage.local, bound to its origin and client ID', async () => {
    const local = createMemoryStore({ settings: version2Settings() });
    const secrets = freshSecrets();
    const settings = await createSettingsStore(local, secrets, noPolicy).read();

    expect(JSON.stringify([...local.data.entries()])).not.toMatch(/secret/);
    expect(settings.schemaVersion).toBe(SETTINGS_VERSION);
    expect(settings.credentials).toEqual({ production: { clientId: 'prod-client' }, 'custom-local': { clientId: 'local-client' } });
    expect(await secrets.get('production')).toEqual({
      clientSecret: 'prod-secret-0123456789abcdef',
      clientId: 'prod-client',
      origin: 'https://api-prd.kpn.com',
    });
    expect(await secrets.get('custom-local')).toEqual({ clientSecret: 'local-secret-4242', clientId: 'local-client', origin: 'http://127.0.0.1:9999' });
  });

  it('moves them once: later reads write nothing', async () => {
    const local = createMemoryStore({ settings: version2Settings() });
    const store = createSettingsStore(local, freshSecrets(), noPolicy);
    await store.read();
    const write = vi.spyOn(local, 'set');
    await store.read();
    expect(write).not.toHaveBeenCalled();
  });

  it('when the secret store fails, storage.local keeps the secrets and saving is refused with a clear error', async () => {
    const local = createMemoryStore({ settings: version2Settings() });
    const broken: SecretStore = {
      get: async () => undefined,
      set: async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      remove: async () => {},
    };
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = createSettingsStore(local, broken, noPolicy);
    expect((await store.read()).credentials).toEqual({ production: { clientId: 'prod-client' }, 'custom-local': { clientId: 'local-client' } });
    // Brought up to the current version as it is, secrets and all: the migrations move nothing out of the way.
    const old = version2Settings();
    const kept = { ...old, schemaVersion: SETTINGS_VERSION, defaults: { ...old.defaults, keepHistory: true }, confirmFirstCall: { production: true } };
    expect(local.data.get('settings')).toEqual(kept);

    const error = await rejection(store.update((s) => ({ ...s, selectedEnvironmentId: 'sandbox' })));
    expect(error.code).toBe('secret-move-failed');
    expect(local.data.get('settings')).toEqual(kept);

    // Once the store works again, the next read moves them.
    const working = freshSecrets();
    await createSettingsStore(local, working, noPolicy).read();
    expect(await working.get('custom-local')).toMatchObject({ clientSecret: 'local-secret-4242' });
    expect(JSON.stringify(local.data.get('settings'))).not.toMatch(/secret/);
  });
});

describe('what the background keeps in memory', () => {
  it('writes the defaults on a new install without logging that stored settings were repaired, and logs it when they were', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      const fresh = createMemoryStore();
      await createSettingsStore(fresh, freshSecrets(), noPolicy).read();
      expect(fresh.data.get('settings')).toBeDefined();
      expect(info).not.toHaveBeenCalled();
      await createSettingsStore(createMemoryStore({ settings: 'unreadable' }), freshSecrets(), noPolicy).read();
      expect(info).toHaveBeenCalledWith('[settings] stored settings were migrated or repaired');
    } finally {
      info.mockRestore();
    }
  });

  it('reads the settings from storage once, and sees its own writes without reading again', async () => {
    const local = createMemoryStore();
    const get = vi.spyOn(local, 'get');
    const settings = createSettingsStore(local, freshSecrets(), noPolicy);
    await settings.read();
    const reads = get.mock.calls.length;
    await settings.read();
    expect(get.mock.calls.length).toBe(reads);
    await settings.update((s) => ({ ...s, defaults: { ...s.defaults, historySize: 7 } }));
    get.mockClear();
    expect((await settings.read()).defaults.historySize).toBe(7);
    expect(get).not.toHaveBeenCalled();
    // What a caller does with what it read does not change what is kept.
    (await settings.read()).defaults.historySize = 99;
    expect((await settings.read()).defaults.historySize).toBe(7);
    expect((await createSettingsStore(local, freshSecrets(), noPolicy).read()).defaults.historySize).toBe(7);
  });

  it('keeps the secret it read or wrote last in memory, and never answers one that was replaced or removed', async () => {
    const name = `secret-store-test-${++databases}`;
    const secrets = createSecretStore(name);
    const first = { clientSecret: 'first-secret-0123456789', clientId: 'c', origin: 'http://127.0.0.1:9999' };
    await secrets.set('env', first);
    // Another store on the same database (as after a worker restart) reads it from IndexedDB.
    expect(await createSecretStore(name).get('env')).toEqual(first);
    await secrets.set('env', { ...first, clientSecret: 'second-secret-0123456789' });
    expect((await secrets.get('env'))?.clientSecret).toBe('second-secret-0123456789');
    await secrets.remove('env');
    expect(await secrets.get('env')).toBeUndefined();
    expect(await createSecretStore(name).get('env')).toBeUndefined();
  });
});
