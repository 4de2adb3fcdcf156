import { createDeadline, untilAborted } from './deadline';
import { PimError } from './errors';
import type { RequestLogger } from './request-log';
import { errorFromResponse } from './response-error';
import { type FetchLike, sendRequest } from './send-request';
import type { KeyValueStore } from './storage-port';

export { DEFAULT_TOKEN_PATH } from './api-paths';
/** Re-mint this long before KPN's expiry, so a token never dies between our check and KPN's. */
export const DEFAULT_MARGIN_SECONDS = 60;
const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_TOKEN_BODY_BYTES = 64 * 1024;

export interface TokenEndpoint {
  baseUrl: string;
  tokenPath: string;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface TokenSourceOptions {
  fetch: FetchLike;
  now: () => number;
  store: KeyValueStore;
  /**
   * Where the token is kept; see `tokenCacheKey`. Callers with the same key and the same endpoint
   * and credentials share one mint; a stored token counts only for the credentials it was minted with.
   */
  cacheKey: string;
  endpoint: TokenEndpoint;
  credentials: ClientCredentials;
  marginSeconds?: number;
  /** Stops waiting (not the shared mint, which other callers may still need). */
  signal?: AbortSignal;
  timeoutMs?: number;
  onRequest?: RequestLogger;
  environment?: string;
}

export interface TokenSource {
  /**
   * The client secret behind the tokens. Every call made with one of them redacts it from what the
   * server answers: a gateway can quote an app's credentials in any error, not only the token call's.
   */
  readonly secrets: readonly string[];
  /** The client ID: shown openly, so a piece of the secret that is also part of it is left (redact-secrets.ts). */
  readonly shown: readonly string[];
  getToken(options?: { signal?: AbortSignal }): Promise<string>;
  /**
   * Drops the cached token and mints a new one (the Options page's "Test connection"). Returns when
   * it will be re-minted, not the token: nothing outside the background needs to see one.
   */
  refresh(options?: { signal?: AbortSignal }): Promise<{ expiresAt: number }>;
  /**
   * Forgets the cached token. Given the token KPN just rejected, it forgets only that one, so
   * parallel callers that all saw the same 401 cause one re-mint, not one each.
   */
  invalidate(rejectedToken?: string): Promise<void>;
}

/**
 * What is kept in storage. `audience` is the fingerprint of the base URL, token path, client ID and
 * secret the token was minted with (see `credentialFingerprint`): never the secret itself.
 */
export interface StoredToken {
  accessToken: string;
  expiresAt: number;
  audience: string;
}

/** One slot per environment, so that forgetting an environment's tokens needs no list of keys. */
export function tokenCacheKey(environmentId: string): string {
  return `token:${environmentId}`;
}

/**
 * SHA-256 (hex) of everything a token depends on. Changing any of them, the secret included, gives
 * another fingerprint: such a caller neither joins a mint in flight nor takes a cached token.
 */
export function credentialFingerprint(endpoint: TokenEndpoint, credentials: ClientCredentials): Promise<string> {
  // JSON keeps the fields apart: "ab"+"c" and "a"+"bc" are different inputs.
  const input = JSON.stringify(['pim-qr token audience 1', endpoint.baseUrl, endpoint.tokenPath, credentials.clientId, credentials.clientSecret]);
  if (lastFingerprint?.input !== input) {
    const digest = crypto.subtle.digest('SHA-256', new TextEncoder().encode(input));
    const fingerprint = digest.then((bytes) => Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join(''));
    lastFingerprint = { input, fingerprint };
    fingerprint.catch(() => {
      if (lastFingerprint?.fingerprint === fingerprint) lastFingerprint = undefined;
    });
  }
  return lastFingerprint.fingerprint;
}

/**
 * The last fingerprint made, for the next generate with the same credentials: hashing costs a few
 * ms in Firefox before every image call. It holds the secret as the worker's settings already do,
 * and goes when any environment's token is forgotten (its credentials changed or were deleted).
 */
let lastFingerprint: { input: string; fingerprint: Promise<string> } | undefined;

// Only requests in flight and the count below live here; the token itself lives in the store,
// because the service worker (and these Maps with it) can be stopped between any two messages.
// A stopped worker has no mint left in flight either, so the two stay in step.
const inFlight = new Map<string, Promise<MintedToken>>();
/**
 * Replaced by `forgetCachedToken` with a new, unique object: a mint that started under another one
 * may not cache its token. Only identity matters, so no counter that could be counted wrong.
 */
const forgotten = new Map<string, object>();

/**
 * Forgets the environment's cached token because its credentials (or base URL) changed. A mint
 * already in flight still answers the callers that started it, but its token is not cached.
 */
export async function forgetCachedToken(store: KeyValueStore, cacheKey: string): Promise<void> {
  forgotten.set(cacheKey, {});
  lastFingerprint = undefined;
  await store.remove(cacheKey);
}

/** The longest access token sent in a header; OAuth tokens, JWTs included, stay far below it. */
export const MAX_TOKEN_CHARS = 8192;

interface MintedToken {
  accessToken: string;
  expiresAt: number;
}

export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const { store, cacheKey, now } = options;
  let audience: Promise<string> | undefined;
  const audienceOf = () => (audience ??= credentialFingerprint(options.endpoint, options.credentials));
  const marginMs = Math.max(0, options.marginSeconds ?? DEFAULT_MARGIN_SECONDS) * 1000;

