import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { RequestLogEntry } from '../../../src/core/request-log';
import { createMemoryStore } from '../../../src/core/storage-port';
import {
  createTokenSource,
  credentialFingerprint,
  forgetCachedToken,
  MAX_TOKEN_CHARS,
  parseStoredToken,
  readTokenAnswer,
  tokenCacheKey,
  type TokenSourceOptions,
} from '../../../src/core/token-cache';
import { rejection } from '../rejection';
import {
  type Answer,
  BASE_URL,
  CLIENT_ID,
  CLIENT_SECRET,
  createFakeApi,
  fakeClock,
  hangingAnswer,
  json,
  TOKEN_PATH,
  tokenAnswer,
} from './fake-fetch';

let keyCounter = 0;

function setup(token: Answer[] = [() => tokenAnswer()], overrides: Partial<TokenSourceOptions> = {}) {
  const api = createFakeApi({ token });
  const clock = fakeClock();
  const store = createMemoryStore();
  const log: RequestLogEntry[] = [];
  keyCounter += 1;
  const options: TokenSourceOptions = {
    fetch: api.fetch,
    now: clock.now,
    store,
    cacheKey: tokenCacheKey(`env-${keyCounter}`),
    endpoint: { baseUrl: BASE_URL, tokenPath: TOKEN_PATH },
    credentials: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    onRequest: (entry) => log.push(entry),
    ...overrides,
  };
  return { api, clock, store, log, options, source: createTokenSource(options) };
}

