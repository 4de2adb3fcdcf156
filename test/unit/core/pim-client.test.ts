import { describe, expect, it } from 'vitest';
import { toErrorData } from '../../../src/core/errors';
import { DEFAULT_PARAMS, serializeParams } from '../../../src/core/params';
import { type GenerateQrOptions, generateQr } from '../../../src/core/pim-client';
import type { RequestLogEntry } from '../../../src/core/request-log';
import { createMemoryStore } from '../../../src/core/storage-port';
import { createTokenSource } from '../../../src/core/token-cache';
import { rejection } from '../rejection';
import {
  type Answer,
  BASE_URL,
  CLIENT_ID,
  CLIENT_SECRET,
  createFakeApi,
  fakeClock,
  hangingAnswer,
  IMAGE_PATH,
  imageAnswer,
  json,
  SVG,
  SVG_BASE64,
  TOKEN_PATH,
} from './fake-fetch';

const TOKEN_A = 'TokenAlpha0123456789abcdef';
const TOKEN_B = 'TokenBravo0123456789abcdef';
const WORDY_SECRET = 'my-app.secret-words';
const tokenA = () => json(200, { access_token: TOKEN_A, expires_in: '3599' });
const tokenB = () => json(200, { access_token: TOKEN_B, expires_in: '3599' });
const status = (code: number, headers: Record<string, string> = {}) => () =>
  json(code, { error: { transactionId: `tx-${code}`, message: `status ${code}` } }, headers);

let keyCounter = 0;

function setup(routes: { token?: Answer[]; image?: Answer[] }, overrides: Partial<GenerateQrOptions> = {}) {
  const api = createFakeApi({ token: routes.token ?? [tokenA, tokenB], image: routes.image ?? [() => imageAnswer()] });
  const clock = fakeClock();
  const sleeps: number[] = [];
  const log: RequestLogEntry[] = [];
  keyCounter += 1;
  const cacheKey = `token:test-${keyCounter}:${CLIENT_ID}`;
  const store = createMemoryStore();
  const onRequest = (entry: RequestLogEntry) => log.push(entry);
  const makeTokens = () =>
    createTokenSource({
      fetch: api.fetch,
      now: clock.now,
      store,
      cacheKey,
      endpoint: { baseUrl: BASE_URL, tokenPath: TOKEN_PATH },
      credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      onRequest,
    });
  const options = (): GenerateQrOptions => ({
    params: DEFAULT_PARAMS,
    endpoint: { baseUrl: BASE_URL, imagePath: IMAGE_PATH },
    tokens: makeTokens(),
    fetch: api.fetch,
    now: clock.now,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    random: () => 0.5,
    onRequest,
    environment: 'test',
    ...overrides,
  });
  return { api, clock, sleeps, log, store, options, generate: () => generateQr(options()) };
}

function expectNoSecrets(...things: unknown[]) {
  const text = JSON.stringify(things);
  for (const secret of [CLIENT_SECRET, TOKEN_A, TOKEN_B]) expect(text).not.toContain(secret);
}

describe('generateQr: the happy path', () => {
  it('POSTs the serialized params with the bearer token and returns the SVG', async () => {
    const { api, generate } = setup({});
    const result = await generate();
    const image = api.imageCalls()[0];
    expect(image).toMatchObject({
      method: 'POST',
      url: `${BASE_URL}${IMAGE_PATH}`,
      headers: { authorization: `Bearer ${TOKEN_A}`, 'content-type': 'application/json' },
    });
    expect(JSON.parse(image?.body ?? '')).toEqual(serializeParams(DEFAULT_PARAMS));
    expect(result).toMatchObject({ svg: SVG, bytes: new TextEncoder().encode(SVG).byteLength, status: 200, attempts: 1, tokenRenewed: false });
  });

  it('accepts form strings and sends the validated values', async () => {
    const { api, options } = setup({});
    await generateQr({ ...options(), params: { ...DEFAULT_PARAMS, width: '500', attributes: 'Email,Mobile' } });
    expect(JSON.parse(api.imageCalls()[0]?.body ?? '')).toMatchObject({ width: '500', attributes: 'Email,Mobile' });
  });

  it('reports the time taken from the injected clock', async () => {
    const { clock, options } = setup({
      image: [
        () => {
          clock.advance(1234);
          return imageAnswer();
        },
      ],
    });
    expect((await generateQr(options())).durationMs).toBe(1234);
  });

  it.each([
    ['JSON object', JSON.stringify({ image: SVG_BASE64 })],
    ['data URL', `data:image/svg+xml;base64,${SVG_BASE64}`],
    ['JSON string', JSON.stringify(SVG_BASE64)],
  ])('decodes a %s body', async (_label, body) => {
    const { generate } = setup({ image: [() => imageAnswer(body)] });
    expect((await generate()).svg).toBe(SVG);
  });
});