  async function readCached(expected: string): Promise<MintedToken | undefined> {
    const stored = parseStoredToken(await store.get(cacheKey));
    if (stored === undefined || stored.audience !== expected || now() >= stored.expiresAt) return undefined;
    return stored;
  }

  async function resolveToken(expected: string, generation: object | undefined): Promise<MintedToken> {
    const cached = await readCached(expected);
    if (cached !== undefined) return cached;
    const minted = await mintToken(options, marginMs);
    // Credentials that changed while this mint ran must not leave a token behind for anyone.
    if (minted.expiresAt > now() && forgotten.get(cacheKey) === generation) {
      // Handed to storage now and not waited for: the image call goes at once (about 1.5 ms sooner).
      // Storage takes calls in the order they are made, so any later read finds the token; a write
      // that fails costs the next call a mint, never this one its answer.
      store.set(cacheKey, { accessToken: minted.accessToken, expiresAt: minted.expiresAt, audience: expected }).catch((error: unknown) => {
        console.warn('[token] could not be cached', error);
      });
    }
    return minted;
  }

  // Reading the cache is inside the shared flight too: a caller that checks the store while
  // another mints would otherwise see it empty and mint again. The flight is keyed by the
  // fingerprint as well: a caller with a new secret or base URL must send its own.
  async function shared(signal: AbortSignal | undefined): Promise<MintedToken> {
    // Taken before anything is awaited: credentials forgotten while the fingerprint is hashed
    // were forgotten after this call began, so its token may not be cached either.
    const generation = forgotten.get(cacheKey);
    // Not raced with the signal: hashing takes microseconds, and a mint a caller started is shared
    // and cached even when that caller stops waiting.
    const expected = await audienceOf();
    const flightKey = `${cacheKey} ${expected}`;
    let flight = inFlight.get(flightKey);
    if (!flight) {
      flight = resolveToken(expected, generation).finally(() => inFlight.delete(flightKey));
      inFlight.set(flightKey, flight);
    }
    return untilAborted(flight, signal ?? options.signal);
  }

  return {
    secrets: [options.credentials.clientSecret],
    shown: [options.credentials.clientId],
    async getToken(call = {}) {
      return (await shared(call.signal)).accessToken;
    },
    async refresh(call = {}) {
      await store.remove(cacheKey);
      return { expiresAt: (await shared(call.signal)).expiresAt };
    },
    async invalidate(rejectedToken) {
      if (rejectedToken !== undefined) {
        const stored = parseStoredToken(await store.get(cacheKey));
        if (stored !== undefined && stored.accessToken !== rejectedToken) return;
      }
      await store.remove(cacheKey);
    },
  };
}

