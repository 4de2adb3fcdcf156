import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { rejection } from '../rejection';
import { addLocalEnvironment, SECRET, savedForm, setup } from './ui-handlers-setup';

const tokenRequests = (sent: { url: string; body: string }[]) =>
  sent.filter((c) => c.url.includes('/accesstoken')).map((c) => [new URL(c.url).origin, new URLSearchParams(c.body).get('client_secret')]);

describe('Test connection tests what the Options form holds, and saves none of it', () => {
  it('an unsaved base URL and secret are tested; the stored environment, secret and tokens stay as they were', async () => {
    const { handlers, sent, secrets, session } = setup();
    const env = await addLocalEnvironment(handlers, 'the-stored-secret');
    const before = await handlers['ui-bg-environments-list'](undefined);
    const result = await handlers['ui-bg-connection-test']({
      ...(await savedForm(handlers, env.id)),
      baseUrl: 'http://localhost:9999',
      clientSecret: SECRET,
    });
    expect(result.expiresInSeconds).toBeGreaterThan(3000);
    expect(tokenRequests(sent)).toEqual([['http://localhost:9999', SECRET]]);
    expect(await handlers['ui-bg-environments-list'](undefined)).toEqual(before);
    expect(await secrets.get(env.id)).toEqual({ clientSecret: 'the-stored-secret', clientId: 'sandbox-client', origin: 'http://127.0.0.1:9999' });
    // A token for unsaved values must not serve a later generate.
    expect(JSON.stringify([...session.data.values()])).not.toContain('accessToken');
  });

  it('what is saved, tested unchanged, mints the token the next generate uses', async () => {
    const { handlers, remote } = setup();
    const env = await addLocalEnvironment(handlers);
    await handlers['ui-bg-connection-test'](await savedForm(handlers, env.id));
    await handlers['ui-bg-generate']({ requestId: 'r', environmentId: env.id, params: DEFAULT_PARAMS });
    expect(remote.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
  });

  it('a test of unsaved values leaves the saved environment’s token in place', async () => {
    const { handlers, remote } = setup();
    const env = await addLocalEnvironment(handlers);
    await handlers['ui-bg-generate']({ requestId: 'r1', environmentId: env.id, params: DEFAULT_PARAMS });
    await handlers['ui-bg-connection-test']({ ...(await savedForm(handlers, env.id)), baseUrl: 'http://localhost:9999', clientSecret: SECRET });
    await handlers['ui-bg-generate']({ requestId: 'r2', environmentId: env.id, params: DEFAULT_PARAMS });
    expect(remote.stats()).toMatchObject({ tokenCalls: 2, imageCalls: 2 });
  });

  it('files the quota figures of the answer under the saved environment only when the saved server and client were tested', async () => {
    const quotaHeaders = { 'quota-limit': '1000', 'quota-used': '7', 'quota-interval': '1', 'quota-time-unit': 'day' };
    const { handlers } = setup({
      rewrite: async (answer) => new Response(await answer.text(), { status: answer.status, headers: { ...Object.fromEntries(answer.headers), ...quotaHeaders } }),
    });
    const env = await addLocalEnvironment(handlers);
    const saved = await savedForm(handlers, env.id);
    await handlers['ui-bg-connection-test']({ ...saved, baseUrl: 'http://localhost:9999', clientSecret: SECRET });
    // The sandbox knows no other client: its refusal carries figures too, another client's.
    await expect(handlers['ui-bg-connection-test']({ ...saved, clientId: 'another-client', clientSecret: SECRET })).rejects.toMatchObject({
      code: 'credentials-rejected',
    });
    expect(await handlers['ui-bg-quota-get']({ environmentId: env.id })).toBeNull();
    await handlers['ui-bg-connection-test'](saved);
    expect(await handlers['ui-bg-quota-get']({ environmentId: env.id })).toMatchObject({ limit: 1000, used: 7 });
  });

  it('the stored secret goes along while origin and client ID are unchanged, whatever the path', async () => {
    const { handlers, sent } = setup();
    const env = await addLocalEnvironment(handlers);
    await handlers['ui-bg-connection-test']({ ...(await savedForm(handlers, env.id)), baseUrl: 'http://127.0.0.1:9999/' });
    expect(tokenRequests(sent)).toEqual([['http://127.0.0.1:9999', SECRET]]);
  });

  it.each([
    ['another host', { baseUrl: 'http://localhost:9999' }, 'http://localhost:9999', 'sandbox-client'],
    ['another port', { baseUrl: 'http://127.0.0.1:9998' }, 'http://127.0.0.1:9998', 'sandbox-client'],
    ['another client ID', { clientId: 'someone-else' }, 'http://127.0.0.1:9999', 'someone-else'],
  ])('the stored secret is never sent with %s: the error names where it belongs', async (_label, change, origin, clientId) => {
    const { handlers, sent } = setup();
    const env = await addLocalEnvironment(handlers);
    const error = await rejection(handlers['ui-bg-connection-test']({ ...(await savedForm(handlers, env.id)), ...change }));
    expect(error).toMatchObject({
      kind: 'not-configured',
      code: 'secret-bound-elsewhere',
      params: { savedOrigin: 'http://127.0.0.1:9999', savedClientId: 'sandbox-client', origin, clientId },
    });
    expect(sent).toEqual([]);
  });

  it('a stored secret whose own binding no longer holds is not sent, even to the origin it names', async () => {
    const { handlers, secrets, sent } = setup();
    const env = await addLocalEnvironment(handlers);
    // As if a save had been cut short: the secret names localhost, the environment 127.0.0.1.
    await secrets.set(env.id, { clientSecret: SECRET, clientId: 'sandbox-client', origin: 'http://localhost:9999' });
    const form = { ...(await savedForm(handlers, env.id)), baseUrl: 'http://localhost:9999' };
    expect((await rejection(handlers['ui-bg-connection-test'](form))).code).toBe('secret-bound-elsewhere');
    expect(sent).toEqual([]);
  });

  it('a built-in environment keeps its own address whatever the form claims', async () => {
    const { handlers, builtIn, sent } = setup();
    await handlers['ui-bg-connection-test']({ ...(await savedForm(handlers, 'sandbox')), baseUrl: 'http://127.0.0.1:9999' });
    expect(builtIn.stats().tokenCalls).toBe(1);
    expect(sent).toEqual([]);
  });

  it('an environment not saved yet is tested with the typed secret', async () => {
    const { handlers, sent } = setup();
    await handlers['ui-bg-connection-test']({ baseUrl: 'http://127.0.0.1:9999', tokenPath: '', clientId: 'sandbox-client', clientSecret: SECRET });
    expect(tokenRequests(sent)).toEqual([['http://127.0.0.1:9999', SECRET]]);
    expect((await handlers['ui-bg-environments-list'](undefined)).map((e) => e.id)).toEqual(['sandbox', 'production']);
  });
});

describe('Test connection answers errors as codes', () => {
  const form = { baseUrl: 'http://127.0.0.1:9999', tokenPath: '', clientId: 'sandbox-client', clientSecret: SECRET };

  it.each([
    ['a base URL that could not be saved', { baseUrl: 'http://plain.example.com' }, 'environment-invalid'],
    ['a wildcard host', { baseUrl: 'https://*.example.com' }, 'environment-invalid'],
    ['a bad token path', { tokenPath: 'no-slash' }, 'environment-invalid'],
    ['no client ID', { clientId: '  ' }, 'not-configured'],
    ['no secret typed and none stored', { clientSecret: '' }, 'not-configured'],
    ['an environment that is gone', { environmentId: 'custom-gone' }, 'environment-gone'],
    ['a secret KPN refuses', { clientSecret: 'wrong-secret' }, 'credentials-rejected'],
  ])('%s', async (_label, change, code) => {
    const { handlers } = setup();
    expect((await rejection(handlers['ui-bg-connection-test']({ ...form, ...change }))).code).toBe(code);
  });

  it('a host the browser has not granted is not contacted', async () => {
    const { handlers, sent, asked } = setup();
    const error = await rejection(handlers['ui-bg-connection-test']({ ...form, baseUrl: 'https://new.example.com' }));
    expect(error).toMatchObject({ code: 'host-not-granted', params: { host: 'new.example.com' } });
    expect(asked).toEqual(['https://new.example.com/*']);
    expect(sent).toEqual([]);
  });

  it('a granted host is contacted', async () => {
    const { handlers, sent } = setup({ granted: ['https://new.example.com/*'] });
    await handlers['ui-bg-connection-test']({ ...form, baseUrl: 'https://new.example.com' });
    expect(tokenRequests(sent)).toEqual([['https://new.example.com', SECRET]]);
  });
});
