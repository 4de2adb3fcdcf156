import { abortError, untilAborted } from './deadline';
import { PimError } from './errors';
import { parseQuotaHeaders, type Quota } from './quota';
import { redact, type RequestLogEntry, type RequestLogger } from './request-log';

/** The part of `fetch` the core uses; the real one, the sandbox's and a test's all fit. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpRequest {
  fetch: FetchLike;
  now: () => number;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Aborts the call; its reason (a PimError from `createDeadline`) is what gets thrown. */
  signal: AbortSignal;
  /** The body is read up to this many bytes; a longer answer is refused, not buffered. */
  maxBodyBytes: number;
  onRequest?: RequestLogger | undefined;
  environment?: string | undefined;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  bytes: number;
}

/**
 * POSTs once, reads the body within the byte cap, lets `interpret` turn the answer into a result or
 * a PimError, and logs the call (redacted) either way. Failures of the call itself become
 * 'network', 'timeout', 'cancelled' or 'unreadable-response' (too large).
 */
export async function sendRequest<T>(request: HttpRequest, interpret: (answer: HttpAnswer) => T): Promise<T> {
  const { now, signal } = request;
  const started = now();
  let status: number | undefined;
  let bytes: number | undefined;
  let quota: Quota | undefined;
  let failure: PimError | undefined;
  try {
    const response = await untilAborted(callFetch(request), signal);
    status = response.status;
    quota = parseQuotaHeaders(response.headers, now());
    const body = await readCappedText(response, request.maxBodyBytes, signal);
    bytes = body.bytes;
    return interpret({ status: response.status, headers: response.headers, text: body.text, bytes: body.bytes });
  } catch (error) {
    failure = error instanceof PimError ? error : new PimError('internal');
    throw failure;
  } finally {
    logSafely(request.onRequest, {
      id: crypto.randomUUID(),
      time: started,
      ...(request.environment === undefined ? {} : { environment: request.environment }),
      method: 'POST',
      ...redact({ url: request.url, headers: request.headers, body: request.body }),
      ...(status === undefined ? {} : { status }),
      durationMs: Math.max(0, now() - started),
      ...(bytes === undefined ? {} : { responseBytes: bytes }),
      ...(failure?.transactionId === undefined ? {} : { transactionId: failure.transactionId }),
      ...(failure === undefined ? {} : { errorKind: failure.kind, errorCode: failure.code }),
      ...(failure?.params === undefined ? {} : { errorParams: failure.params }),
      ...(quota === undefined ? {} : { quota }),
    });
  }
}

// The log is a convenience: a logger that throws must not turn a good answer into a failure.
function logSafely(onRequest: RequestLogger | undefined, entry: RequestLogEntry): void {
  try {
    onRequest?.(entry);
  } catch {
    // ignored on purpose; see above
  }
}

async function callFetch(request: HttpRequest): Promise<Response> {
  try {
    return await request.fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      // The token call carries the client secret: never send it on to wherever a redirect points.
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    if (request.signal.aborted) throw abortError(request.signal);
    // fetch rejects with a TypeError for DNS, TLS, CORS and connection failures; its text is not
    // shown because it may include the URL.
    throw new PimError('network');
  }
}

/** Reads a body as UTF-8 text, stopping (and cancelling the stream) as soon as it passes `maxBytes`. */
export async function readCappedText(
  response: Response,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<{ text: string; bytes: number }> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (!response.body) return { text: '', bytes: 0 };

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    void reader.cancel().catch(() => {});
    if (error instanceof PimError) throw error;
    if (signal?.aborted) throw abortError(signal);
    throw new PimError('connection-broke');
  }
  const all = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(all), bytes };
}

export function tooLarge(maxBytes: number): PimError {
  return new PimError('answer-too-large', { params: { maxBytes } });
}
