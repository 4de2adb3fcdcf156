// generateQr against the real sandbox handler (no network): every fault the sandbox can inject must
// come out as the error kind the UI explains, and every body shape must decode.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PimError, type PimErrorKind, toErrorData } from '../../../src/core/errors';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { type GenerateQrResult, generateQr } from '../../../src/core/pim-client';
import type { RequestLogEntry } from '../../../src/core/request-log';
import { IMAGE_PATH, SANDBOX_DEFAULTS, TOKEN_PATH, createDevSandboxHandler, sandboxFetch } from '../../../src/core/sandbox/dev/handler';
import { createMemoryStore } from '../../../src/core/storage-port';
import { createTokenSource } from '../../../src/core/token-cache';
import { fakeClock } from './fake-fetch';
import { firefoxRequestClass } from './sandbox/sandbox-test-kit';

const BASE_URL = 'https://sandbox.pim.invalid';
let keyCounter = 0;

function setup(
  faults: string[] = [],
  options: { clientSecret?: string; timeoutMs?: number; signal?: AbortSignal; params?: unknown } = {},
) {
  const clock = fakeClock(Date.now());
  const handler = createDevSandboxHandler({ faults, now: clock.now });
  const fetch = sandboxFetch(handler);
  const store = createMemoryStore();
  const log: RequestLogEntry[] = [];
  const sleeps: number[] = [];
  keyCounter += 1;
  const tokens = () =>
    createTokenSource({
      fetch,
      now: clock.now,
      store,
      cacheKey: `token:sandbox-${keyCounter}:${SANDBOX_DEFAULTS.clientId}`,
      endpoint: { baseUrl: BASE_URL, tokenPath: TOKEN_PATH },
      credentials: { clientId: SANDBOX_DEFAULTS.clientId, clientSecret: options.clientSecret ?? SANDBOX_DEFAULTS.clientSecret },
      onRequest: (e) => log.push(e),
    });
  const generate = (): Promise<GenerateQrResult> =>
    generateQr({
      params: options.params ?? DEFAULT_PARAMS,
      endpoint: { baseUrl: BASE_URL, imagePath: IMAGE_PATH },
      tokens: tokens(),
      fetch,
      now: clock.now,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
      },
      random: () => 0.5,
      onRequest: (e) => log.push(e),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  return { handler, clock, log, sleeps, generate };
}

async function outcome(promise: Promise<GenerateQrResult>): Promise<PimErrorKind | 'ok'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof PimError) return error.kind;
    throw error;
  }
}

describe('generateQr × sandbox: success', () => {
  it('returns the sandbox SVG with one token and one image call', async () => {
    const { generate, handler } = setup();
    const result = await generate();
    expect(result.svg).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(result.svg).toContain('SANDBOX');
    expect(handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
  });

  it.each(['shape=bare', 'shape=json-string', 'shape=json-object', 'shape=data-url'])('decodes %s', async (fault) => {
    const { generate } = setup([fault]);
    expect((await generate()).svg).toContain('SANDBOX');
  });

  it.each(['hostile=script', 'hostile=handler', 'hostile=foreignobject', 'hostile=external'])(
    'passes %s through as SVG (sanitizing is the page’s job)',
    async (fault) => {
      const { generate } = setup([fault]);
      expect((await generate()).svg).toMatch(/<svg/);
    },
  );

  it('10 concurrent generates share one token call', async () => {
    const { generate, handler } = setup();
    await Promise.all(Array.from({ length: 10 }, () => generate()));
    expect(handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 10 });
  });
});

describe('generateQr × sandbox in Firefox (Request has no body stream)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('mints a token and returns the image, as in Chrome', async () => {
    vi.stubGlobal('Request', firefoxRequestClass());
    const { generate, handler } = setup();
    await expect(generate()).resolves.toMatchObject({ status: 200, svg: expect.stringContaining('SANDBOX') });
    expect(handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
  });
});

