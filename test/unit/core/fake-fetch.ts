// A recorded fake of the two KPN endpoints for core tests: each call is kept so tests can count
// and inspect them, and each endpoint answers from a queue of scripted responses.
import type { FetchLike } from '../../../src/core/send-request';

export interface RecordedCall {
  url: string;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal | undefined;
}

export type Answer = Response | ((call: RecordedCall) => Response | Promise<Response>);

export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
export const SVG_BASE64 = Buffer.from(SVG, 'utf8').toString('base64');
export const CLIENT_ID = 'client-id-123';
export const CLIENT_SECRET = 'S3cretValueThatMustNeverLeak42';
export const TOKEN_PATH = '/oauth/client_credential/accesstoken';
export const IMAGE_PATH = '/kpn/qrcodegenerator/image';
export const BASE_URL = 'https://api.test.example';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

let tokenCounter = 0;
/** A fresh, distinct Apigee-style token answer (all values strings, like KPN's). */
export function tokenAnswer(overrides: Record<string, unknown> = {}): Response {
  tokenCounter += 1;
  return json(200, {
    token_type: 'Bearer',
    issued_at: String(Date.now()),
    client_id: CLIENT_ID,
    access_token: `AccessTok${tokenCounter}en${'x'.repeat(12)}9`,
    expires_in: '3599',
    status: 'approved',
    ...overrides,
  });
}

export function imageAnswer(body: string = SVG_BASE64, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain' } });
}

/**
 * Routes by path. Each route takes answers in order; the last one repeats. Unknown paths → 404.
 */
export function createFakeApi(routes: { token?: Answer[]; image?: Answer[] } = {}) {
  const calls: RecordedCall[] = [];
  const queues = {
    [TOKEN_PATH]: routes.token ?? [() => tokenAnswer()],
    [IMAGE_PATH]: routes.image ?? [() => imageAnswer()],
  };
  const served = new Map<string, number>();
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const call: RecordedCall = {
      url: input,
      path: url.pathname,
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? init.body : '',
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    const queue = (queues as Record<string, Answer[]>)[url.pathname];
    if (!queue) return new Response('not found', { status: 404 });
    const n = served.get(url.pathname) ?? 0;
    served.set(url.pathname, n + 1);
    const answer = queue[Math.min(n, queue.length - 1)];
    if (answer === undefined) throw new Error('empty route');
    // A Response body can be read once: functions make a fresh one per call.
    return typeof answer === 'function' ? answer(call) : answer.clone();
  };
  return {
    fetch,
    calls,
    tokenCalls: () => calls.filter((c) => c.path === TOKEN_PATH),
    imageCalls: () => calls.filter((c) => c.path === IMAGE_PATH),
  };
}

/** A fetch that never answers but rejects like the real one when its signal aborts. */
export function hangingAnswer(call: RecordedCall): Promise<Response> {
  return new Promise((_resolve, reject) => {
    call.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
  });
}

/** A clock the test moves by hand. */
export function fakeClock(start = Date.UTC(2025, 0, 1)) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
    set: (ms: number) => {
      t = ms;
    },
  };
}
