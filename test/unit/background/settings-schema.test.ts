import { describe, expect, it } from 'vitest';
import { defaultSettings, loadSettings, SETTINGS_VERSION } from '../../../src/background/settings-schema';

describe('loadSettings', () => {
  it('gives the defaults on first run, with the Sandbox selected and no notice', () => {
    const loaded = loadSettings(undefined);
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.settings.selectedEnvironmentId).toBe('sandbox');
    expect(loaded.notice).toBeUndefined();
    expect(loaded.firstRun).toBe(true);
  });

  it.each([
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [1, 2, 3]],
    ['an object without version', { selectedEnvironmentId: 'production' }],
    ['a fractional version', { schemaVersion: 1.5 }],
    ['null', null],
  ])('resets %s to the defaults with a notice instead of crashing', (_name, stored) => {
    const loaded = loadSettings(stored);
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.changed).toBe(true);
    expect(loaded.notice).toEqual({ code: 'settings-unreadable' });
    expect(loaded.firstRun).toBeUndefined();
  });

  it('resets settings from a newer version and says so', () => {
    const loaded = loadSettings({ schemaVersion: SETTINGS_VERSION + 1 });
    expect(loaded.notice).toEqual({ code: 'settings-from-newer-version' });
  });

  it('migrates v1 (credentials inside environments) to v3, handing the secret out instead of keeping it', () => {
    const loaded = loadSettings({
      schemaVersion: 1,
      selectedEnvironmentId: 'custom-a',
      environments: [
        { id: 'custom-a', name: 'Staging', baseUrl: 'https://staging.example.com/', clientId: 'id-a', clientSecret: 'secret-a-123456' },
      ],
    });
    expect(loaded.notice).toBeUndefined();
    expect(loaded.changed).toBe(true);
    expect(loaded.settings.schemaVersion).toBe(SETTINGS_VERSION);
    expect(loaded.settings.selectedEnvironmentId).toBe('custom-a');
    expect(loaded.settings.customEnvironments).toEqual([
      {
        id: 'custom-a',
        name: 'Staging',
        kind: 'custom',
        baseUrl: 'https://staging.example.com',
        tokenPath: '/oauth/client_credential/accesstoken',
        imagePath: '/kpn/qrcodegenerator/image',
      },
    ]);
    expect(loaded.settings.credentials).toEqual({ 'custom-a': { clientId: 'id-a' } });
    expect(loaded.legacySecrets).toEqual({ 'custom-a': { clientId: 'id-a', clientSecret: 'secret-a-123456' } });
    expect(JSON.stringify(loaded.settings)).not.toContain('secret-a');
  });

  it('migrates v2 to v3: client IDs stay, every secret is handed out to be moved to the secret store', () => {
    const loaded = loadSettings({
      schemaVersion: 2,
      selectedEnvironmentId: 'production',
      customEnvironments: [{ id: 'custom-a', name: 'Local', kind: 'custom', baseUrl: 'http://127.0.0.1:9999', tokenPath: '/t', imagePath: '/i' }],
      credentials: {
        production: { clientId: 'prod-id', clientSecret: 'prod-secret-0123456789' },
        'custom-a': { clientId: 'local-id', clientSecret: 'local-secret-42' },
        'custom-gone': { clientId: 'x', clientSecret: 'orphan-secret' },
      },
    });
    expect(loaded.changed).toBe(true);
    expect(loaded.settings.schemaVersion).toBe(SETTINGS_VERSION);
    expect(loaded.settings.credentials).toEqual({ production: { clientId: 'prod-id' }, 'custom-a': { clientId: 'local-id' } });
    expect(loaded.legacySecrets).toEqual({
      production: { clientId: 'prod-id', clientSecret: 'prod-secret-0123456789' },
      'custom-a': { clientId: 'local-id', clientSecret: 'local-secret-42' },
    });
    expect(JSON.stringify(loaded.settings)).not.toMatch(/secret/);
  });

  it('migrates v3 to v4: history, always kept before, stays on; a stored choice is kept from then on', () => {
    const v3 = { ...defaultSettings(), schemaVersion: 3, defaults: { params: defaultSettings().defaults.params, historySize: 7 } };
    const loaded = loadSettings(v3);
    expect(loaded.changed).toBe(true);
    expect(loaded.settings.schemaVersion).toBe(SETTINGS_VERSION);
    expect(loaded.settings.defaults).toMatchObject({ historySize: 7, keepHistory: true });
    const off = { ...loaded.settings, defaults: { ...loaded.settings.defaults, keepHistory: false } };
    expect(loadSettings(off)).toMatchObject({ changed: false, settings: { defaults: { keepHistory: false } } });
    expect(loadSettings({ ...off, defaults: { ...off.defaults, keepHistory: 'no' } }).settings.defaults.keepHistory).toBe(true);
  });

  it('migrates v4 to v5: Production asks before its first call, every other environment does not', () => {
    const { confirmFirstCall: _none, ...current } = defaultSettings();
    const local = { id: 'custom-local', name: 'Local', kind: 'custom', baseUrl: 'http://127.0.0.1:8080', tokenPath: '/t', imagePath: '/i' };
    const v4 = { ...current, schemaVersion: 4, selectedEnvironmentId: 'production', customEnvironments: [local] };
    const loaded = loadSettings(v4);
    expect(loaded.changed).toBe(true);
    expect(loaded.notice).toBeUndefined();
    expect(loaded.settings).toMatchObject({ schemaVersion: 5, selectedEnvironmentId: 'production', confirmFirstCall: { production: true } });
    expect(loaded.settings.customEnvironments.map((e) => e.id)).toEqual(['custom-local']);
    expect(loaded.settings.confirmFirstCall['custom-local']).toBeUndefined();
  });

  it('keeps each stored choice to confirm the first call, of environments that exist, and nothing else', () => {
    const local = { id: 'custom-local', name: 'Local', kind: 'custom', baseUrl: 'http://127.0.0.1:8080', tokenPath: '/t', imagePath: '/i' };
    const stored = { ...defaultSettings(), customEnvironments: [local], confirmFirstCall: { production: false, 'custom-local': true } };
    expect(loadSettings(stored)).toMatchObject({ changed: false, settings: { confirmFirstCall: { production: false, 'custom-local': true } } });
    const damaged = loadSettings({ ...stored, confirmFirstCall: { production: 'yes', 'custom-local': 1, 'custom-gone': true, sandbox: true } });
    // Damage never switches a question off: Production falls back to asking.
    expect(damaged.settings.confirmFirstCall).toEqual({ production: true, sandbox: true });
    expect(loadSettings({ ...stored, confirmFirstCall: { 'custom-local': true } }).settings.confirmFirstCall).toEqual({ production: true, 'custom-local': true });
    expect(damaged.changed).toBe(true);
    expect(loadSettings({ ...stored, confirmFirstCall: [] }).settings.confirmFirstCall).toEqual({ production: true });
  });

  it('keeps the valid parts of damaged current settings and names what it dropped', () => {
    const loaded = loadSettings({
      schemaVersion: 3,
      selectedEnvironmentId: 'custom-gone',
      customEnvironments: [
        { id: 'custom-ok', name: 'Local', kind: 'custom', baseUrl: 'http://127.0.0.1:8080', tokenPath: '/t', imagePath: '/i' },
        { id: 'custom-bad', name: 'Broken', kind: 'custom', baseUrl: 'ftp://nope' },
      ],
      credentials: { 'custom-ok': { clientId: 'c', clientSecret: 's' }, 'custom-bad': { clientId: 'x', clientSecret: 'y' }, production: 7 },
      defaults: { params: { title: '' }, historySize: 500 },
    });
    expect(loaded.settings.customEnvironments.map((e) => e.id)).toEqual(['custom-ok']);
    expect(loaded.settings.credentials).toEqual({ 'custom-ok': { clientId: 'c' } });
    expect(loaded.settings.selectedEnvironmentId).toBe('sandbox');
    expect(loaded.settings.defaults).toEqual(defaultSettings().defaults);
    expect(loaded.notice).toEqual({ code: 'settings-dropped', dropped: [{ environment: 'Broken' }, { formDefaults: true }] });
  });

  it('reports no change for its own settings read back with their keys sorted, as chrome.storage returns them', () => {
    const sortKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sortKeys)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]))
          : value;
    const once = loadSettings(undefined).settings;
    expect(loadSettings(sortKeys(once)).changed).toBe(false);
  });

  it('reports no change for settings it wrote itself', () => {
    const once = loadSettings(undefined).settings;
    const again = loadSettings(JSON.parse(JSON.stringify(once)));
    expect(again.changed).toBe(false);
    expect(again.settings).toEqual(once);
  });
});