describe('createTokenSource: the token request', () => {
  it('POSTs the client credentials as a form, grant_type in the query, no Basic auth', async () => {
    const { api, source } = setup();
    await source.getToken();
    const [call] = api.calls;
    expect(call).toMatchObject({
      method: 'POST',
      url: `${BASE_URL}${TOKEN_PATH}?grant_type=client_credentials`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(call?.headers.accept).toBe('application/json');
    expect(call?.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(call?.body))).toEqual({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
  });

  it('form-encodes credentials with special characters', async () => {
    const { api, source } = setup(undefined, { credentials: { clientId: 'a&b=c', clientSecret: 'p+q/r&s=t%' } });
    await source.getToken();
    expect(Object.fromEntries(new URLSearchParams(api.calls[0]?.body))).toEqual({ client_id: 'a&b=c', client_secret: 'p+q/r&s=t%' });
  });

  it('returns the access_token and logs the call with the secret replaced', async () => {
    const { source, log } = setup([json(200, { access_token: 'TokA1b2c3d4e5f6g7h8i9', expires_in: '3599' })]);
    expect(await source.getToken()).toBe('TokA1b2c3d4e5f6g7h8i9');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      method: 'POST',
      url: `${BASE_URL}${TOKEN_PATH}?grant_type=client_credentials`,
      status: 200,
      requestBody: `client_id=${CLIENT_ID}&client_secret=$KPN_CLIENT_SECRET`,
    });
    expect(log[0]?.errorKind).toBeUndefined();
    const everything = JSON.stringify(log);
    expect(everything).not.toContain(CLIENT_SECRET);
    expect(everything).not.toContain('TokA1b2c3d4e5f6g7h8i9');
  });
});

describe('createTokenSource: caching and single flight', () => {
  it('reuses a cached token without another request', async () => {
    const { api, source } = setup();
    const first = await source.getToken();
    expect(await source.getToken()).toBe(first);
    expect(api.tokenCalls()).toHaveLength(1);
  });

  it('10 concurrent callers on one cache key cause exactly one token request', async () => {
    const { api, options } = setup();
    // A fresh source per caller, as the background makes one per message.
    const tokens = await Promise.all(Array.from({ length: 10 }, () => createTokenSource(options).getToken()));
    expect(api.tokenCalls()).toHaveLength(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('different cache keys mint separately', async () => {
    const { api, options } = setup();
    await Promise.all([
      createTokenSource({ ...options, cacheKey: 'token:a:1' }).getToken(),
      createTokenSource({ ...options, cacheKey: 'token:b:1' }).getToken(),
    ]);
    expect(api.tokenCalls()).toHaveLength(2);
  });

  it('does not remember a failed mint: the next call asks again', async () => {
    const { api, source } = setup([json(503, {}), () => tokenAnswer()]);
    expect((await rejection(source.getToken())).kind).toBe('server-error');
    await expect(source.getToken()).resolves.toMatch(/^AccessTok/);
    expect(api.tokenCalls()).toHaveLength(2);
  });

  it('hands the token to storage before returning it, without waiting for the write', async () => {
    const { options } = setup();
    let written: (() => void) | undefined;
    const store = createMemoryStore();
    const set = vi.spyOn(store, 'set').mockImplementation((key, value) => {
      store.data.set(key, value);
      return new Promise<void>((resolve) => (written = resolve));
    });
    const token = await createTokenSource({ ...options, store }).getToken();
    expect(set).toHaveBeenCalledTimes(1);
    expect(parseStoredToken(store.data.get(options.cacheKey))?.accessToken).toBe(token);
    expect(written).toBeDefined();
  });

  it('a token storage cannot keep still serves its call; the next call mints again', async () => {
    const { api, options } = setup([() => tokenAnswer(), () => tokenAnswer()]);
    const store = createMemoryStore();
    vi.spyOn(store, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(createTokenSource({ ...options, store }).getToken()).resolves.toMatch(/^AccessTok/);
    await expect(createTokenSource({ ...options, store }).getToken()).resolves.toMatch(/^AccessTok/);
    expect(api.tokenCalls()).toHaveLength(2);
    expect(warn).toHaveBeenCalledWith('[token] could not be cached', expect.any(Error));
    warn.mockRestore();
  });

  it('stores the token only in the given store, under the cache key', async () => {
    const { source, store, options } = setup();
    const token = await source.getToken();
    expect([...store.data.keys()]).toEqual([options.cacheKey]);
    expect(parseStoredToken(store.data.get(options.cacheKey))?.accessToken).toBe(token);
  });

  it('ignores a cached token minted for another host or client (audience)', async () => {
    const { api, options, store } = setup();
    await createTokenSource(options).getToken();
    const other = createTokenSource({ ...options, endpoint: { baseUrl: 'https://evil.example', tokenPath: TOKEN_PATH }, store });
    await other.getToken();
    expect(api.tokenCalls()).toHaveLength(2);
  });

  it.each([
    ['null', null],
    ['a string', 'TokenString'],
    ['an empty token', { accessToken: '', expiresAt: Number.MAX_SAFE_INTEGER, audience: 'x' }],
    ['a token with spaces', { accessToken: 'a b', expiresAt: Number.MAX_SAFE_INTEGER, audience: 'x' }],
    ['a string expiry', { accessToken: 'abc', expiresAt: '9999999999999', audience: 'x' }],
    ['NaN expiry', { accessToken: 'abc', expiresAt: NaN, audience: 'x' }],
    ['no audience', { accessToken: 'abc', expiresAt: Number.MAX_SAFE_INTEGER }],
  ])('ignores garbage in storage: %s', async (_label, garbage) => {
    const { api, options, store } = setup();
    await store.set(options.cacheKey, garbage);
    await expect(createTokenSource(options).getToken()).resolves.toMatch(/^AccessTok/);
    expect(api.tokenCalls()).toHaveLength(1);
  });
});

describe('parseStoredToken', () => {
  const good = { accessToken: 'abc', expiresAt: 1_700_000_000_000, audience: 'aud' };

  it('returns a well-formed token without extra fields', () => {
    expect(parseStoredToken({ ...good, extra: 1 })).toEqual(good);
  });

  it.each([
    ['a numeric token', { ...good, accessToken: 123 }],
    ['an empty token', { ...good, accessToken: '' }],
    ['a token with a space', { ...good, accessToken: 'a b' }],
    ['a string expiry', { ...good, expiresAt: '1700000000000' }],
    ['a NaN expiry', { ...good, expiresAt: NaN }],
    ['an infinite expiry', { ...good, expiresAt: Infinity }],
    ['no audience', { accessToken: 'abc', expiresAt: 1_700_000_000_000 }],
    ['a numeric audience', { ...good, audience: 7 }],
  ])('refuses %s', (_label, value) => {
    expect(parseStoredToken(value)).toBeUndefined();
  });

  it.each([
    ['an empty token', ''],
    ['a token with a space', 'a b'],
    ['a numeric token', 123],
  ])('a stored entry with the right audience but %s is not used', async (_label, accessToken) => {
    const { api, options, store } = setup();
    const audience = await credentialFingerprint(options.endpoint, options.credentials);
    await store.set(options.cacheKey, { accessToken, expiresAt: Number.MAX_SAFE_INTEGER, audience });
    await expect(createTokenSource(options).getToken()).resolves.toMatch(/^AccessTok/);
    expect(api.tokenCalls()).toHaveLength(1);
  });

  it('a stored entry with the right audience but a NaN expiry is not used', async () => {
    const { api, options, store } = setup();
    const audience = await credentialFingerprint(options.endpoint, options.credentials);
    await store.set(options.cacheKey, { accessToken: 'Stored1', expiresAt: NaN, audience });
    await expect(createTokenSource(options).getToken()).resolves.toMatch(/^AccessTok/);
    expect(api.tokenCalls()).toHaveLength(1);
  });
});

describe('createTokenSource: parallel callers share one mint', () => {
  it('callers that arrive while a mint is in flight join it instead of sending their own', async () => {
    const held = heldAnswer();
    const { api, options } = setup([held.answer, () => tokenAnswer()]);
    const first = createTokenSource(options).getToken();
    await vi.waitFor(() => expect(api.tokenCalls()).toHaveLength(1));
    const later = Array.from({ length: 5 }, () => createTokenSource(options).getToken());
    // Let every later caller hash its fingerprint and look for a flight.
    await new Promise((resolve) => setTimeout(resolve, 20));
    held.release(json(200, { access_token: 'SharedTok1234567', expires_in: '3599' }));
    expect(await Promise.all([first, ...later])).toEqual(Array(6).fill('SharedTok1234567'));
    expect(api.tokenCalls()).toHaveLength(1);
  });
});

/** A token endpoint answer that waits until the test releases it. */
function heldAnswer() {
  let release: (response: Response) => void = () => {};
  const answer: Answer = () => new Promise<Response>((resolve) => (release = resolve));
  return { answer, release: (response: Response) => release(response) };
}

const formOf = (body: string | undefined) => Object.fromEntries(new URLSearchParams(body));
const NEW_SECRET = 'AnotherSecretTypedLater77';

describe('createTokenSource: the credentials key the flight and the cache', () => {
  it('a caller with another secret does not join a mint in flight: it sends its own secret', async () => {
    const held = heldAnswer();
    const { api, options } = setup([held.answer, () => tokenAnswer()]);
    const old = createTokenSource(options).getToken();
    await vi.waitFor(() => expect(api.tokenCalls()).toHaveLength(1));
    const fresh = createTokenSource({ ...options, credentials: { clientId: CLIENT_ID, clientSecret: NEW_SECRET } }).refresh();
    await vi.waitFor(() => expect(api.tokenCalls()).toHaveLength(2));
    expect(api.tokenCalls().map((c) => formOf(c.body).client_secret)).toEqual([CLIENT_SECRET, NEW_SECRET]);
    await expect(fresh).resolves.toMatchObject({ expiresAt: expect.any(Number) });
    held.release(json(200, { access_token: 'OldSecretTok123', expires_in: '3599' }));
    await expect(old).resolves.toBe('OldSecretTok123');
  });

  it('a caller for another base URL does not join a mint in flight, and never gets its token', async () => {
    const held = heldAnswer();
    const { api, options } = setup([held.answer, json(200, { access_token: 'NewHostTok456', expires_in: '3599' })]);
    const old = createTokenSource(options).getToken();
    await vi.waitFor(() => expect(api.tokenCalls()).toHaveLength(1));
    const moved = createTokenSource({ ...options, endpoint: { baseUrl: 'https://api.moved.example', tokenPath: TOKEN_PATH } }).getToken();
    await vi.waitFor(() => expect(api.tokenCalls()).toHaveLength(2));
    expect(api.tokenCalls().map((c) => new URL(c.url).origin)).toEqual([BASE_URL, 'https://api.moved.example']);
    await expect(moved).resolves.toBe('NewHostTok456');
    held.release(json(200, { access_token: 'OldHostTok123', expires_in: '3599' }));
    await expect(old).resolves.toBe('OldHostTok123');
  });

  it('a token cached for one secret is not used with another', async () => {
    const { api, options } = setup();
    const first = await createTokenSource(options).getToken();
    const other = await createTokenSource({ ...options, credentials: { clientId: CLIENT_ID, clientSecret: NEW_SECRET } }).getToken();
    expect(other).not.toBe(first);
    expect(api.tokenCalls()).toHaveLength(2);
  });

  it('never caches a token whose credentials were forgotten during its mint, nor lets it replace a newer one', async () => {
    const held = heldAnswer();
    const { api, options, store } = setup([held.answer, json(200, { access_token: 'NewSecretTok789', expires_in: '3599' })]);
    const old = createTokenSource(options).getToken();
    // The old mint has reached the token endpoint (hashing the fingerprint takes a thread-pool turn).
    await vi.waitFor(() => expect(api.tokenCalls()).toHaveLength(1));
    // The user saves another secret: the background forgets the environment's tokens.
    await forgetCachedToken(store, options.cacheKey);
    const changed = { ...options, credentials: { clientId: CLIENT_ID, clientSecret: NEW_SECRET } };
    expect(await createTokenSource(changed).getToken()).toBe('NewSecretTok789');
    held.release(json(200, { access_token: 'OldSecretTok123', expires_in: '3599' }));
    expect(await old).toBe('OldSecretTok123');
    expect(parseStoredToken(store.data.get(options.cacheKey))?.accessToken).toBe('NewSecretTok789');
    // Back to the old secret: its late token was not kept, so a new one is minted.
    await createTokenSource(options).getToken();
    expect(api.tokenCalls()).toHaveLength(3);
  });

  it('does not cache a token whose credentials were forgotten while its fingerprint was still being hashed', async () => {
    const { api, options, store } = setup([() => json(200, { access_token: 'OldSecretTok123', expires_in: '3599' })]);
    const old = createTokenSource(options).getToken();
    // No await in between: the call has begun, its fingerprint has not been computed yet.
    const forgetting = forgetCachedToken(store, options.cacheKey);
    await forgetting;
    await expect(old).resolves.toBe('OldSecretTok123');
    expect(store.data.has(options.cacheKey)).toBe(false);
    expect(api.tokenCalls()).toHaveLength(1);
  });

  it('neither the cache key nor the stored token holds the secret; the audience is a SHA-256 fingerprint', async () => {
    const { source, store, options } = setup();
    await source.getToken();
    const stored = parseStoredToken(store.data.get(options.cacheKey));
    expect(stored?.audience).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.audience).toBe(await credentialFingerprint(options.endpoint, options.credentials));
    expect(JSON.stringify([...store.data.entries()])).not.toContain(CLIENT_SECRET);
  });

  it('the fingerprint is SHA-256 of a versioned JSON list of base URL, token path, client ID and secret', async () => {
    const endpoint = { baseUrl: BASE_URL, tokenPath: TOKEN_PATH };
    const input = JSON.stringify(['pim-qr token audience 1', BASE_URL, TOKEN_PATH, CLIENT_ID, CLIENT_SECRET]);
    expect(await credentialFingerprint(endpoint, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })).toBe(
      createHash('sha256').update(input).digest('hex'),
    );
  });

  it('the fingerprint changes with the base URL, the token path, the client ID and the secret', async () => {
    const endpoint = { baseUrl: BASE_URL, tokenPath: TOKEN_PATH };
    const credentials = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
    const prints = await Promise.all([
      credentialFingerprint(endpoint, credentials),
      credentialFingerprint({ ...endpoint, baseUrl: 'https://api.test.example:8443' }, credentials),
      credentialFingerprint({ ...endpoint, tokenPath: '/other/token' }, credentials),
      credentialFingerprint(endpoint, { ...credentials, clientId: 'client-id-124' }),
      credentialFingerprint(endpoint, { ...credentials, clientSecret: `${CLIENT_SECRET}x` }),
      // Fields are kept apart: moving a character from one to the next is another fingerprint.
      credentialFingerprint(endpoint, { clientId: `${CLIENT_ID}S`, clientSecret: CLIENT_SECRET.slice(1) }),
    ]);
    expect(new Set(prints).size).toBe(prints.length);
  });
});

describe('createTokenSource: expiry with a fake clock', () => {
  it('reuses the token until expiry minus the 60 s margin, then mints a new one', async () => {
    const clock = fakeClock();
    const issued = clock.now();
    const { api, options } = setup([
      () => tokenAnswer({ issued_at: String(issued), expires_in: '3599' }),
    ]);
    const source = createTokenSource({ ...options, now: clock.now });
    const first = await source.getToken();
    clock.advance((3599 - 60) * 1000 - 1);
    expect(await source.getToken()).toBe(first);
    expect(api.tokenCalls()).toHaveLength(1);
    clock.advance(1);
    expect(await source.getToken()).not.toBe(first);
    expect(api.tokenCalls()).toHaveLength(2);
  });

  it('honours a custom margin', async () => {
    const clock = fakeClock();
    const { api, options } = setup([() => tokenAnswer({ issued_at: String(clock.now()), expires_in: '600' })]);
    const source = createTokenSource({ ...options, now: clock.now, marginSeconds: 300 });
    await source.getToken();
    clock.advance(299_999);
    await source.getToken();
    expect(api.tokenCalls()).toHaveLength(1);
    clock.advance(1);
    await source.getToken();
    expect(api.tokenCalls()).toHaveLength(2);
  });

  it('counts from issued_at when it is a little in the past', async () => {
    const clock = fakeClock();
    const { api, options } = setup([() => tokenAnswer({ issued_at: String(clock.now() - 100_000), expires_in: '3599' })]);
    const source = createTokenSource({ ...options, now: clock.now });
    await source.getToken();
    clock.advance((3599 - 60 - 100) * 1000);
    await source.getToken();
    expect(api.tokenCalls()).toHaveLength(2);
  });
});

describe('readTokenAnswer', () => {
  const NOW = 1_700_000_000_000;
  const MARGIN = 60_000;
  it.each([
    ['KPN example', { access_token: 'T', issued_at: String(NOW), expires_in: '3599' }, NOW + 3_539_000],
    ['expires_in as a number', { access_token: 'T', issued_at: String(NOW), expires_in: 3599 }, NOW + 3_539_000],
    ['issued_at as a number', { access_token: 'T', issued_at: NOW - 1000, expires_in: '3599' }, NOW - 1000 + 3_539_000],
    ['no issued_at → now', { access_token: 'T', expires_in: '3599' }, NOW + 3_539_000],
    ['garbage issued_at → now', { access_token: 'T', issued_at: 'yesterday', expires_in: '3599' }, NOW + 3_539_000],
    ['issued_at in the future → now', { access_token: 'T', issued_at: String(NOW + 3_600_000), expires_in: '3599' }, NOW + 3_539_000],
    ['issued_at so old the token would be dead → now', { access_token: 'T', issued_at: String(NOW - 4_000_000), expires_in: '3599' }, NOW + 3_539_000],
    ['short lifetime: margin shrinks to half of it', { access_token: 'T', issued_at: String(NOW), expires_in: '30' }, NOW + 15_000],
    ['expires_in "0": used once', { access_token: 'T', issued_at: String(NOW), expires_in: '0' }, NOW],
    ['no expires_in: used once', { access_token: 'T' }, NOW],
    ['negative expires_in: used once', { access_token: 'T', expires_in: '-5' }, NOW],
    ['garbage expires_in: used once', { access_token: 'T', expires_in: 'soon' }, NOW],
  ])('%s', (_label, answer, expiresAt) => {
    expect(readTokenAnswer(JSON.stringify(answer), NOW, MARGIN)).toEqual({ accessToken: 'T', expiresAt });
  });

  it.each([
    ['not JSON', 'access_token=abc'],
    ['JSON without access_token', '{"expires_in":"3599"}'],
    ['empty access_token', '{"access_token":""}'],
    ['numeric access_token', '{"access_token":123}'],
    ['access_token with a newline (header injection)', '{"access_token":"abc\\r\\nX-Evil: 1"}'],
    ['JSON string', '"abc"'],
    ['JSON null', 'null'],
  ])('refuses %s as unreadable-response', (_label, body) => {
    expect(() => readTokenAnswer(body, NOW, MARGIN)).toThrow(expect.objectContaining({ kind: 'unreadable-response' }));
  });

  it('never caches a use-once token', async () => {
    const { api, source, store } = setup([() => tokenAnswer({ expires_in: '0' })]);
    await source.getToken();
    expect(store.data.size).toBe(0);
    await source.getToken();
    expect(api.tokenCalls()).toHaveLength(2);
  });

  it.each([
    ['expires_in with a two-digit fraction', { access_token: 'T', issued_at: String(NOW), expires_in: '30.25' }, NOW + 15_125],
    ['expires_in with white space around it', { access_token: 'T', issued_at: String(NOW), expires_in: ' 30 ' }, NOW + 15_000],
    ['expires_in in hex: used once', { access_token: 'T', expires_in: '0x10' }, NOW],
    ['expires_in in exponent form: used once', { access_token: 'T', expires_in: '1e3' }, NOW],
    ['expires_in in an array: used once', { access_token: 'T', expires_in: ['3599'] }, NOW],
    ['issued_at with white space around it', { access_token: 'T', issued_at: ` ${NOW - 1000} `, expires_in: '3599' }, NOW - 1000 + 3_539_000],
    ['issued_at in an array → now', { access_token: 'T', issued_at: [NOW - 1000], expires_in: '3599' }, NOW + 3_539_000],
    ['issued_at in exponent form → now', { access_token: 'T', issued_at: '1.699999999e12', expires_in: '3599' }, NOW + 3_539_000],
    ['issued_at with an exponent after it → now', { access_token: 'T', issued_at: '1699999999e3', expires_in: '3599' }, NOW + 3_539_000],
    ['issued_at exactly one lifetime ago → now', { access_token: 'T', issued_at: String(NOW - 3_599_000), expires_in: '3599' }, NOW + 3_539_000],
    ['issued_at one ms less than a lifetime ago', { access_token: 'T', issued_at: String(NOW - 3_598_999), expires_in: '3599' }, NOW + 1 - 60_000],
  ])('%s', (_label, answer, expiresAt) => {
    expect(readTokenAnswer(JSON.stringify(answer), NOW, MARGIN)).toEqual({ accessToken: 'T', expiresAt });
  });

  it('says which answer holds no token and where to look', () => {
    let error: unknown;
    try {
      readTokenAnswer('{"status":"approved"}', NOW, MARGIN);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ kind: 'unreadable-response', code: 'token-answer-without-token' });
  });

  it.each([
    ['a line break and a header after it', 'abc\r\nX-Evil: 1'],
    ['a space', 'abc def'],
    ['a control character', 'abc\u0007'],
    ['a character outside ASCII', 'abcé'],
  ])('says a token with %s cannot be sent, rather than that there is none', (_label, accessToken) => {
    expect(() => readTokenAnswer(JSON.stringify({ access_token: accessToken, expires_in: 3599 }), NOW, MARGIN)).toThrow(
      expect.objectContaining({ kind: 'unreadable-response', code: 'token-answer-unusable-token' }),
    );
  });

  it('refuses a token longer than a header may carry, naming the limit, and takes one of exactly that length', () => {
    expect(() => readTokenAnswer(JSON.stringify({ access_token: 'A'.repeat(MAX_TOKEN_CHARS + 1), expires_in: 3599 }), NOW, MARGIN)).toThrow(
      expect.objectContaining({ kind: 'unreadable-response', code: 'token-answer-token-too-long', params: { max: MAX_TOKEN_CHARS } }),
    );
    expect(readTokenAnswer(JSON.stringify({ access_token: 'A'.repeat(MAX_TOKEN_CHARS), expires_in: 3599 }), NOW, MARGIN).accessToken).toHaveLength(MAX_TOKEN_CHARS);
    expect(MAX_TOKEN_CHARS).toBe(8192);
  });

  it('does not use a stored token longer than a header may carry', () => {
    expect(parseStoredToken({ accessToken: 'A'.repeat(MAX_TOKEN_CHARS + 1), expiresAt: 1, audience: 'x' })).toBeUndefined();
    expect(parseStoredToken({ accessToken: 'A'.repeat(MAX_TOKEN_CHARS), expiresAt: 1, audience: 'x' })).toBeDefined();
  });

  it.each([
    ['an empty token', ''],
    ['a numeric token', 123],
    ['no token', undefined],
  ])('says an answer with %s holds no token', (_label, accessToken) => {
    expect(() => readTokenAnswer(JSON.stringify({ access_token: accessToken, expires_in: 3599 }), NOW, MARGIN)).toThrow(
      expect.objectContaining({ code: 'token-answer-without-token' }),
    );
  });
});

describe('createTokenSource: failures', () => {
  it.each([
    ['401 invalid_client', json(401, { ErrorCode: 'invalid_client', Error: 'ClientId is Invalid' }), 'credentials-rejected'],
    ['500 from a product that answers bad clients so', json(500, { error: { message: 'Invalid client' } }), 'credentials-rejected'],
    ['403', json(403, {}), 'forbidden'],
    ['429', json(429, {}, { 'Retry-After': '3' }), 'rate-limited'],
    ['503', json(503, {}), 'server-error'],
    ['404', new Response('nope', { status: 404 }), 'not-found'],
    ['200 without a token', json(200, { status: 'approved' }), 'unreadable-response'],
    ['200 HTML', new Response('<html></html>', { status: 200 }), 'unreadable-response'],
  ])('%s → %s, logged with that kind', async (_label, answer, kind) => {
    const { source, log } = setup([answer]);
    const error = await rejection(source.getToken());
    expect(error.kind).toBe(kind);
    expect(log.at(-1)?.errorKind).toBe(kind);
    expect(JSON.stringify([error, error.message, log])).not.toContain(CLIENT_SECRET);
  });

  it('an opaque redirect (status 0) is an error, not an empty answer', async () => {
    const { source } = setup([() => Response.error()]);
    expect((await rejection(source.getToken())).code).toBe('redirected');
  });

  it('takes a 299 answer as the token', async () => {
    const { source } = setup([() => json(299, { access_token: 'Tok299abcdef', expires_in: '3599' })]);
    expect(await source.getToken()).toBe('Tok299abcdef');
  });

  it('a 400 that echoes the secret shows its message with the secret replaced', async () => {
    const { source } = setup([json(400, { message: `client_secret ${CLIENT_SECRET} is malformed` })]);
    const error = await rejection(source.getToken());
    expect(error.serverMessage).toBeDefined();
    expect(JSON.stringify({ m: error.message, s: error.serverMessage })).not.toContain(CLIENT_SECRET);
  });

  it('drops a transaction ID that carries the secret', async () => {
    const { source } = setup([json(400, { transactionId: CLIENT_SECRET, message: 'bad request' })]);
    const error = await rejection(source.getToken());
    expect(error.transactionId).toBeUndefined();
  });

  it('after a mint, its time limit no longer reaches the call', async () => {
    const { api, source } = setup(undefined, { timeoutMs: 5 });
    await source.getToken();
    // Timers run in order of their due time: this one comes after the 5 ms limit would have fired.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(api.tokenCalls()[0]?.signal?.aborted).toBe(false);
  });

  it('a fetch that throws → network', async () => {
    const { source, log } = setup([
      () => {
        throw new TypeError(`Failed to fetch with client_secret=${CLIENT_SECRET}`);
      },
    ]);
    const error = await rejection(source.getToken());
    expect(error.kind).toBe('network');
    expect(log[0]).toMatchObject({ errorKind: 'network' });
    expect(JSON.stringify([error, error.message, log])).not.toContain(CLIENT_SECRET);
  });

  it('the token answer may echo the secret: it is redacted from the error', async () => {
    const { source } = setup([json(401, { Error: `client_secret ${CLIENT_SECRET} unknown`, ErrorCode: 'invalid_client' })]);
    const error = await rejection(source.getToken());
    expect(JSON.stringify({ e: error, m: error.message, s: error.serverMessage })).not.toContain(CLIENT_SECRET);
  });

  it('times out a hanging token endpoint', async () => {
    const { source } = setup([hangingAnswer], { timeoutMs: 20 });
    expect((await rejection(source.getToken())).kind).toBe('timeout');
  });

  it('a caller that aborts stops waiting; the shared mint still caches for the next caller', async () => {
    let release: (r: Response) => void = () => {};
    const { api, source } = setup([() => new Promise<Response>((resolve) => (release = resolve)), () => tokenAnswer()]);
    const controller = new AbortController();
    const waiting = source.getToken({ signal: controller.signal });
    controller.abort();
    expect((await rejection(waiting)).kind).toBe('cancelled');
    release(json(200, { access_token: 'LateT0kenAbc123', expires_in: '3599' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(await source.getToken()).toBe('LateT0kenAbc123');
    expect(api.tokenCalls()).toHaveLength(1);
  });
});

describe('invalidate', () => {
  it('forgets the token so the next call mints', async () => {
    const { api, source } = setup();
    await source.getToken();
    await source.invalidate();
    await source.getToken();
    expect(api.tokenCalls()).toHaveLength(2);
  });

  it('given the rejected token, keeps a newer one', async () => {
    const { api, source } = setup();
    const old = await source.getToken();
    await source.invalidate(old);
    const fresh = await source.getToken();
    await source.invalidate(old); // a late caller that also saw the old one rejected
    expect(await source.getToken()).toBe(fresh);
    expect(api.tokenCalls()).toHaveLength(2);
  });
});

describe('refresh', () => {
  it('mints a fresh token even when one is cached, and reports its cache expiry', async () => {
    const clock = fakeClock();
    const { api, options } = setup([() => tokenAnswer({ issued_at: String(clock.now()), expires_in: '3599' })]);
    const source = createTokenSource({ ...options, now: clock.now });
    const first = await source.getToken();
    expect(await source.refresh()).toEqual({ expiresAt: clock.now() + 3_539_000 });
    expect(api.tokenCalls()).toHaveLength(2);
    expect(await source.getToken()).not.toBe(first);
    expect(api.tokenCalls()).toHaveLength(2);
  });

  it('surfaces a credentials error', async () => {
    const { source } = setup([json(401, { ErrorCode: 'invalid_client', Error: 'ClientId is Invalid' })]);
    expect((await rejection(source.refresh())).kind).toBe('credentials-rejected');
  });
});

describe('createTokenSource: the token answer size cap', () => {
  // The cap is written out here on purpose: a test that imported the constant would follow any change to it.
  const padded = (bytes: number) => {
    const base = JSON.stringify({ token_type: 'Bearer', access_token: 'TokPadded1234567890', expires_in: '3599', note: '' });
    return base.replace('"note":""', `"note":"${'x'.repeat(bytes - base.length)}"`);
  };

  it('accepts a token answer of exactly 64 KB', async () => {
    const body = padded(64 * 1024);
    expect(new TextEncoder().encode(body).byteLength).toBe(65_536);
    const { source } = setup([() => new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } })]);
    expect(await source.getToken()).toBe('TokPadded1234567890');
  });

  it('refuses a token answer one byte over 64 KB, read or declared', async () => {
    const streamed = setup([() => new Response(padded(64 * 1024 + 1), { status: 200 })]);
    expect(await rejection(streamed.source.getToken())).toMatchObject({ code: 'answer-too-large', params: { maxBytes: 64 * 1024 } });
    const declared = setup([() => new Response('{}', { status: 200, headers: { 'Content-Length': String(64 * 1024 + 1) } })]);
    expect(await rejection(declared.source.getToken())).toMatchObject({ code: 'answer-too-large', params: { maxBytes: 64 * 1024 } });
  });
});
