import { describe, expect, it, vi } from 'vitest';
import {
  DEV_SANDBOX_DEFAULTS,
  createDevSandboxHandler,
  sandboxFetch,
  type DevSandboxHandler,
} from '../../../../../src/core/sandbox/dev/handler';
import { SandboxFaultError } from '../../../../../src/core/sandbox/dev/faults';
import { SandboxConfigError } from '../../../../../src/core/sandbox/options';
import { BASE, IMAGE_URL, TOKEN_URL, UUID, VALID_BODY, base64ToUtf8, errorBody, imageRequest, mintToken, tokenRequest } from '../sandbox-test-kit';

const admin = (handler: DevSandboxHandler, action: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') =>
  handler.handle(
    new Request(`${BASE}/__sandbox/${action}`, {
      method,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    }),
  );

describe('DEV_SANDBOX_DEFAULTS', () => {
  it('documents the defaults the brief and the README promise', () => {
    expect(DEV_SANDBOX_DEFAULTS).toMatchObject({
      clientId: 'sandbox-client',
      clientSecret: 'sandbox-secret',
      redirects: [1],
      tokenLifetimeSeconds: 3599,
      faults: [],
      adminRoutes: true,
    });
    expect(Math.abs(DEV_SANDBOX_DEFAULTS.now() - Date.now())).toBeLessThan(1000);
    expect(Object.isFrozen(DEV_SANDBOX_DEFAULTS)).toBe(true);
  });
});

describe('routing', () => {
  it.each([
    ['GET', `${BASE}/`],
    ['POST', `${BASE}/kpn/qrcodegenerator/images`],
    ['POST', `${BASE}/kpn/qrcodegenerator/image/extra`],
    ['POST', `${BASE}/oauth/accesstoken`],
  ])('404 in the proxy error shape for %s %s', async (method, url) => {
    const response = await createDevSandboxHandler().handle(new Request(url, { method }));
    expect(response.status).toBe(404);
    const error = await errorBody(response);
    expect(error).toMatchObject({ status: 404, name: 'NotFound' });
    expect(error.transactionId).toMatch(UUID);
  });

  it.each([
    ['GET', IMAGE_URL],
    ['PUT', IMAGE_URL],
    ['DELETE', TOKEN_URL],
  ])('405 with Allow: POST for %s %s', async (method, url) => {
    const response = await createDevSandboxHandler().handle(new Request(url, { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await errorBody(response)).toMatchObject({ status: 405, name: 'MethodNotAllowed' });
  });

  it('serves both endpoints behind a base path on any origin', async () => {
    const handler = createDevSandboxHandler();
    const token = await mintToken(handler);
    const request = new Request('http://localhost:1234/gateway/v1/kpn/qrcodegenerator/image', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(VALID_BODY),
    });
    expect((await handler.handle(request)).status).toBe(200);
  });

  it('answers a sandbox bug as a 500 proxy error instead of rejecting', async () => {
    const handler = createDevSandboxHandler({
      now: () => {
        throw new Error('clock broke');
      },
    });
    const response = await handler.handle(tokenRequest());
    expect(response.status).toBe(500);
    expect((await errorBody(response)).message).toMatch(/clock broke/);
  });
});

describe('stats, configure, reset', () => {
  it('counts token calls, image calls and all non-admin requests', async () => {
    const handler = createDevSandboxHandler();
    const token = await mintToken(handler);
    await handler.handle(imageRequest(token));
    await handler.handle(imageRequest('bad'));
    await handler.handle(new Request(`${BASE}/nowhere`));
    await handler.handle(new Request(IMAGE_URL));
    expect(handler.stats()).toEqual({ tokenCalls: 1, imageCalls: 2, requests: 5, beacons: 0 });
    const response = await admin(handler, 'stats');
    expect(await response.json()).toEqual({ tokenCalls: 1, imageCalls: 2, requests: 5, beacons: 0 });
  });

  it('configure changes credentials, redirects and lifetime for later requests', async () => {
    const handler = createDevSandboxHandler();
    handler.configure({ clientId: 'c2', clientSecret: 's2', redirects: [5], tokenLifetimeSeconds: 42 });
    expect((await handler.handle(tokenRequest())).status).toBe(401);
    const response = await handler.handle(tokenRequest({ id: 'c2', secret: 's2' }));
    const { access_token: token, expires_in: expiresIn } = (await response.json()) as Record<string, string>;
    expect(expiresIn).toBe('42');
    expect((await handler.handle(imageRequest(token))).status).toBe(400);
    expect((await handler.handle(imageRequest(token, { ...VALID_BODY, redirect: 5 }))).status).toBe(200);
  });

  it.each([
    [{ tokenLifetimeSeconds: -1 }, SandboxConfigError],
    [{ redirects: [] }, SandboxConfigError],
    [{ redirects: [0] }, SandboxConfigError],
    [{ clientId: '' }, SandboxConfigError],
    [{ faults: ['nope'] }, SandboxFaultError],
    [{ faults: [5] }, SandboxConfigError],
    [{ colour: 'blue' }, SandboxConfigError],
  ])('configure rejects %j', (patch, kind) => {
    const handler = createDevSandboxHandler();
    expect(() => handler.configure(patch as never)).toThrow(kind);
    expect(() => createDevSandboxHandler(patch as never)).toThrow(kind);
  });

  it('reset restores the creation options and forgets tokens, faults and counters', async () => {
    const handler = createDevSandboxHandler({ clientId: 'mine' });
    const form = { id: 'mine' };
    const token = ((await (await handler.handle(tokenRequest(form))).json()) as Record<string, string>).access_token ?? '';
    handler.configure({ clientId: 'other', faults: ['forbidden'] });
    handler.reset();
    expect(handler.stats()).toEqual({ tokenCalls: 0, imageCalls: 0, requests: 0, beacons: 0 });
    expect(handler.describe()).toMatchObject({ clientId: 'mine', faults: [] });
    expect((await handler.handle(imageRequest(token))).status).toBe(401);
    const fresh = ((await (await handler.handle(tokenRequest(form))).json()) as Record<string, string>).access_token;
    expect((await handler.handle(imageRequest(fresh))).status).toBe(200);
  });

  it('describe never reveals the client secret', () => {
    const handler = createDevSandboxHandler({ clientSecret: 'very-secret-value' });
    expect(JSON.stringify(handler.describe())).not.toContain('very-secret-value');
  });
});

describe('instance faults', () => {
  it('a counted fault applies to the next N matching requests, then drops', async () => {
    const handler = createDevSandboxHandler({ faults: ['unauthorized*2'] });
    const token = await mintToken(handler); // the token route does not consume an image fault
    expect(handler.describe().faults).toEqual(['unauthorized*2']);
    expect((await handler.handle(imageRequest(token))).status).toBe(401);
    expect(handler.describe().faults).toEqual(['unauthorized*1']);
    expect((await handler.handle(imageRequest(token))).status).toBe(401);
    expect((await handler.handle(imageRequest(token))).status).toBe(200);
    expect(handler.describe().faults).toEqual([]);
  });

  it('an uncounted fault stays until reconfigured', async () => {
    const handler = createDevSandboxHandler();
    handler.configure({ faults: ['server-error=502'] });
    const token = await mintToken(handler);
    for (let i = 0; i < 3; i++) expect((await handler.handle(imageRequest(token))).status).toBe(502);
    handler.configure({ faults: [] });
    expect((await handler.handle(imageRequest(token))).status).toBe(200);
  });

  it('header faults win over instance faults for single-valued settings', async () => {
    const handler = createDevSandboxHandler({ faults: ['server-error=502'] });
    const token = await mintToken(handler);
    const response = await handler.handle(imageRequest(token, VALID_BODY, { headers: { 'x-sandbox-fault': 'server-error=504' } }));
    expect(response.status).toBe(504);
  });

  it('a token-route fault is consumed by the token call, not by /image', async () => {
    const handler = createDevSandboxHandler({ faults: ['token:server-error=503*1'] });
    expect((await handler.handle(tokenRequest())).status).toBe(503);
    const token = await mintToken(handler);
    expect((await handler.handle(imageRequest(token))).status).toBe(200);
  });
});

describe('answers a hostile API would give', () => {
  it('huge-size: the QR SVG declares 99,999,999 px a side and keeps its drawing', async () => {
    const handler = createDevSandboxHandler({ faults: ['huge-size'] });
    const response = await handler.handle(imageRequest(await mintToken(handler)));
    expect(response.status).toBe(200);
    const svg = base64ToUtf8(await response.text());
    expect(svg).toMatch(/<svg\b[^>]*\swidth="99999999"\sheight="99999999"/);
    expect(svg).toMatch(/<svg\b[^>]*\sviewBox="0 0 \d+ \d+"/);
  });

  it('unusable-token: the token answer carries a line break and a header after the token', async () => {
    const handler = createDevSandboxHandler({ faults: ['unusable-token'] });
    const response = await handler.handle(tokenRequest());
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { access_token: string; expires_in: string };
    expect(answer.access_token).toMatch(/^\S+\r\nX-Injected: 1$/);
    expect(answer.expires_in).toBe('3599');
  });

  it.each([
    ['image', 'redirect', () => Promise.resolve(imageRequest('any'))],
    ['token', 'token:redirect', () => Promise.resolve(tokenRequest())],
  ])('redirect on the %s endpoint: 302 to a path the server answers 404', async (_route, fault, request) => {
    const handler = createDevSandboxHandler({ faults: [fault] });
    const response = await handler.handle(await request());
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location).toBe('/moved');
    expect((await handler.handle(new Request(new URL(location, BASE), { method: 'POST' }))).status).toBe(404);
  });

  it.each([
    ['image', 'leak-credentials', 'the-token', ', %74%68%65%2d%74%6f%6b%65%6e'],
    ['token', 'token:leak-credentials', 'none', ''],
  ])('leak-credentials on the %s endpoint: a 400 quoting the ID, the secret and the token, also encoded and split', async (route, fault, token, encodedToken) => {
    const handler = createDevSandboxHandler({ faults: [fault], clientId: 'leaky-app', clientSecret: 'leaky-secret' });
    const response = await handler.handle(route === 'image' ? imageRequest(token) : tokenRequest());
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string; info: string } };
    expect(error.message).toBe(
      `Request from app leaky-app with secret leaky-secret and token ${token} was refused; received %6c%65%61%6b%79%2d%73%65%63%72%65%74, leaky%2Dsecret, %256c%2565%2561%256b%2579%252d%2573%2565%2563%2572%2565%2574, LEAKY-SECRET, ${[...'leaky-secret'].join('\u200b')}${encodedToken}; secret began leaky-`,
    );
    expect(error.info).toBe('secret on');
  });
});

