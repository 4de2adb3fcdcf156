// The plain emulator the extension ships: KPN's two endpoints and nothing of the development layer
// (faults, hostile bodies, admin routes), while it answers normal requests exactly as that layer does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDevSandboxHandler } from '../../../../src/core/sandbox/dev/handler';
import { SANDBOX_DEFAULTS, createSandboxHandler, sandboxFetch } from '../../../../src/core/sandbox/handler';
import { SandboxConfigError } from '../../../../src/core/sandbox/options';
import { sandboxQrUrl } from '../../../../src/core/sandbox/render';
import {
  BASE,
  IMAGE_URL,
  TOKEN_URL,
  VALID_BODY,
  base64ToUtf8,
  decodeQr,
  errorBody,
  firefoxRequestClass,
  imageRequest,
  mintToken,
  tokenRequest,
  withoutBodyStream,
} from './sandbox-test-kit';

describe('SANDBOX_DEFAULTS', () => {
  it('holds the public sandbox credentials and no development option', () => {
    expect(SANDBOX_DEFAULTS).toMatchObject({ clientId: 'sandbox-client', clientSecret: 'sandbox-secret', redirects: [1], tokenLifetimeSeconds: 3599 });
    expect(Object.keys(SANDBOX_DEFAULTS)).not.toContain('faults');
    expect(Object.keys(SANDBOX_DEFAULTS)).not.toContain('adminRoutes');
    expect(Object.isFrozen(SANDBOX_DEFAULTS)).toBe(true);
  });
});

describe('the plain emulator', () => {
  it('mints a token and answers /image with base64 of a scannable sandbox QR', async () => {
    const handler = createSandboxHandler();
    const response = await handler.handle(imageRequest(await mintToken(handler)));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(decodeQr(base64ToUtf8(await response.text()))).toBe(sandboxQrUrl(VALID_BODY.redirect, VALID_BODY.attributes));
  });

  it.each([
    ['a token request', () => tokenRequest()],
    ['bad credentials', () => tokenRequest({ secret: 'wrong' })],
    ['an unknown token', () => imageRequest('not-a-token')],
    ['an unknown path', () => new Request(`${BASE}/elsewhere`, { method: 'POST' })],
    ['a GET of the image path', () => new Request(IMAGE_URL)],
    ['a wrong content type', () => new Request(TOKEN_URL, { method: 'POST', body: 'x' })],
  ])('answers %s with the same status and body shape as the development sandbox', async (_name, request) => {
    const plain = await createSandboxHandler().handle(request());
    const dev = await createDevSandboxHandler().handle(request());
    expect(plain.status).toBe(dev.status);
    expect(plain.headers.get('content-type')).toBe(dev.headers.get('content-type'));
    expect(Object.keys((await plain.json()) as object).sort()).toEqual(Object.keys((await dev.json()) as object).sort());
  });

  it('counts the client\'s calls and sends the same quota headers as the development sandbox, 429 once the day\'s quota is used', async () => {
    const now = Date.UTC(2026, 10, 30, 13, 0, 0);
    const plain = createSandboxHandler({ now: () => now, quotaLimit: 2 });
    const dev = createDevSandboxHandler({ now: () => now, quotaLimit: 2 });
    const quotaHeaders = (response: Response) => [...response.headers].filter(([name]) => name.startsWith('quota-'));
    const [plainToken, devToken] = [await mintToken(plain), await mintToken(dev)];
    for (const used of ['1', '2']) {
      const answer = await plain.handle(imageRequest(plainToken));
      expect(answer.headers.get('quota-used')).toBe(used);
      expect(quotaHeaders(answer)).toEqual(quotaHeaders(await dev.handle(imageRequest(devToken))));
    }
    const over = await plain.handle(imageRequest(plainToken));
    expect(over.status).toBe(429);
    expect(over.headers.get('quota-used')).toBe('2');
  });

  it('ignores the x-sandbox-fault header: the extension cannot be made to serve a fault or a hostile SVG', async () => {
    const handler = createSandboxHandler();
    const token = await mintToken(handler);
    const response = await handler.handle(imageRequest(token, VALID_BODY, { headers: { 'x-sandbox-fault': 'hostile=script,server-error=503' } }));
    expect(response.status).toBe(200);
    const svg = base64ToUtf8(await response.text());
    expect(svg).not.toMatch(/<script|onload=|javascript:|__sandbox/i);
    const lifetime = await handler.handle(tokenRequest({}, { headers: { 'x-sandbox-fault': 'token-lifetime=0' } }));
    expect(((await lifetime.json()) as { expires_in: string }).expires_in).toBe('3599');
  });

  it.each(['stats', 'config', 'reset', 'beacon'])('has no admin route /__sandbox/%s', async (action) => {
    const response = await createSandboxHandler().handle(new Request(`${BASE}/__sandbox/${action}`, { method: 'POST', body: '{}' }));
    expect(response.status).toBe(404);
    expect(await errorBody(response)).toMatchObject({ status: 404, name: 'NotFound' });
  });

  it.each([{ faults: ['delay=10'] }, { adminRoutes: true }])('refuses the development option %j', (options) => {
    expect(() => createSandboxHandler(options as never)).toThrow(SandboxConfigError);
  });

  it('serves the built-in Sandbox environment through sandboxFetch', async () => {
    const fetchLike = sandboxFetch(createSandboxHandler({ tokenLifetimeSeconds: 60 }));
    const token = await fetchLike(tokenRequest());
    expect(((await token.json()) as { expires_in: string }).expires_in).toBe('60');
  });
});

// Firefox's Request has no `body` stream. The built-in Sandbox once read that as an empty body, so
// every token request in Firefox failed with 401 "ClientId is Invalid".
describe('requests without a body stream, as in Firefox', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('mints a token from the form body', async () => {
    const response = await createSandboxHandler().handle(withoutBodyStream(tokenRequest()));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', client_id: 'sandbox-client' });
  });

  it('still refuses wrong credentials and bodies over maxBodyBytes', async () => {
    const handler = createSandboxHandler({ maxBodyBytes: 100 });
    expect((await handler.handle(withoutBodyStream(tokenRequest({ secret: 'wrong' })))).status).toBe(401);
    const padded = new Request(TOKEN_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `client_id=sandbox-client&client_secret=sandbox-secret&pad=${'x'.repeat(200)}`,
    });
    expect((await handler.handle(withoutBodyStream(padded))).status).toBe(413);
  });

  it('reads the image request, and the development server reads its admin config body', async () => {
    const handler = createSandboxHandler();
    const token = await mintToken(handler);
    expect((await handler.handle(withoutBodyStream(imageRequest(token)))).status).toBe(200);
    const dev = createDevSandboxHandler();
    const config = new Request(`${BASE}/__sandbox/config`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ faults: ['forbidden*1'] }),
    });
    expect((await dev.handle(withoutBodyStream(config))).status).toBe(200);
    expect(dev.describe().faults).toEqual(['forbidden*1']);
  });

  it('sandboxFetch with a string body, the way the token cache sends it', async () => {
    vi.stubGlobal('Request', firefoxRequestClass());
    const fetchLike = sandboxFetch(createSandboxHandler());
    const response = await fetchLike(TOKEN_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'sandbox-client', client_secret: 'sandbox-secret' }).toString(),
    });
    expect(response.status).toBe(200);
  });
});
