// The worker with a browser policy: managed environments are listed and used like the person's own,
// but only their secret is the person's to change.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { SANDBOX_DEFAULTS } from '../../../src/core/sandbox/handler';
import { STORAGE_KEYS } from '../../../src/shared/storage-keys';
import { rejection } from '../rejection';
import { setup } from './ui-handlers-setup';

const ID = 'managed-Team sandbox';

/** A policy naming the test's local sandbox server, as an organization would name its API. */
function withPolicy(extra: unknown[] = []) {
  let policy: unknown = [{ name: 'Team sandbox', baseUrl: 'http://127.0.0.1:9999', clientId: SANDBOX_DEFAULTS.clientId }, ...extra];
  const background = setup({ policy: () => policy });
  return { ...background, setPolicy: (next: unknown) => void (policy = next) };
}

describe('managed environments in the worker', () => {
  it('lists them, marked, with the policy client ID and no secret, and hands the refused ones to Options', async () => {
    const { handlers } = withPolicy([{ name: 'Plain', baseUrl: 'http://plain.example.com', clientId: 'x' }]);
    const list = await handlers['ui-bg-environments-list'](undefined);
    expect(list.map((e) => e.id)).toEqual(['sandbox', 'production', ID]);
    expect(list[2]).toMatchObject({ managed: true, builtIn: false, clientId: SANDBOX_DEFAULTS.clientId, secretSet: false });
    expect((await handlers['ui-bg-settings-get'](undefined)).managedRefused).toEqual([{ entry: 2, name: 'Plain', field: 'baseUrl', code: 'insecure-http' }]);
  });

  it('ignores a client secret or token a policy entry carries, stores none of it, and tells Options which entry had one', async () => {
    const { handlers, local, secrets } = withPolicy([
      { name: 'With secret', baseUrl: 'https://with.example.com', clientId: 'x', clientSecret: 'policy-secret-0001' },
      { name: 'Plain', baseUrl: 'http://plain.example.com', clientId: 'x', token: 'policy-secret-0001' },
    ]);
    const list = await handlers['ui-bg-environments-list'](undefined);
    expect(list.find((e) => e.name === 'With secret')).toMatchObject({ managed: true, secretSet: false });
    const settings = await handlers['ui-bg-settings-get'](undefined);
    expect(settings.managedSecretsIgnored).toEqual([
      { entry: 2, name: 'With secret' },
      { entry: 3, name: 'Plain' },
    ]);
    expect(settings.managedRefused.map((r) => r.entry)).toEqual([3]);
    expect(JSON.stringify([...local.data])).not.toContain('policy-secret-0001');
    expect(await secrets.get('managed-With secret')).toBeUndefined();
  });

  it('takes a secret for one, and generates with it once it is entered', async () => {
    const { handlers, remote } = withPolicy();
    expect(await rejection(handlers['ui-bg-generate']({ requestId: 'r0', environmentId: ID, params: DEFAULT_PARAMS }))).toMatchObject({ code: 'not-configured' });
    const view = await handlers['ui-bg-credentials-set']({ environmentId: ID, clientId: SANDBOX_DEFAULTS.clientId, clientSecret: SANDBOX_DEFAULTS.clientSecret });
    expect(view).toMatchObject({ managed: true, secretSet: true });
    await handlers['ui-bg-generate']({ requestId: 'r1', environmentId: ID, params: DEFAULT_PARAMS });
    expect(remote.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
  });

  it('never changes or deletes one, and stores nothing of the policy with the settings', async () => {
    const { handlers, local } = withPolicy();
    await handlers['ui-bg-settings-save']({ selectedEnvironmentId: ID, confirmFirstCall: { environmentId: ID, on: true } });
    expect(await rejection(handlers['ui-bg-environment-save']({ id: ID, name: 'Renamed', baseUrl: 'https://evil.example.com' }))).toMatchObject({
      code: 'environment-invalid',
    });
    expect(await rejection(handlers['ui-bg-environment-delete']({ id: ID }))).toMatchObject({ code: 'built-in-undeletable' });
    const stored = local.data.get(STORAGE_KEYS.settings);
    expect(stored).not.toHaveProperty('managed');
    expect(JSON.stringify(stored)).not.toContain('127.0.0.1');
    // What the person chose for it is kept across reads, though the id is not one the settings know.
    expect((await handlers['ui-bg-settings-get'](undefined)).selectedEnvironmentId).toBe(ID);
    expect((await handlers['ui-bg-environments-list'](undefined)).find((e) => e.id === ID)).toMatchObject({ name: 'Team sandbox', confirmFirstCall: true });
  });

  it('follows the policy on every read: an environment it drops is gone', async () => {
    const { handlers, setPolicy } = withPolicy();
    expect((await handlers['ui-bg-environments-list'](undefined)).map((e) => e.id)).toContain(ID);
    setPolicy(undefined);
    expect((await handlers['ui-bg-environments-list'](undefined)).map((e) => e.id)).toEqual(['sandbox', 'production']);
    expect(await rejection(handlers['ui-bg-generate']({ requestId: 'r', environmentId: ID, params: DEFAULT_PARAMS }))).toMatchObject({ code: 'environment-gone' });
    expect((await handlers['ui-bg-settings-get'](undefined)).managedRefused).toEqual([]);
  });
});
