import { createDeadline, untilAborted } from './deadline';
import { decodeImageBody, MAX_IMAGE_BODY_BYTES } from './decode-image';
import { PimError } from './errors';
import { type QrParams, serializeParams, validateParams } from './params';
import type { RequestLogger } from './request-log';
import { errorFromResponse } from './response-error';
import { type FetchLike, sendRequest } from './send-request';
import type { TokenSource } from './token-cache';

export { DEFAULT_IMAGE_PATH } from './api-paths';
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_RETRY_AFTER_SECONDS = 10;
const BACKOFF_BASE_MS = 500;
// Gateway statuses that say "not now" rather than "not this request"; a 500 may be deterministic.
const TRANSIENT_STATUSES: readonly number[] = [502, 503, 504];

export interface ImageEndpoint {
  baseUrl: string;
  imagePath: string;
}

export interface GenerateQrOptions {
  /** Checked here again with `validateParams`: the UI's check is a convenience, not a guard. */
  params: unknown;
  endpoint: ImageEndpoint;
  tokens: TokenSource;
  fetch: FetchLike;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** In [0, 1): the jitter that keeps many clients from retrying in step. */
  random: () => number;
  /** For the whole generate, token and retries included. */
  timeoutMs?: number;
  signal?: AbortSignal;
  maxRetries?: number;
  maxRetryAfterSeconds?: number;
  onRequest?: RequestLogger;
  environment?: string;
}

export interface GenerateQrResult {
  svg: string;
  /** UTF-8 size of the SVG markup. */
  bytes: number;
  durationMs: number;
  status: number;
  params: QrParams;
  /** `/image` calls made, retries and the 401 re-try included. */
  attempts: number;
  /** True when KPN rejected the cached token and a new one was minted. */
  tokenRenewed: boolean;
}

/**
 * Asks `/image` for a QR code and returns its SVG markup.
 * Retry policy, all within `timeoutMs`:
 * - network failures and 502/503/504: up to `maxRetries` retries, exponential backoff with jitter;
 * - 429: one wait for Retry-After when it is at most `maxRetryAfterSeconds`, taken from the same
 *   retry budget; otherwise (or with no Retry-After) surfaced at once as 'rate-limited';
 * - 401 on `/image`: the token is dropped and re-minted once, outside the budget; a second 401 is
 *   surfaced as 'token-rejected', never looped.
 * No retry starts when its wait would pass the deadline: the real error is shown, not a timeout.
 */
export async function generateQr(options: GenerateQrOptions): Promise<GenerateQrResult> {
  const params = checkParams(options.params);
  const { now, tokens } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES);
  const maxRetryAfter = options.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS;
  const started = now();
  const deadline = createDeadline({ timeoutMs, signal: options.signal });
  const signal = deadline.signal;
  const body = JSON.stringify(serializeParams(params));

  let retriesUsed = 0;
  let waitedForRateLimit = false;
  let tokenRenewed = false;
  let attempts = 0;
  // Every token this generate presented: a server may quote an earlier one after a re-mint.
  const presented: string[] = [];
  try {
    for (;;) {
      let failure: PimError;
      try {
        const token = await tokens.getToken({ signal });
        presented.push(token);
        try {
          attempts += 1;
          const image = await requestImage(options, presented, body, signal);
          return {
            ...image,
            bytes: new TextEncoder().encode(image.svg).byteLength,
            durationMs: Math.max(0, now() - started),
            params,
            attempts,
            tokenRenewed,
          };
        } catch (error) {
          if (error instanceof PimError && error.status === 401 && !tokenRenewed && !signal.aborted) {
            tokenRenewed = true;
            await tokens.invalidate(token);
            continue;
          }
          throw error;
        }
      } catch (error) {
        failure = error instanceof PimError ? error : new PimError('internal');
      }

      if (signal.aborted) throw failure;
      let waitMs: number | undefined;
      if (retriesUsed < maxRetries && isTransient(failure)) {
        const step = BACKOFF_BASE_MS * 2 ** retriesUsed;
        waitMs = step / 2 + options.random() * (step / 2);
      } else if (
        retriesUsed < maxRetries &&
        failure.kind === 'rate-limited' &&
        !waitedForRateLimit &&
        failure.retryAfterSeconds !== undefined &&
        failure.retryAfterSeconds <= maxRetryAfter
      ) {
        waitedForRateLimit = true;
        waitMs = failure.retryAfterSeconds * 1000;
      }
      if (waitMs === undefined || now() + waitMs >= started + timeoutMs) throw failure;
      retriesUsed += 1;
      await untilAborted(options.sleep(waitMs, signal), signal);
    }
  } finally {
    deadline.dispose();
  }
}

/** The parameters as the API client will send them, or the PimError it would refuse them with. */
export function checkParams(input: unknown): QrParams {
  const result = validateParams(input);
  if (result.ok) return result.params;
  throw new PimError('invalid-parameters', { fieldErrors: result.errors });
}

function isTransient(error: PimError): boolean {
  // An error without a status is not a gateway answer; 0 stands in for it and is in no list.
  return error.kind === 'network' || TRANSIENT_STATUSES.includes(error.status ?? 0);
}

/** The image call with the last token `presented`; the earlier ones are redacted from its errors too. */
function requestImage(
  options: GenerateQrOptions,
  presented: readonly string[],
  body: string,
  signal: AbortSignal,
): Promise<{ svg: string; status: number }> {
  const token = presented.at(-1) ?? '';
  return sendRequest(
    {
      fetch: options.fetch,
      now: options.now,
      url: `${options.endpoint.baseUrl}${options.endpoint.imagePath}`,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
      signal,
      maxBodyBytes: MAX_IMAGE_BODY_BYTES,
      onRequest: options.onRequest,
      environment: options.environment,
    },
    (answer) => {
      if (answer.status < 200 || answer.status > 299) {
        throw errorFromResponse({
          stage: 'image',
          status: answer.status,
          headers: answer.headers,
          body: answer.text,
          now: options.now(),
          secrets: [...presented, ...options.tokens.secrets],
          shown: options.tokens.shown,
        });
      }
      return { svg: decodeImageBody(answer.text, answer.headers.get('content-type')), status: answer.status };
    },
  );
}