describe('generateQr × sandbox: recoverable faults', () => {
  it.each([
    ['unauthorized*1', { tokenCalls: 2, imageCalls: 2 }],
    ['expire-token*1', { tokenCalls: 2, imageCalls: 2 }],
    ['server-error=503*1', { tokenCalls: 1, imageCalls: 2 }],
    ['server-error=502*2', { tokenCalls: 1, imageCalls: 3 }],
    ['server-error=504*1', { tokenCalls: 1, imageCalls: 2 }],
    ['rate-limit=2*1', { tokenCalls: 1, imageCalls: 2 }],
    ['token:server-error=503*1', { tokenCalls: 2, imageCalls: 1 }],
    ['token:rate-limit=1*1', { tokenCalls: 2, imageCalls: 1 }],
  ])('%s → success after %j', async (fault, calls) => {
    const { generate, handler } = setup([fault]);
    await expect(generate()).resolves.toMatchObject({ status: 200 });
    expect(handler.stats()).toMatchObject(calls);
  });

  it('re-mints when a short-lived token nears its end (token-lifetime=5)', async () => {
    const { generate, handler, clock } = setup(['token-lifetime=5']);
    await generate();
    await generate();
    expect(handler.stats().tokenCalls).toBe(1);
    clock.advance(3000); // past 5 s − min(60 s margin, half the lifetime)
    await generate();
    expect(handler.stats()).toMatchObject({ tokenCalls: 2, imageCalls: 3 });
  });

  it('recovers when the server expires a cached token early (no extra loop)', async () => {
    const { generate, handler, clock } = setup(['token-lifetime=120']);
    await generate();
    clock.advance(30_000); // still inside our cache window (120 − 60 s), but the sandbox…
    handler.configure({ faults: ['expire-token*1'] }); // …now says the token is expired
    await expect(generate()).resolves.toMatchObject({ tokenRenewed: true });
    expect(handler.stats()).toMatchObject({ tokenCalls: 2, imageCalls: 3 });
  });
});