describe('generateQr: parameters', () => {
  it('refuses invalid params before any request, with field errors', async () => {
    const { api, options } = setup({});
    const error = await rejection(generateQr({ ...options(), params: { ...DEFAULT_PARAMS, title: '', width: 'huge' } }));
    expect(error.kind).toBe('invalid-parameters');
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(['title', 'width']);
    expect(error.fieldErrors?.title).toEqual({ code: 'required', field: 'title' });
    expect(api.calls).toHaveLength(0);
  });

  it('a 400 from KPN carries its words and is not retried', async () => {
    const { api, generate } = setup({ image: [() => json(400, { message: 'Title exceeds 50 characters', transactionId: 'tx-1' })] });
    const error = await rejection(generate());
    expect(error).toMatchObject({ kind: 'invalid-parameters', code: 'params-rejected', serverMessage: 'Title exceeds 50 characters', transactionId: 'tx-1', status: 400 });
    expect(api.imageCalls()).toHaveLength(1);
  });
});

describe('generateQr: tokens', () => {
  it('10 concurrent generates with one cache key make one token call', async () => {
    const { api, options } = setup({});
    const results = await Promise.all(Array.from({ length: 10 }, () => generateQr(options())));
    expect(api.tokenCalls()).toHaveLength(1);
    expect(api.imageCalls()).toHaveLength(10);
    expect(results.every((r) => r.svg === SVG)).toBe(true);
  });

  it('a 401 on /image drops the token, mints exactly once more, and succeeds', async () => {
    const { api, generate } = setup({ image: [status(401), () => imageAnswer()] });
    const result = await generate();
    expect(api.tokenCalls()).toHaveLength(2);
    expect(api.imageCalls().map((c) => c.headers.authorization)).toEqual([`Bearer ${TOKEN_A}`, `Bearer ${TOKEN_B}`]);
    expect(result).toMatchObject({ attempts: 2, tokenRenewed: true });
  });

  it('parallel generates that all get a 401 share one re-mint', async () => {
    const parallel = 4;
    let rejected = 0;
    let releaseAll: () => void = () => {};
    const allRejected = new Promise<void>((resolve) => (releaseAll = resolve));
    // Every generate gets its 401 for token A only once all of them have sent it.
    const image: Answer = async (call) => {
      if (call.headers.authorization !== `Bearer ${TOKEN_A}`) return imageAnswer();
      rejected += 1;
      if (rejected === parallel) releaseAll();
      await allRejected;
      return status(401)();
    };
    const { api, options } = setup({ image: [image] });
    const results = await Promise.all(Array.from({ length: parallel }, () => generateQr(options())));
    expect(api.tokenCalls()).toHaveLength(2);
    expect(results.map((r) => [r.svg, r.tokenRenewed])).toEqual(Array(parallel).fill([SVG, true]));
    expect(api.imageCalls().filter((c) => c.headers.authorization === `Bearer ${TOKEN_B}`)).toHaveLength(parallel);
  });

  it('a second 401 is a rejected token after exactly 2 image calls (no loop)', async () => {
    const { api, generate, sleeps } = setup({ image: [status(401)] });
    const error = await rejection(generate());
    expect(error.code).toBe('token-rejected');
    expect(error.status).toBe(401);
    expect(api.imageCalls()).toHaveLength(2);
    expect(api.tokenCalls()).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it('a rejected token at the token endpoint is not retried', async () => {
    const { api, generate } = setup({ token: [() => json(401, { ErrorCode: 'invalid_client', Error: 'ClientId is Invalid' })] });
    const error = await rejection(generate());
    expect(error.kind).toBe('credentials-rejected');
    expect(error.serverMessage).toBe('ClientId is Invalid');
    expect(api.tokenCalls()).toHaveLength(1);
    expect(api.imageCalls()).toHaveLength(0);
  });

  it('a 502 from the token endpoint is retried like any gateway error', async () => {
    const { api, generate } = setup({ token: [status(502), tokenA] });
    await expect(generate()).resolves.toMatchObject({ svg: SVG });
    expect(api.tokenCalls()).toHaveLength(2);
  });
});

describe('generateQr: retries', () => {
  it('retries a 503 and then succeeds', async () => {
    const { api, generate, sleeps } = setup({ image: [status(503), () => imageAnswer()] });
    const result = await generate();
    expect(result.attempts).toBe(2);
    expect(api.imageCalls()).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it.each([502, 503, 504])('retries %i at most twice, then shows the error', async (code) => {
    const { api, generate, sleeps } = setup({ image: [status(code)] });
    const error = await rejection(generate());
    expect(error).toMatchObject({ kind: 'server-error', status: code, transactionId: `tx-${code}` });
    expect(api.imageCalls()).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it.each([
    [0, [250, 500]],
    [0.5, [375, 750]],
    [0.999, [499.75, 999.5]],
  ])('backs off exponentially with jitter (random %f → %j ms)', async (r, expected) => {
    const { options, sleeps } = setup({ image: [status(503)] });
    await rejection(generateQr({ ...options(), random: () => r }));
    expect(sleeps).toEqual(expected);
  });

  it('honours maxRetries', async () => {
    const { api, options } = setup({ image: [status(503)] });
    await rejection(generateQr({ ...options(), maxRetries: 0 }));
    expect(api.imageCalls()).toHaveLength(1);
  });

  it('retries a network failure (fetch throws TypeError)', async () => {
    const { api, generate } = setup({
      image: [
        () => {
          throw new TypeError('Failed to fetch');
        },
        () => imageAnswer(),
      ],
    });
    await expect(generate()).resolves.toMatchObject({ svg: SVG, attempts: 2 });
    expect(api.imageCalls()).toHaveLength(2);
  });

  it('gives up on network failures with kind network', async () => {
    const { api, generate } = setup({
      image: [
        () => {
          throw new TypeError('Failed to fetch');
        },
      ],
    });
    expect((await rejection(generate())).kind).toBe('network');
    expect(api.imageCalls()).toHaveLength(3);
  });

  it.each([500, 403, 404])('does not retry %i', async (code) => {
    const { api, generate } = setup({ image: [status(code)] });
    await rejection(generate());
    expect(api.imageCalls()).toHaveLength(1);
  });

  it('does not retry an unreadable answer', async () => {
    const { api, generate } = setup({ image: [() => imageAnswer(Buffer.from('hello').toString('base64'))] });
    expect((await rejection(generate())).kind).toBe('unreadable-response');
    expect(api.imageCalls()).toHaveLength(1);
  });

  it('does not start a retry whose wait would pass the deadline: the real error is shown', async () => {
    const { api, options } = setup({ image: [status(503)] });
    const error = await rejection(generateQr({ ...options(), timeoutMs: 300 }));
    expect(error.kind).toBe('server-error');
    expect(api.imageCalls()).toHaveLength(1);
  });
});

describe('generateQr: rate limiting', () => {
  it('waits for Retry-After once and succeeds', async () => {
    const { generate, sleeps } = setup({ image: [status(429, { 'Retry-After': '3' }), () => imageAnswer()] });
    await expect(generate()).resolves.toMatchObject({ attempts: 2 });
    expect(sleeps).toEqual([3000]);
  });

  it('waits at most once: a second 429 is shown as rate-limited', async () => {
    const { api, generate, sleeps } = setup({ image: [status(429, { 'Retry-After': '2' })] });
    const error = await rejection(generate());
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 2, status: 429 });
    expect(api.imageCalls()).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it('does not wait longer than maxRetryAfterSeconds', async () => {
    const { api, generate, sleeps } = setup({ image: [status(429, { 'Retry-After': '60' })] });
    const error = await rejection(generate());
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 60 });
    expect(api.imageCalls()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  // The cap is written out here on purpose: a test that imported the default would follow any change to it.
  it('waits for a Retry-After of exactly 10 seconds by default', async () => {
    const { api, generate, sleeps } = setup({ image: [status(429, { 'Retry-After': '10' }), () => imageAnswer()] });
    await expect(generate()).resolves.toMatchObject({ attempts: 2 });
    expect(sleeps).toEqual([10_000]);
    expect(api.imageCalls()).toHaveLength(2);
  });

  it('does not wait for a Retry-After of 11 seconds by default, even with time to spare', async () => {
    const { api, options, sleeps } = setup({ image: [status(429, { 'Retry-After': '11' }), () => imageAnswer()] });
    const error = await rejection(generateQr({ ...options(), timeoutMs: 60_000 }));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 11 });
    expect(api.imageCalls()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not wait for Retry-After when the retry budget is zero', async () => {
    const { api, options, sleeps } = setup({ image: [status(429, { 'Retry-After': '1' }), () => imageAnswer()] });
    const error = await rejection(generateQr({ ...options(), maxRetries: 0 }));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterSeconds: 1 });
    expect(api.imageCalls()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not wait for a Retry-After that would end exactly at the deadline', async () => {
    const { api, options, sleeps } = setup({ image: [status(429, { 'Retry-After': '3' }), () => imageAnswer()] });
    const error = await rejection(generateQr({ ...options(), timeoutMs: 3000 }));
    expect(error.kind).toBe('rate-limited');
    expect(api.imageCalls()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('waits for a Retry-After that ends just before the deadline', async () => {
    const { options, sleeps } = setup({ image: [status(429, { 'Retry-After': '3' }), () => imageAnswer()] });
    await expect(generateQr({ ...options(), timeoutMs: 3001 })).resolves.toMatchObject({ attempts: 2 });
    expect(sleeps).toEqual([3000]);
  });

  it('does not wait for a Retry-After on an answer that is not a 429', async () => {
    const { api, generate, sleeps } = setup({ image: [status(500, { 'Retry-After': '1' }), () => imageAnswer()] });
    expect((await rejection(generate())).kind).toBe('server-error');
    expect(api.imageCalls()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not guess a wait when there is no Retry-After', async () => {
    const { api, generate } = setup({ image: [status(429)] });
    expect((await rejection(generate())).kind).toBe('rate-limited');
    expect(api.imageCalls()).toHaveLength(1);
  });

  it('the Retry-After wait comes out of the retry budget', async () => {
    const { api, generate } = setup({ image: [status(429, { 'Retry-After': '1' }), status(503)] });
    expect((await rejection(generate())).kind).toBe('server-error');
    expect(api.imageCalls()).toHaveLength(3);
  });
});

describe('generateQr: timeout and cancel', () => {
  it('a hanging /image call ends as timeout', async () => {
    const { generate } = setup({ image: [hangingAnswer] }, { timeoutMs: 30 });
    const error = await rejection(generate());
    expect(error).toMatchObject({ kind: 'timeout', code: 'timeout', params: { seconds: 0 } });
  });

  it('a hanging token call ends as timeout too', async () => {
    const { generate } = setup({ token: [hangingAnswer] }, { timeoutMs: 30 });
    expect((await rejection(generate())).kind).toBe('timeout');
  });

  it('a fetch that ignores the signal still ends as timeout', async () => {
    const { generate } = setup({ image: [() => new Promise<Response>(() => {})] }, { timeoutMs: 30 });
    expect((await rejection(generate())).kind).toBe('timeout');
  });

  it('a caller abort mid-request ends as cancelled', async () => {
    const controller = new AbortController();
    const { generate, log } = setup(
      {
        image: [
          (call) => {
            setTimeout(() => controller.abort(), 5);
            return hangingAnswer(call);
          },
        ],
      },
      { signal: controller.signal },
    );
    expect((await rejection(generate())).kind).toBe('cancelled');
    expect(log.at(-1)?.errorKind).toBe('cancelled');
  });

  it('an already-aborted signal makes no request', async () => {
    const controller = new AbortController();
    controller.abort();
    const { api, generate } = setup({}, { signal: controller.signal });
    expect((await rejection(generate())).kind).toBe('cancelled');
    expect(api.imageCalls()).toHaveLength(0);
  });

  it('an abort during the retry wait ends as cancelled', async () => {
    const controller = new AbortController();
    const { generate } = setup(
      { image: [status(503)] },
      {
        signal: controller.signal,
        sleep: () => {
          controller.abort();
          return new Promise(() => {});
        },
      },
    );
    expect((await rejection(generate())).kind).toBe('cancelled');
  });
});

describe('generateQr: failures around the call', () => {
  it('a token source that throws something unexpected ends as internal', async () => {
    const { options, api } = setup({});
    const tokens = {
      secrets: [],
      shown: [],
      getToken: () => Promise.reject(new TypeError('boom')),
      refresh: () => Promise.reject(new TypeError('boom')),
      invalidate: () => Promise.resolve(),
    };
    expect((await rejection(generateQr({ ...options(), tokens }))).kind).toBe('internal');
    expect(api.imageCalls()).toHaveLength(0);
  });

  it('an abort that arrives with a 503 shows the 503 and starts no retry wait', async () => {
    const controller = new AbortController();
    const { api, options, sleeps } = setup({ image: [status(503), () => imageAnswer()] });
    const error = await rejection(
      generateQr({
        ...options(),
        signal: controller.signal,
        onRequest: (entry) => {
          if (entry.status === 503) controller.abort();
        },
      }),
    );
    expect(error).toMatchObject({ kind: 'server-error', status: 503 });
    expect(api.imageCalls()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('after it ends, a later caller abort no longer reaches the call', async () => {
    const controller = new AbortController();
    const { api, options } = setup({});
    await generateQr({ ...options(), signal: controller.signal });
    controller.abort();
    const signal = api.imageCalls()[0]?.signal;
    expect(signal?.aborted).toBe(false);
  });

  it.each([200, 201, 299])('takes a %i answer as the image', async (code) => {
    const { generate } = setup({ image: [() => imageAnswer(SVG_BASE64, code)] });
    await expect(generate()).resolves.toMatchObject({ svg: SVG, status: code });
  });

  it('an opaque redirect (status 0) is an error, not an empty image', async () => {
    const { generate } = setup({ image: [() => Response.error()] });
    const error = await rejection(generate());
    expect(error.kind).toBe('unexpected-status');
    expect(error.code).toBe('redirected');
  });

  it('names the image call in a 404', async () => {
    const { generate } = setup({ image: [status(404)] });
    expect((await rejection(generate())).code).toBe('image-path-not-found');
  });
});

describe('generateQr: body size cap', () => {
  it('refuses a streamed body past 2 MB and stops reading it', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(65);
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            // Ends at 3 MB so a broken cap shows up as a failed assertion, not a hung test.
            if (pulled >= 3 * 1024 * 1024) return controller.close();
            pulled += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
        { status: 200 },
      );
    const { generate } = setup({ image: [endless] });
    const error = await rejection(generate());
    expect(error).toMatchObject({ kind: 'unreadable-response', code: 'answer-too-large' });
    expect(pulled).toBeLessThan(2 * 1024 * 1024 + 4 * chunk.byteLength);
  });

  it('takes a declared Content-Length of exactly 2 MB and refuses one byte more, unread', async () => {
    const declared = (length: number) => () =>
      new Response(imageAnswer().body, { status: 200, headers: { 'Content-Length': String(length) } });
    const fits = setup({ image: [declared(2 * 1024 * 1024)] });
    expect((await fits.generate()).svg).toBe(SVG);
    const over = setup({ image: [declared(2 * 1024 * 1024 + 1)] });
    expect((await rejection(over.generate())).code).toBe('answer-too-large');
  });

  it('refuses a declared Content-Length past the cap without reading', async () => {
    const { generate } = setup({
      image: [() => new Response('x', { status: 200, headers: { 'Content-Length': String(2 * 1024 * 1024 + 1) } })],
    });
    expect((await rejection(generate())).code).toBe('answer-too-large');
  });
});

describe('generateQr: the request log and secrets', () => {
  it('a logger that throws does not fail the request', async () => {
    const { options } = setup({});
    const result = await generateQr({
      ...options(),
      onRequest: () => {
        throw new Error('log store full');
      },
    });
    expect(result.svg).toBe(SVG);
  });

  it('logs every HTTP call, token included, with credentials replaced', async () => {
    const { generate, log } = setup({ image: [status(401), () => imageAnswer()] });
    await generate();
    expect(log.map((e) => [new URL(e.url).pathname, e.status, e.errorKind])).toEqual([
      [TOKEN_PATH, 200, undefined],
      [IMAGE_PATH, 401, 'forbidden'],
      [TOKEN_PATH, 200, undefined],
      [IMAGE_PATH, 200, undefined],
    ]);
    const image = log[3];
    expect(image?.requestHeaders.Authorization).toBe('Bearer $TOKEN');
    expect(image?.environment).toBe('test');
    expect(JSON.parse(image?.requestBody ?? '')).toEqual(serializeParams(DEFAULT_PARAMS));
    expect(log[1]?.transactionId).toBe('tx-401');
    expectNoSecrets(log);
  });

  it.each([
    ['token 401 echoing the secret', { token: [() => json(401, { Error: `bad secret ${CLIENT_SECRET}`, ErrorCode: 'invalid_client' })] }],
    ['image 401 echoing the token', { image: [() => json(401, { fault: { faultstring: `Invalid access token ${TOKEN_A} / ${TOKEN_B}` } })] }],
    ['image 400 echoing the bearer header', { image: [() => json(400, { message: `Authorization: Bearer ${TOKEN_A} not allowed` })] }],
    ['image 500 with the token in the transaction id', { image: [() => json(500, { transactionId: TOKEN_A, message: 'x' })] }],
    ['network failure', { image: [() => Promise.reject(new TypeError(`fetch failed Bearer ${TOKEN_A}`))] }],
  ])('no secret or token in the error or log: %s', async (_label, routes) => {
    const { generate, log } = setup(routes);
    const error = await rejection(generate());
    expectNoSecrets(toErrorData(error), error.message, error.serverMessage, error.transactionId, log);
  });

  it('a token re-minted after a 401 does not let the server show the one before it', async () => {
    const old = 'old-token.1234.abcd';
    const renewed = 'new-token.5678.wxyz';
    const { generate } = setup({
      token: [() => json(200, { access_token: old, expires_in: '3599' }), () => json(200, { access_token: renewed, expires_in: '3599' })],
      image: [() => json(401, { fault: { faultstring: 'Invalid access token' } }), () => json(500, { error: { message: `old token ${old} rejected, now ${renewed}` } })],
    });
    const error = await rejection(generate());
    expect(error.serverMessage).toBe('old token [redacted] rejected, now [redacted]');
  });

  // A secret with dashes or dots passes the look-alike check, so only knowing it exactly catches it.
  it.each([
    ['400 message', () => json(400, { error: { message: `app sandbox-client / ${WORDY_SECRET} is not allowed here` } })],
    ['500 faultstring', () => json(500, { fault: { faultstring: `consumer sandbox-client secret ${WORDY_SECRET} failed policy` } })],
  ])("the image call's error never shows the client secret it quotes: %s", async (_label, answer) => {
    const { options } = setup({ image: [answer] });
    const tokens = createTokenSource({
      fetch: createFakeApi({ token: [tokenA], image: [] }).fetch,
      now: fakeClock().now,
      store: createMemoryStore(),
      cacheKey: 'token:wordy:sandbox-client',
      endpoint: { baseUrl: BASE_URL, tokenPath: TOKEN_PATH },
      credentials: { clientId: 'sandbox-client', clientSecret: WORDY_SECRET },
    });
    const error = await rejection(generateQr({ ...options(), tokens }));
    expect(error.serverMessage).toContain('[redacted]');
    expect(error.serverMessage).toContain('sandbox-client');
    expect(JSON.stringify([toErrorData(error), error.message, error.serverMessage])).not.toContain(WORDY_SECRET);
  });
});