/** Storage may hold anything (an older version's format, a hand edit): only a well-formed token counts. */
export function parseStoredToken(value: unknown): StoredToken | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.accessToken !== 'string' || v.accessToken === '' || /\s/.test(v.accessToken) || v.accessToken.length > MAX_TOKEN_CHARS) return undefined;
  if (typeof v.expiresAt !== 'number' || !Number.isFinite(v.expiresAt)) return undefined;
  if (typeof v.audience !== 'string') return undefined;
  return { accessToken: v.accessToken, expiresAt: v.expiresAt, audience: v.audience };
}

async function mintToken(options: TokenSourceOptions, marginMs: number): Promise<MintedToken> {
  const { baseUrl, tokenPath } = options.endpoint;
  const { clientId, clientSecret } = options.credentials;
  // Not tied to any one caller's signal: the mint is shared, and a token minted after one caller
  // gave up is still cached for the next.
  const deadline = createDeadline({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  try {
    return await sendRequest(
      {
        fetch: options.fetch,
        now: options.now,
        url: `${baseUrl}${tokenPath}?grant_type=client_credentials`,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret }).toString(),
        signal: deadline.signal,
        maxBodyBytes: MAX_TOKEN_BODY_BYTES,
        onRequest: options.onRequest,
        environment: options.environment,
      },
      (answer) => {
        const receivedAt = options.now();
        if (answer.status < 200 || answer.status > 299) {
          throw errorFromResponse({
            stage: 'token',
            status: answer.status,
            headers: answer.headers,
            body: answer.text,
            now: receivedAt,
            secrets: [clientSecret],
            shown: [clientId],
          });
        }
        return readTokenAnswer(answer.text, receivedAt, marginMs);
      },
    );
  } finally {
    deadline.dispose();
  }
}

/**
 * Reads Apigee's token JSON (all values are strings). Expiry is `issued_at + expires_in − margin`,
 * trusting our own clock over `issued_at` when they disagree (see `lifetimeStart`). For short-lived
 * tokens the margin shrinks to half the lifetime, so a token is always cached for some of its life;
 * a token with no usable `expires_in` is used once and not cached.
 */
export function readTokenAnswer(
  body: string,
  now: number,
  marginMs: number,
): { accessToken: string; expiresAt: number } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    // Not JSON: json stays undefined and is refused just below.
  }
  // JSON.parse makes objects and arrays as instances of Object; anything else holds no token.
  if (!(json instanceof Object)) throw noToken();
  const answer = json as Record<string, unknown>;
  const accessToken = answer.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') throw noToken();
  // Sent as it is, a longer one is refused by the server (431) on every call until it expires.
  if (accessToken.length > MAX_TOKEN_CHARS) throw new PimError('token-answer-token-too-long', { params: { max: MAX_TOKEN_CHARS } });
  // A token goes into an HTTP header: one with white space, line breaks or controls is never sent.
  if (!/^[\x21-\x7e]+$/.test(accessToken)) throw new PimError('token-answer-unusable-token');

  const lifetimeMs = seconds(answer.expires_in) * 1000;
  if (!(lifetimeMs > 0)) return { accessToken, expiresAt: now };
  const start = lifetimeStart(answer.issued_at, now, lifetimeMs);
  return { accessToken, expiresAt: start + lifetimeMs - Math.min(marginMs, lifetimeMs / 2) };
}

function seconds(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  return typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
}

// issued_at may only shorten the lifetime: a future value, or one so old the token would already
// be dead, means the clocks disagree, and then the moment we received the token is the safe start.
function lifetimeStart(issuedAt: unknown, now: number, lifetimeMs: number): number {
  const issued =
    typeof issuedAt === 'number' || (typeof issuedAt === 'string' && /^\s*\d{1,16}\s*$/.test(issuedAt))
      ? Number(issuedAt)
      : NaN;
  if (!Number.isFinite(issued) || issued > now || issued <= now - lifetimeMs) return now;
  return issued;
}

function noToken(): PimError {
  return new PimError('token-answer-without-token');
}