describe('generateQr × sandbox: each fault → error kind', () => {
  it.each<[string, PimErrorKind, Record<string, number>?]>([
    // A fresh token refused too: the credentials were accepted, the token was not.
    ['unauthorized', 'forbidden', { imageCalls: 2, tokenCalls: 2 }],
    ['expire-token', 'forbidden', { imageCalls: 2, tokenCalls: 2 }],
    ['token-lifetime=0', 'forbidden', { imageCalls: 2, tokenCalls: 2 }],
    ['forbidden', 'forbidden', { imageCalls: 1 }],
    ['rate-limit=2', 'rate-limited', { imageCalls: 2 }],
    ['rate-limit=30', 'rate-limited', { imageCalls: 1 }],
    ['server-error', 'server-error', { imageCalls: 1 }],
    ['server-error=500', 'server-error', { imageCalls: 1 }],
    ['server-error=502', 'server-error', { imageCalls: 3 }],
    ['server-error=503', 'server-error', { imageCalls: 3 }],
    ['server-error=504', 'server-error', { imageCalls: 3 }],
    ['token:server-error=500', 'credentials-rejected', { tokenCalls: 1, imageCalls: 0 }],
    ['token:server-error=503', 'server-error', { tokenCalls: 3, imageCalls: 0 }],
    ['token:rate-limit=60', 'rate-limited', { tokenCalls: 1, imageCalls: 0 }],
    ['malformed-base64', 'unreadable-response', { imageCalls: 1 }],
    ['malformed-base64,shape=json-object', 'unreadable-response'],
    ['not-svg', 'unreadable-response'],
    ['not-svg=png', 'unreadable-response'],
    ['not-svg=text', 'unreadable-response'],
    ['not-svg,shape=data-url', 'unreadable-response'],
    ['oversized', 'unreadable-response'],
    ['oversized,shape=json-object', 'unreadable-response'],
    ['empty', 'unreadable-response'],
  ])('%s → %s', async (fault, kind, calls) => {
    const { generate, handler, log } = setup(fault.split(','));
    const error = await generate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PimError);
    expect((error as PimError).kind).toBe(kind);
    if (calls) expect(handler.stats()).toMatchObject(calls);
    expect(log.at(-1)?.errorKind).toBe(kind);
  });

  it('explains an oversized answer as too large', async () => {
    const { generate } = setup(['oversized']);
    await expect(generate()).rejects.toMatchObject({ code: 'answer-too-large' });
  });

  it('shows the 403 body’s message and transaction ID', async () => {
    const { generate } = setup(['forbidden']);
    const error = (await generate().catch((e: unknown) => e)) as PimError;
    expect(error.serverMessage).toContain('not subscribed');
    expect(error.transactionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('waits for the sandbox’s Retry-After before giving up on rate-limit=2', async () => {
    const { generate, sleeps } = setup(['rate-limit=2']);
    const error = (await generate().catch((e: unknown) => e)) as PimError;
    expect(error.retryAfterSeconds).toBe(2);
    expect(sleeps).toEqual([2000]);
  });

  it('bad credentials → credentials-rejected (401)', async () => {
    const { generate } = setup([], { clientSecret: 'wrong-secret-value' });
    await expect(generate()).rejects.toMatchObject({ kind: 'credentials-rejected', status: 401 });
  });

  it('bad credentials with bad-credentials-500 → credentials-rejected (500) with the body’s message', async () => {
    const { generate } = setup(['bad-credentials-500'], { clientSecret: 'wrong-secret-value' });
    const error = (await generate().catch((e: unknown) => e)) as PimError;
    expect(error).toMatchObject({ kind: 'credentials-rejected', status: 500 });
    expect(error.serverMessage).toContain('Invalid client credentials');
    expect(error.transactionId).toBeTruthy();
  });

  it('bad-credentials-500 with good credentials still succeeds', async () => {
    const { generate } = setup(['bad-credentials-500']);
    expect(await outcome(generate())).toBe('ok');
  });

  it('a server-side 400 (unregistered redirect) carries the server’s words as invalid-parameters', async () => {
    const { generate } = setup([], { params: { ...DEFAULT_PARAMS, redirect: 2 } });
    const error = (await generate().catch((e: unknown) => e)) as PimError;
    expect(error).toMatchObject({ kind: 'invalid-parameters', code: 'params-rejected' });
    expect(error.serverMessage).toContain('Redirect reference 2 is not registered for this application');
  });

  it('delay past the timeout → timeout', async () => {
    const { generate } = setup(['delay=2000'], { timeoutMs: 50 });
    expect(await outcome(generate())).toBe('timeout');
  });

  it('token:delay past the timeout → timeout', async () => {
    const { generate } = setup(['token:delay=2000'], { timeoutMs: 50 });
    expect(await outcome(generate())).toBe('timeout');
  });

  it('delay within the timeout → success', async () => {
    const { generate } = setup(['delay=20']);
    expect(await outcome(generate())).toBe('ok');
  });

  it('a caller abort during delay → cancelled', async () => {
    const controller = new AbortController();
    const { generate } = setup(['delay=2000'], { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await outcome(generate())).toBe('cancelled');
  });
});

describe('generateQr × sandbox: no secret or token leaks', () => {
  it.each([[[]], [['unauthorized']], [['forbidden']], [['server-error=503']], [['malformed-base64']]])(
    'faults %j',
    async (faults) => {
      const { generate, log } = setup(faults);
      const error = await generate().catch((e: unknown) => e);
      const text = JSON.stringify([log, error instanceof PimError ? [toErrorData(error), error.message] : null]);
      expect(text).not.toContain(SANDBOX_DEFAULTS.clientSecret);
      // Sandbox tokens are 28 alphanumerics; none may appear in the log or the error.
      expect(text).not.toMatch(/Bearer [A-Za-z0-9]{28}/);
      expect(log.filter((e) => e.url.includes(IMAGE_PATH)).every((e) => e.requestHeaders.Authorization === 'Bearer $TOKEN')).toBe(true);
    },
  );
});
