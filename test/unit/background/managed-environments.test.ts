// The worker with a browser policy: managed environments are listed and used like the person's own,
// but only their secret is the person's to change.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { SANDBOX_DEFAULTS } from '../../../src/core/sandbox/handler';
import { STORAGE_KEYS } from '../../../src/shared/storage-keys';
import { rejection } from '../rejection';
import { addLocalEnvironment, setup } from './ui-handlers-setup';

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

/**
 * A policy service still warming up, as Chromium's is for seconds after it starts: once held, reads
 * wait until `answer()`, which answers the latest first.
 */
function withSlowPolicy() {
  const policy = [{ name: 'Team sandbox', baseUrl: 'http://127.0.0.1:9999', clientId: SANDBOX_DEFAULTS.clientId }];
  let held = false;
  const waiting: (() => void)[] = [];
  const background = setup({ policy: () => (held ? new Promise((resolve) => waiting.push(() => resolve(policy))) : policy) });
  return {
    ...background,
    hold: () => void (held = true),
    answer: () => {
      held = false;
      for (const read of waiting.splice(0).reverse()) read();
    },
  };
}

describe('a generate while the browser policy is not answering yet', () => {
  it('goes ahead for the Sandbox and a custom environment, even one named like a policy environment', async () => {
    const { handlers, hold, builtIn, remote } = withSlowPolicy();
    const custom = await addLocalEnvironment(handlers);
    const namesake = await handlers['ui-bg-environment-save']({ name: 'Team sandbox', baseUrl: 'http://127.0.0.1:9999' });
    await handlers['ui-bg-credentials-set']({ environmentId: namesake.id, clientId: SANDBOX_DEFAULTS.clientId, clientSecret: SANDBOX_DEFAULTS.clientSecret });
    hold();
    // Never answered in this test: each of these would hang if it waited for the policy.
    await handlers['ui-bg-generate']({ requestId: 'r1', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    await handlers['ui-bg-generate']({ requestId: 'r2', environmentId: custom.id, params: DEFAULT_PARAMS });
    expect(await handlers['ui-bg-generate']({ requestId: 'r3', environmentId: namesake.id, params: DEFAULT_PARAMS })).toMatchObject({
      environmentId: namesake.id,
      environmentName: 'Team sandbox',
    });
    expect(builtIn.stats().imageCalls).toBe(1);
    expect(remote.stats().imageCalls).toBe(2);
  });

  it('answers the popup’s first paint without it: the settings and every environment but the policy’s', async () => {
    const { handlers, hold, answer } = withSlowPolicy();
    const custom = await addLocalEnvironment(handlers);
    await handlers['ui-bg-settings-save']({ selectedEnvironmentId: custom.id });
    hold();
    const first = await handlers['ui-bg-first-paint'](undefined);
    expect(first.environments.map((e) => e.id)).toEqual(['sandbox', 'production', custom.id]);
    expect(first.settings).toMatchObject({ selectedEnvironmentId: custom.id, managedRefused: [] });
    // The full answer waits for the policy, and has its environments.
    const list = handlers['ui-bg-environments-list'](undefined);
    answer();
    expect((await list).map((e) => e.id)).toEqual(['sandbox', 'production', ID, custom.id]);
  });

  it('still refuses an environment deleted before the call, without the policy', async () => {
    const { handlers, hold } = withSlowPolicy();
    const custom = await addLocalEnvironment(handlers);
    await handlers['ui-bg-environment-delete']({ id: custom.id });
    hold();
    expect(await rejection(handlers['ui-bg-generate']({ requestId: 'r', environmentId: custom.id, params: DEFAULT_PARAMS }))).toMatchObject({
      code: 'environment-gone',
    });
  });

  it('waits for the policy when the environment is a policy one, and then uses it', async () => {
    const { handlers, hold, answer, remote } = withSlowPolicy();
    await handlers['ui-bg-credentials-set']({ environmentId: ID, clientId: SANDBOX_DEFAULTS.clientId, clientSecret: SANDBOX_DEFAULTS.clientSecret });
    hold();
    const order: string[] = [];
    const managed = handlers['ui-bg-generate']({ requestId: 'm', environmentId: ID, params: DEFAULT_PARAMS }).then(() => order.push('policy environment'));
    await handlers['ui-bg-generate']({ requestId: 's', environmentId: 'sandbox', params: DEFAULT_PARAMS }).then(() => order.push('sandbox'));
    expect(order).toEqual(['sandbox']);
    expect(remote.stats().tokenCalls).toBe(0);
    answer();
    await managed;
    expect(order).toEqual(['sandbox', 'policy environment']);
    expect(remote.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
  });

  it('is not held back by a settings change waiting for the policy, and the changes still land in the order they came', async () => {
    const { handlers, hold, answer } = withSlowPolicy();
    hold();
    const saved: string[] = [];
    const first = handlers['ui-bg-settings-save']({ selectedEnvironmentId: 'production' }).then(() => saved.push('production'));
    const second = handlers['ui-bg-settings-save']({ selectedEnvironmentId: 'sandbox' }).then(() => saved.push('sandbox'));
    await handlers['ui-bg-generate']({ requestId: 'r', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    expect(saved).toEqual([]);
    answer();
    await Promise.all([first, second]);
    expect(saved).toEqual(['production', 'sandbox']);
    expect((await handlers['ui-bg-settings-get'](undefined)).selectedEnvironmentId).toBe('sandbox');
  });
});