describe('delay', () => {
  it('waits the given time before answering', async () => {
    vi.useFakeTimers();
    try {
      const handler = createDevSandboxHandler();
      const token = await mintToken(handler);
      let settled = false;
      const pending = handler
        .handle(imageRequest(token, VALID_BODY, { headers: { 'x-sandbox-fault': 'delay=1000' } }))
        .then((response) => {
          settled = true;
          return response;
        });
      await vi.advanceTimersByTimeAsync(999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).status).toBe(200);
      expect(settled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops waiting and rejects when the request is aborted', async () => {
    const handler = createDevSandboxHandler({ faults: ['delay=60000'] });
    const token = await mintToken(handler);
    const controller = new AbortController();
    const pending = handler.handle(imageRequest(token, VALID_BODY, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('token:delay delays the token endpoint', async () => {
    const handler = createDevSandboxHandler({ faults: ['token:delay=80'] });
    const started = Date.now();
    expect((await handler.handle(tokenRequest())).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
  });
});

describe('admin routes', () => {
  it('POST /__sandbox/config applies faults and options and answers the new config', async () => {
    const handler = createDevSandboxHandler();
    const response = await admin(handler, 'config', { faults: ['forbidden*1'], tokenLifetimeSeconds: 7, redirects: ['1', 2] });
    expect(response.status).toBe(200);
    const { config } = (await response.json()) as { config: Record<string, unknown> };
    expect(config).toEqual({ clientId: 'sandbox-client', redirects: [1, 2], tokenLifetimeSeconds: 7, faults: ['forbidden*1'] });
    expect(JSON.stringify(config)).not.toContain('sandbox-secret');
    const token = await mintToken(handler);
    expect((await handler.handle(imageRequest(token))).status).toBe(403);
    expect((await handler.handle(imageRequest(token, { ...VALID_BODY, redirect: 2 }))).status).toBe(200);
  });

  it('POST /__sandbox/config accepts a single fault string', async () => {
    const handler = createDevSandboxHandler();
    expect((await admin(handler, 'config', { faults: 'shape=json-string,empty*1' })).status).toBe(200);
    expect(handler.describe().faults).toEqual(['shape=json-string', 'empty*1']);
  });

  it.each([
    ['not JSON', '{', /JSON object/],
    ['an unknown option', { color: 1 }, /Unknown sandbox option 'color'/],
    ['a bad fault', { faults: ['explode'] }, /Unknown sandbox fault 'explode'/],
    ['a clock', { now: 5 }, /only be set in code/],
    ['adminRoutes', { adminRoutes: false }, /only be set in code/],
    ['a bad lifetime', { tokenLifetimeSeconds: 'soon' }, /tokenLifetimeSeconds/],
  ])('POST /__sandbox/config rejects %s with 400', async (_label, body, message) => {
    const handler = createDevSandboxHandler();
    const response = await admin(handler, 'config', body);
    expect(response.status).toBe(400);
    expect((await errorBody(response)).message).toMatch(message);
  });

  it('POST /__sandbox/reset resets', async () => {
    const handler = createDevSandboxHandler();
    await mintToken(handler);
    handler.configure({ faults: ['empty'] });
    const response = await admin(handler, 'reset', {});
    expect(response.status).toBe(200);
    expect(handler.stats().tokenCalls).toBe(0);
    expect(handler.describe().faults).toEqual([]);
  });

  it('GET /__sandbox/beacon counts and answers a tiny SVG', async () => {
    const handler = createDevSandboxHandler();
    const response = await admin(handler, 'beacon?kind=script');
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toContain('id="dot"');
    expect(handler.stats().beacons).toBe(1);
    expect(handler.stats().requests).toBe(0);
  });

  it.each([
    ['stats', 'POST'],
    ['reset', 'GET'],
    ['config', 'GET'],
  ])('%s with %s is 405', async (action, method) => {
    const response = await admin(createDevSandboxHandler(), action, undefined, method);
    expect(response.status).toBe(405);
  });

  it('an unknown admin route is 404', async () => {
    expect((await admin(createDevSandboxHandler(), 'explode')).status).toBe(404);
  });

  it('adminRoutes: false hides them all', async () => {
    const handler = createDevSandboxHandler({ adminRoutes: false });
    const response = await admin(handler, 'stats');
    expect(response.status).toBe(404);
    expect(handler.stats().requests).toBe(1);
  });
});

describe('sandboxFetch', () => {
  it('is a fetch: URL + init in, Response out, with no network', async () => {
    const fetchLike = sandboxFetch(createDevSandboxHandler());
    const tokenResponse = await fetchLike(new URL(TOKEN_URL), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'sandbox-client', client_secret: 'sandbox-secret' }),
    });
    const { access_token: token } = (await tokenResponse.json()) as Record<string, string>;
    const image = await fetchLike(IMAGE_URL, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(VALID_BODY),
    });
    expect(image.status).toBe(200);
    expect((await image.text()).length).toBeGreaterThan(1000);
  });

  it('accepts a Request object', async () => {
    const fetchLike = sandboxFetch(createDevSandboxHandler());
    expect((await fetchLike(tokenRequest())).status).toBe(200);
  });

  it('rejects with AbortError for an already aborted signal', async () => {
    const fetchLike = sandboxFetch(createDevSandboxHandler());
    await expect(fetchLike(IMAGE_URL, { method: 'POST', signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('rejects with the timeout reason when a delayed answer outlives AbortSignal.timeout', async () => {
    const handler = createDevSandboxHandler({ faults: ['delay=5000'] });
    const token = await mintToken(handler);
    const fetchLike = sandboxFetch(handler);
    const started = Date.now();
    await expect(
      fetchLike(IMAGE_URL, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(VALID_BODY),
        signal: AbortSignal.timeout(30),
      }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
