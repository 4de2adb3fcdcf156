import 'fake-indexeddb/auto';
import { execFile } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import nl from '../../../public/_locales/nl/messages.json';
import { toErrorData } from '../../../src/core/errors';
import { codeSnippet } from '../../../src/core/code-snippets';
import { curlCommands } from '../../../src/core/curl';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { SNIPPET_LANGUAGES } from '../../../src/core/snippet-languages';
import { LOCAL_SANDBOX_COMMAND, LOCAL_SANDBOX_URL, SANDBOX_DEFAULTS } from '../../../src/core/sandbox/options';
import { startSandboxServer } from '../../../scripts/sandbox-http';
import { setMessageLookup } from '../../../src/shared/i18n';
import { rejection } from '../rejection';
import { enMessage, formatMessage } from '../setup-i18n';
import { addLocalEnvironment, SECRET, savedForm, setup } from './ui-handlers-setup';

describe('background handlers', () => {
  it('generates with the built-in Sandbox out of the box and records history and log', async () => {
    const { handlers, builtIn } = setup();
    const settings = await handlers['ui-bg-settings-get'](undefined);
    const result = await handlers['ui-bg-generate']({ requestId: 'r1', environmentId: settings.selectedEnvironmentId, params: DEFAULT_PARAMS });
    expect(result.svg).toMatch(/^<svg|<\?xml/);
    expect(result.environmentName).toBe('Sandbox');
    expect(builtIn.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
    expect(await handlers['ui-bg-history-get'](undefined)).toHaveLength(1);
    const log = await handlers['ui-bg-log-get'](undefined);
    expect(log.map((e) => e.url)).toEqual([
      'https://sandbox.pim.invalid/kpn/qrcodegenerator/image',
      'https://sandbox.pim.invalid/oauth/client_credential/accesstoken?grant_type=client_credentials',
    ]);
  });

  it('shares one token between 10 concurrent generates and reuses it afterwards', async () => {
    const { handlers, builtIn } = setup();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => handlers['ui-bg-generate']({ requestId: `r${i}`, environmentId: 'sandbox', params: DEFAULT_PARAMS })),
    );
    await handlers['ui-bg-generate']({ requestId: 'again', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    expect(builtIn.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 11 });
  });

  it('generates against a custom environment with stored credentials', async () => {
    const { handlers, remote } = setup();
    const env = await addLocalEnvironment(handlers);
    await handlers['ui-bg-generate']({ requestId: 'r', environmentId: env.id, params: DEFAULT_PARAMS });
    expect(remote.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
  });

  it('keeps no result of an environment deleted while its call ran, and says it is gone', async () => {
    const { handlers, remote } = setup();
    const env = await addLocalEnvironment(handlers);
    remote.configure({ faults: ['delay=200'] });
    const pending = handlers['ui-bg-generate']({ requestId: 'r', environmentId: env.id, params: DEFAULT_PARAMS });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await handlers['ui-bg-environment-delete']({ id: env.id });
    expect(await rejection(pending)).toMatchObject({ code: 'environment-gone' });
    expect(remote.stats().imageCalls).toBe(1);
    expect(await handlers['ui-bg-history-get'](undefined)).toEqual([]);
  });

  it('never shows the secret to the UI: only that it is set and its last 4 characters', async () => {
    const { handlers } = setup();
    const secret = 'top-secret-value-9f3a';
    const env = await addLocalEnvironment(handlers, secret);
    const views = await handlers['ui-bg-environments-list'](undefined);
    const view = views.find((v) => v.id === env.id);
    expect(view).toMatchObject({ secretSet: true, secretHint: '9f3a', clientId: 'sandbox-client' });
    expect(JSON.stringify(views)).not.toContain(secret);
  });

  it('keeps the stored secret when credentials are saved with an empty secret', async () => {
    const { handlers, remote } = setup();
    const env = await addLocalEnvironment(handlers);
    await handlers['ui-bg-credentials-set']({ environmentId: env.id, clientId: 'sandbox-client', clientSecret: '' });
    await handlers['ui-bg-generate']({ requestId: 'r', environmentId: env.id, params: DEFAULT_PARAMS });
    expect(remote.stats().imageCalls).toBe(1);
  });

  it('reports rejected credentials, and no secret or token reaches the error, log, history, cURL or code', async () => {
    const { handlers, session } = setup();
    // Quotes, a backslash, $ and characters beyond ASCII: no escaping in any copy may let it through.
    const wrong = `wrong-'secret' "4242" \\ $HOME é😀`;
    const env = await addLocalEnvironment(handlers, wrong);
    const error = await rejection(handlers['ui-bg-generate']({ requestId: 'r', environmentId: env.id, params: DEFAULT_PARAMS }));
    expect(error.kind).toBe('credentials-rejected');
    expect(error.status).toBe(401);

    await handlers['ui-bg-credentials-set']({ environmentId: env.id, clientId: 'sandbox-client', clientSecret: SECRET });
    await handlers['ui-bg-generate']({ requestId: 'r2', environmentId: env.id, params: DEFAULT_PARAMS });
    const tokens = [...session.data.entries()].filter(([k]) => k.startsWith('token:')).map(([, v]) => (v as { accessToken: string }).accessToken);
    expect(tokens).toHaveLength(1);

    const copied = await handlers['ui-bg-calls-get']({});
    const curl = curlCommands(copied);
    const code = SNIPPET_LANGUAGES.map((language) => codeSnippet(language, copied));
    const everything = JSON.stringify([
      toErrorData(error),
      await handlers['ui-bg-log-get'](undefined),
      await handlers['ui-bg-history-get'](undefined),
      copied,
      await handlers['ui-bg-environments-list'](undefined),
      await handlers['ui-bg-settings-get'](undefined),
    ]);
    for (const secret of [wrong, SECRET, ...tokens]) {
      for (const text of [everything, curl, ...code]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
      }
    }
    expect(everything).toContain('$KPN_CLIENT_SECRET');
    for (const text of code) expect(text).toContain('KPN_CLIENT_SECRET');
  });

  it('asks for a host permission before calling a custom host it may not reach', async () => {
    const { handlers, remote } = setup();
    const env = await handlers['ui-bg-environment-save']({ name: 'Staging', baseUrl: 'https://staging.example.com' });
    await handlers['ui-bg-credentials-set']({ environmentId: env.id, clientId: 'c', clientSecret: 's' });
    expect((await handlers['ui-bg-environments-list'](undefined)).find((v) => v.id === env.id)?.needsPermission).toBe(true);
    const error = await rejection(handlers['ui-bg-generate']({ requestId: 'r', environmentId: env.id, params: DEFAULT_PARAMS }));
    expect(error.kind).toBe('permission-denied');
    expect(remote.stats().requests).toBe(0);

    const granted = setup({ granted: ['https://staging.example.com/*'] });
    const env2 = await granted.handlers['ui-bg-environment-save']({ name: 'Staging', baseUrl: 'https://staging.example.com' });
    expect((await granted.handlers['ui-bg-environments-list'](undefined)).find((v) => v.id === env2.id)?.needsPermission).toBe(false);
  });

  it('keeps a stored environment whose host predates the host checks, but never asks for or contacts it', async () => {
    const { handlers, local, remote, asked } = setup();
    local.data.set('settings', {
      schemaVersion: 2,
      selectedEnvironmentId: 'custom-old',
      customEnvironments: [{ id: 'custom-old', name: 'Every site', kind: 'custom', baseUrl: 'https://*.com', tokenPath: '/t', imagePath: '/i' }],
      credentials: { 'custom-old': { clientId: 'c', clientSecret: 'kept-secret-1234' } },
      defaults: { params: DEFAULT_PARAMS, historySize: 20 },
    });
    const views = await handlers['ui-bg-environments-list'](undefined);
    expect(views.find((v) => v.id === 'custom-old')).toMatchObject({ baseUrl: 'https://*.com', needsPermission: true, secretHint: '1234' });
    const error = await rejection(handlers['ui-bg-generate']({ requestId: 'r', environmentId: 'custom-old', params: DEFAULT_PARAMS }));
    expect(error).toMatchObject({ kind: 'permission-denied', code: 'stored-host-invalid', params: { environment: 'Every site' } });
    expect(remote.stats().requests).toBe(0);
    expect(asked).toEqual([]);
  });

  it('says which credentials are missing instead of calling KPN without them', async () => {
    const { handlers } = setup();
    const error = await rejection(handlers['ui-bg-generate']({ requestId: 'r', environmentId: 'production', params: DEFAULT_PARAMS }));
    expect(error).toMatchObject({ kind: 'not-configured', code: 'not-configured' });
  });

  it('cancels a generate in flight', async () => {
    const { handlers, builtIn } = setup();
    builtIn.configure({ faults: ['delay=5000'] });
    const pending = handlers['ui-bg-generate']({ requestId: 'slow', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await handlers['ui-bg-generate-cancel']({ requestId: 'slow' })).toEqual({ cancelled: true });
    expect((await rejection(pending)).kind).toBe('cancelled');
    expect(await handlers['ui-bg-generate-cancel']({ requestId: 'slow' })).toEqual({ cancelled: false });
  });

  it('keeps a generate out of history when Cancel lands as its answer arrives', async () => {
    // Between the answer and the history write the worker awaits nothing that could let a message
    // in (settings and history are in memory): the last moment a Cancel can land is as the answer
    // arrives, and then nothing may be written.
    let cancelled: Promise<{ cancelled: boolean }> | undefined;
    const test = setup({
      rewrite: (answer, url) => {
        if (url.includes('/image')) cancelled = test.handlers['ui-bg-generate-cancel']({ requestId: 'race' });
        return answer;
      },
    });
    const { handlers, remote } = test;
    const env = await addLocalEnvironment(handlers);
    const pending = handlers['ui-bg-generate']({ requestId: 'race', environmentId: env.id, params: DEFAULT_PARAMS });
    expect((await rejection(pending)).kind).toBe('cancelled');
    expect(remote.stats().imageCalls).toBe(1); // the answer was in
    expect(await cancelled).toEqual({ cancelled: true });
    expect(await handlers['ui-bg-history-get'](undefined)).toEqual([]);
  });

  it('answers before storage has the history entry, and a Cancel then takes it back out', async () => {
    const { handlers, gate, local } = setup({ gate: true });
    const writing = gate.arm();
    const pending = handlers['ui-bg-generate']({ requestId: 'race', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    await writing;
    // Storage has not written the entry yet, and the answer is out all the same.
    const answer = await pending;
    expect(local.data.has(`history:${answer.id}`)).toBe(false);
    // Taking it back is written after the entry, in order, once storage goes on.
    const cancelling = handlers['ui-bg-generate-cancel']({ requestId: 'race' });
    gate.release();
    expect(await cancelling).toEqual({ cancelled: true });
    expect(await handlers['ui-bg-history-get'](undefined)).toEqual([]);
    expect([...local.data.keys()].filter((key) => key.startsWith('history:'))).toEqual([]);
  });

  it('takes an answered generate back out when a Cancel crossed the answer, restoring what it pushed out', async () => {
    const { handlers } = setup();
    await handlers['ui-bg-settings-save']({ defaults: { historySize: 2 } });
    const first = await handlers['ui-bg-generate']({ requestId: 'a', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    const second = await handlers['ui-bg-generate']({ requestId: 'b', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    const third = await handlers['ui-bg-generate']({ requestId: 'c', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    expect((await handlers['ui-bg-history-get'](undefined)).map((i) => i.id)).toEqual([third.id, second.id]);

    expect(await handlers['ui-bg-generate-cancel']({ requestId: 'c' })).toEqual({ cancelled: true });
    expect((await handlers['ui-bg-history-get'](undefined)).map((i) => i.id)).toEqual([second.id, first.id]);
    expect(await handlers['ui-bg-generate-cancel']({ requestId: 'c' })).toEqual({ cancelled: false });
    expect(await handlers['ui-bg-generate-cancel']({ requestId: 'never-sent' })).toEqual({ cancelled: false });
  });

  it('writes nothing to history while Keep history is off, and keeps the setting', async () => {
    const { handlers, local } = setup();
    await handlers['ui-bg-generate']({ requestId: 'a', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    const saved = await handlers['ui-bg-settings-save']({ defaults: { keepHistory: false } });
    expect(saved.defaults.keepHistory).toBe(false);
    const before = [...local.data.keys()].filter((key) => key.startsWith('history')).sort();
    const result = await handlers['ui-bg-generate']({ requestId: 'b', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    expect(result.svg).toMatch(/<svg/);
    expect([...local.data.keys()].filter((key) => key.startsWith('history')).sort()).toEqual(before);
    expect(await handlers['ui-bg-history-get'](undefined)).toHaveLength(1);
    expect(await handlers['ui-bg-generate-cancel']({ requestId: 'b' })).toEqual({ cancelled: true });
    expect(await handlers['ui-bg-history-get'](undefined)).toHaveLength(1);
    await handlers['ui-bg-settings-save']({ defaults: { keepHistory: true } });
    await handlers['ui-bg-generate']({ requestId: 'c', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    expect(await handlers['ui-bg-history-get'](undefined)).toHaveLength(2);
  });

  it('deletes one history entry and keeps the others', async () => {
    const { handlers } = setup();
    const ids: string[] = [];
    for (const requestId of ['a', 'b', 'c']) ids.push((await handlers['ui-bg-generate']({ requestId, environmentId: 'sandbox', params: DEFAULT_PARAMS })).id);
    const left = await handlers['ui-bg-history-delete']({ id: ids[1] ?? '' });
    expect(left.map((i) => i.id)).toEqual([ids[2], ids[0]]);
    expect((await handlers['ui-bg-history-get'](undefined)).map((i) => i.id)).toEqual([ids[2], ids[0]]);
  });

  it('leaves history alone when a late Cancel finds its item already cleared', async () => {
    const { handlers } = setup();
    await handlers['ui-bg-generate']({ requestId: 'a', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    await handlers['ui-bg-history-clear'](undefined);
    const kept = await handlers['ui-bg-generate']({ requestId: 'b', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    expect(await handlers['ui-bg-generate-cancel']({ requestId: 'a' })).toEqual({ cancelled: true });
    expect((await handlers['ui-bg-history-get'](undefined)).map((i) => i.id)).toEqual([kept.id]);
  });

  it.each([
    ['an empty name', { name: ' ', baseUrl: 'https://a.example' }],
    ['a non-http base URL', { name: 'A', baseUrl: 'ftp://a.example' }],
    ['a duplicate name', { name: 'sandbox', baseUrl: 'https://a.example' }],
    ['a wildcard host', { name: 'All', baseUrl: 'https://*.com' }],
    ['user info in the base URL', { name: 'U', baseUrl: 'https://user:pass@a.example' }],
  ])('refuses an environment with %s and keeps what was stored', async (_name, input) => {
    // Which field is wrong, and why, the options page says before it sends (environments.test.ts).
    const { handlers } = setup();
    const env = await addLocalEnvironment(handlers);
    const error = await rejection(handlers['ui-bg-environment-save'](input));
    expect(error).toMatchObject({ kind: 'invalid-parameters', code: 'environment-invalid' });
    expect((await handlers['ui-bg-environments-list'](undefined)).map((v) => v.id)).toContain(env.id);
  });

  it('deletes a custom environment with its credentials and falls back to the Sandbox', async () => {
    const { handlers, local } = setup();
    const env = await addLocalEnvironment(handlers);
    await handlers['ui-bg-settings-save']({ selectedEnvironmentId: env.id });
    const views = await handlers['ui-bg-environment-delete']({ id: env.id });
    expect(views.map((v) => v.id)).toEqual(['sandbox', 'production']);
    expect((await handlers['ui-bg-settings-get'](undefined)).selectedEnvironmentId).toBe('sandbox');
    expect(JSON.stringify(local.data.get('settings'))).not.toContain(SECRET);
    expect((await rejection(handlers['ui-bg-environment-delete']({ id: 'production' }))).kind).toBe('invalid-parameters');
  });

  it('keeps whether each environment asks before its first call, and forgets it with the environment', async () => {
    const { handlers, local } = setup();
    const env = await addLocalEnvironment(handlers);
    const asks = async () => Object.fromEntries((await handlers['ui-bg-environments-list'](undefined)).map((v) => [v.id, v.confirmFirstCall]));
    expect(await asks()).toEqual({ sandbox: false, production: true, [env.id]: false });
    await handlers['ui-bg-settings-save']({ confirmFirstCall: { environmentId: env.id, on: true } });
    await handlers['ui-bg-settings-save']({ confirmFirstCall: { environmentId: 'production', on: false } });
    expect(await asks()).toEqual({ sandbox: false, production: false, [env.id]: true });
    expect((await rejection(handlers['ui-bg-settings-save']({ confirmFirstCall: { environmentId: 'custom-gone', on: true } }))).code).toBe('environment-gone');
    await handlers['ui-bg-environment-delete']({ id: env.id });
    expect((local.data.get('settings') as { confirmFirstCall: unknown }).confirmFirstCall).toEqual({ production: false });
  });

  it('Test connection after the secret changed does not join a mint still running with the old one', async () => {
    const { handlers, remote, sent } = setup();
    const env = await addLocalEnvironment(handlers);
    remote.configure({ faults: ['token:delay=100'] });
    const running = handlers['ui-bg-generate']({ requestId: 'slow', environmentId: env.id, params: DEFAULT_PARAMS });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const rotated = 'rotated-secret-not-known-yet';
    await handlers['ui-bg-credentials-set']({ environmentId: env.id, clientId: 'sandbox-client', clientSecret: rotated });
    // The sandbox knows only the old secret: an honest test of the new one fails.
    expect((await rejection(handlers['ui-bg-connection-test'](await savedForm(handlers, env.id)))).kind).toBe('credentials-rejected');
    await running;
    const secretsSent = sent.filter((c) => c.url.includes('/accesstoken')).map((c) => new URLSearchParams(c.body).get('client_secret'));
    expect(secretsSent).toEqual([SECRET, rotated]);
  });

  it('tests a connection by minting a fresh token', async () => {
    const { handlers, builtIn } = setup();
    const first = await handlers['ui-bg-connection-test'](await savedForm(handlers, 'sandbox'));
    await handlers['ui-bg-connection-test'](await savedForm(handlers, 'sandbox'));
    expect(first.expiresInSeconds).toBeGreaterThan(3000);
    expect(builtIn.stats().tokenCalls).toBe(2);
  });
});

describe('where the client secret is kept', () => {
  it('storage.local never holds a client secret: it is in the secret store, bound to origin and client ID', async () => {
    const { handlers, local, secrets } = setup();
    const secret = 'kept-out-of-storage-local-31';
    const env = await addLocalEnvironment(handlers, secret);
    await handlers['ui-bg-credentials-set']({ environmentId: 'production', clientId: 'prod-client', clientSecret: `${secret}-prod` });
    expect(JSON.stringify([...local.data.entries()])).not.toContain(secret);
    expect(await secrets.get(env.id)).toEqual({ clientSecret: secret, clientId: 'sandbox-client', origin: 'http://127.0.0.1:9999' });
    expect(await secrets.get('production')).toEqual({ clientSecret: `${secret}-prod`, clientId: 'prod-client', origin: 'https://api-prd.kpn.com' });
  });

  it('generates with a secret an older version left in storage.local, once moved out of it', async () => {
    const { handlers, local, remote } = setup();
    await local.set('settings', {
      schemaVersion: 2,
      selectedEnvironmentId: 'custom-old',
      customEnvironments: [{ id: 'custom-old', name: 'Old', kind: 'custom', baseUrl: 'http://127.0.0.1:9999', tokenPath: '/oauth/client_credential/accesstoken', imagePath: '/kpn/qrcodegenerator/image' }],
      credentials: { 'custom-old': { clientId: 'sandbox-client', clientSecret: SECRET } },
    });
    await handlers['ui-bg-generate']({ requestId: 'r', environmentId: 'custom-old', params: DEFAULT_PARAMS });
    expect(remote.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
    expect(JSON.stringify(local.data.get('settings'))).not.toContain(SECRET);
  });

  it('deleting an environment or clearing credentials removes the secret from the secret store', async () => {
    const { handlers, secrets } = setup();
    const env = await addLocalEnvironment(handlers);
    await handlers['ui-bg-credentials-set']({ environmentId: 'production', clientId: 'p', clientSecret: 'production-secret-1' });
    await handlers['ui-bg-credentials-clear']({ environmentId: 'production' });
    await handlers['ui-bg-environment-delete']({ id: env.id });
    expect(await secrets.get('production')).toBeUndefined();
    expect(await secrets.get(env.id)).toBeUndefined();
  });
});

describe('the secret is bound to the origin and client ID it was saved for', () => {
  const tokenRequests = (sent: { url: string; body: string }[]) => sent.filter((c) => c.url.includes('/accesstoken'));

  it('a base URL on another host drops the secret: Test connection and Generate never send it there', async () => {
    const { handlers, sent, secrets } = setup();
    const env = await addLocalEnvironment(handlers);
    const moved = await handlers['ui-bg-environment-save']({ id: env.id, name: env.name, baseUrl: 'http://localhost:9999' });
    expect(moved).toMatchObject({ secretSet: false, secretHint: '', clientId: 'sandbox-client' });
    expect(await secrets.get(env.id)).toBeUndefined();
    expect((await rejection(handlers['ui-bg-connection-test'](await savedForm(handlers, env.id)))).kind).toBe('not-configured');
    expect((await rejection(handlers['ui-bg-generate']({ requestId: 'r', environmentId: env.id, params: DEFAULT_PARAMS }))).kind).toBe('not-configured');
    expect(sent).toEqual([]);
  });

  it.each([
    ['another port', 'http://127.0.0.1:9998'],
    ['another scheme', 'https://127.0.0.1:9999'],
  ])('%s is another origin: the secret is dropped', async (_label, baseUrl) => {
    const { handlers, secrets } = setup();
    const env = await addLocalEnvironment(handlers);
    expect(await handlers['ui-bg-environment-save']({ id: env.id, name: env.name, baseUrl })).toMatchObject({ secretSet: false });
    expect(await secrets.get(env.id)).toBeUndefined();
  });

  it('a new secret typed in the same save goes with the new origin', async () => {
    const { handlers, sent } = setup();
    const env = await addLocalEnvironment(handlers, 'secret-for-the-old-host');
    await handlers['ui-bg-environment-save']({ id: env.id, name: env.name, baseUrl: 'http://localhost:9999' });
    await handlers['ui-bg-credentials-set']({ environmentId: env.id, clientId: 'sandbox-client', clientSecret: SECRET });
    await handlers['ui-bg-generate']({ requestId: 'r', environmentId: env.id, params: DEFAULT_PARAMS });
    expect(tokenRequests(sent).map((c) => [new URL(c.url).origin, new URLSearchParams(c.body).get('client_secret')])).toEqual([
      ['http://localhost:9999', SECRET],
    ]);
  });

  it('the same origin keeps the secret: a new name, a path prefix, other paths', async () => {
    const { handlers } = setup();
    const env = await addLocalEnvironment(handlers);
    const saved = await handlers['ui-bg-environment-save']({
      id: env.id,
      name: 'Renamed',
      baseUrl: 'http://127.0.0.1:9999/gateway/',
      tokenPath: '/token',
      imagePath: '/image',
    });
    expect(saved).toMatchObject({ secretSet: true, baseUrl: 'http://127.0.0.1:9999/gateway' });
  });

  it('another client ID without a new secret drops the secret', async () => {
    const { handlers, sent, secrets } = setup();
    const env = await addLocalEnvironment(handlers);
    const view = await handlers['ui-bg-credentials-set']({ environmentId: env.id, clientId: 'another-client' });
    expect(view).toMatchObject({ clientId: 'another-client', secretSet: false });
    expect(await secrets.get(env.id)).toBeUndefined();
    expect((await rejection(handlers['ui-bg-generate']({ requestId: 'r', environmentId: env.id, params: DEFAULT_PARAMS }))).kind).toBe('not-configured');
    expect(sent).toEqual([]);
  });

  it('cached tokens of the environment are forgotten when its origin changes', async () => {
    const { handlers, session } = setup();
    const env = await addLocalEnvironment(handlers);
    await handlers['ui-bg-generate']({ requestId: 'r', environmentId: env.id, params: DEFAULT_PARAMS });
    expect([...session.data.keys()].filter((k) => k.startsWith('token:'))).toHaveLength(1);
    await handlers['ui-bg-environment-save']({ id: env.id, name: env.name, baseUrl: 'http://localhost:9999' });
    expect([...session.data.keys()].filter((k) => k.startsWith('token:'))).toEqual([]);
  });

  it.each([
    ['another origin', { origin: 'http://localhost:9999', clientId: 'sandbox-client' }],
    ['another client ID', { origin: 'http://127.0.0.1:9999', clientId: 'someone-else' }],
  ])('the worker checks the binding where it reads the secret for a mint: a secret saved for %s is not sent', async (_label, binding) => {
    const { handlers, secrets, sent } = setup();
    const env = await addLocalEnvironment(handlers);
    // As if a save had been cut short between its steps.
    await secrets.set(env.id, { clientSecret: SECRET, ...binding });
    const error = await rejection(handlers['ui-bg-generate']({ requestId: 'r', environmentId: env.id, params: DEFAULT_PARAMS }));
    expect(error).toMatchObject({
      kind: 'not-configured',
      code: 'secret-bound-elsewhere',
      params: { savedOrigin: binding.origin, savedClientId: binding.clientId, origin: 'http://127.0.0.1:9999', clientId: 'sandbox-client' },
    });
    expect((await rejection(handlers['ui-bg-connection-test'](await savedForm(handlers, env.id)))).kind).toBe('not-configured');
    expect((await handlers['ui-bg-environments-list'](undefined)).find((v) => v.id === env.id)).toMatchObject({ secretSet: false, secretHint: '' });
    expect(sent).toEqual([]);
  });
});

const dutch: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = nl;
const nlMessage = (key: string, substitutions?: readonly string[]) => {
  const entry = dutch[key];
  return entry ? formatMessage(entry, substitutions) : '';
};

describe('the default title and description, which the QR image prints', () => {
  afterEach(() => setMessageLookup(enMessage));

  it('follow the browser’s language while they are the shipped ones, and are stored as the shipped ones', async () => {
    const { handlers, local } = setup();
    setMessageLookup(nlMessage);
    const shown = (await handlers['ui-bg-settings-get'](undefined)).defaults.params;
    expect([shown.title, shown.description]).toEqual(['Inloggen met PiM', 'Scan deze code met de PiM-app om je gegevens te delen.']);
    // Saved unchanged (only the size edited), they keep following the language.
    await handlers['ui-bg-settings-save']({ defaults: { params: { ...shown, width: 300, height: 300 }, historySize: 20 } });
    const stored = (local.data.get('settings') as { defaults: { params: typeof DEFAULT_PARAMS } }).defaults.params;
    expect([stored.title, stored.description, stored.width]).toEqual([DEFAULT_PARAMS.title, DEFAULT_PARAMS.description, 300]);
    setMessageLookup(enMessage);
    expect((await handlers['ui-bg-settings-get'](undefined)).defaults.params.title).toBe('Log in with PiM');
  });

  it('stay as typed once the user changed them', async () => {
    const { handlers } = setup();
    await handlers['ui-bg-settings-save']({ defaults: { params: { ...DEFAULT_PARAMS, title: 'Welkom bij de demo' }, historySize: 20 } });
    setMessageLookup(nlMessage);
    const shown = (await handlers['ui-bg-settings-get'](undefined)).defaults.params;
    expect([shown.title, shown.description]).toEqual(['Welkom bij de demo', 'Scan deze code met de PiM-app om je gegevens te delen.']);
  });
});

describe('cURL for the built-in Sandbox', () => {
  it('says its address works only inside the extension, and points the commands at the sandbox server', async () => {
    const { handlers } = setup();
    await handlers['ui-bg-generate']({ requestId: 'r', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    const curl = curlCommands(await handlers['ui-bg-calls-get']({}));
    expect(curl).toContain('# The built-in Sandbox runs inside the extension: https://sandbox.pim.invalid cannot be reached from a shell.');
    expect(curl).toContain(`# These commands call the sandbox server instead: start it with ${LOCAL_SANDBOX_COMMAND} in the PiM QR source folder; it answers at ${LOCAL_SANDBOX_URL}.`);
    expect(curl).toContain(`# Its public test secret: export KPN_CLIENT_SECRET=${SANDBOX_DEFAULTS.clientSecret}`);
    const commands = curl.split('\n').filter((line) => !line.startsWith('#'));
    expect(commands.join('\n')).not.toContain('sandbox.pim.invalid');
    expect(commands.join('\n')).toContain(`'${LOCAL_SANDBOX_URL}/kpn/qrcodegenerator/image'`);
  });

  it('says "This program calls the sandbox server" for code, in English and Dutch', async () => {
    const { handlers } = setup();
    await handlers['ui-bg-generate']({ requestId: 'r', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    const { before } = (await handlers['ui-bg-calls-get']({ program: true })).notes;
    expect(before).toContain(`This program calls the sandbox server instead: start it with ${LOCAL_SANDBOX_COMMAND} in the PiM QR source folder; it answers at ${LOCAL_SANDBOX_URL}.`);
    expect(before.join('\n')).not.toContain('These commands');
    setMessageLookup(nlMessage);
    try {
      expect((await handlers['ui-bg-calls-get']({ program: true })).notes.before).toContain(
        `Dit programma gaat daarom naar de sandboxserver: start die met ${LOCAL_SANDBOX_COMMAND} in de bronmap van PiM QR; hij antwoordt op ${LOCAL_SANDBOX_URL}.`,
      );
    } finally {
      setMessageLookup(enMessage);
    }
  });

  it('gives commands that fetch the QR from a running sandbox server', async () => {
    const server = await startSandboxServer({ port: 0, log: false });
    try {
      const { handlers } = setup();
      await handlers['ui-bg-generate']({ requestId: 'r', environmentId: 'sandbox', params: { ...DEFAULT_PARAMS, redirect: 1, attributes: ['Email'] } });
      const curl = curlCommands(await handlers['ui-bg-calls-get']({}));
      // Only the port differs: the test's server listens on a free one.
      const script = curl.replaceAll(LOCAL_SANDBOX_URL, server.url);
      const base64 = await new Promise<string>((resolve, reject) => {
        execFile('bash', ['-c', script], { env: { ...process.env, KPN_CLIENT_SECRET: SANDBOX_DEFAULTS.clientSecret }, timeout: 20_000 }, (error, stdout) =>
          error ? reject(error) : resolve(stdout),
        );
      });
      const svg = Buffer.from(base64.trim(), 'base64').toString('utf8');
      expect(svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
      expect(svg).toContain('/r/1?attributes=Email');
    } finally {
      await server.close();
    }
  });
});
