// Only real date formats: V8's Date.parse also "understands" strings such as "5 apples".
const IMF_DATE = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * How many seconds KPN asks us to wait, from `Retry-After` (seconds or an HTTP date) or, failing
 * that, the quota header `quota-reset-UTC`. Undefined when neither says anything usable.
 * The values need no trim: Headers.get has already stripped the white space around them.
 */
export function parseRetryAfter(headers: Headers, nowMs: number): number | undefined {
  const seconds = fromRetryAfter(headers.get('retry-after'), nowMs) ?? fromQuotaReset(headers.get('quota-reset-utc'), nowMs);
  return isBelievableWait(seconds) ? seconds : undefined;
}

/** The longest wait worth telling the user: a monthly quota resets within 31 days; more is a broken header. */
export const MAX_BELIEVABLE_WAIT_SECONDS = 31 * 24 * 60 * 60;

export function isBelievableWait(seconds: unknown): seconds is number {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_BELIEVABLE_WAIT_SECONDS;
}

function fromRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  return IMF_DATE.test(value) ? untilDate(Date.parse(value), nowMs) : undefined;
}

function fromQuotaReset(value: string | null, nowMs: number): number | undefined {
  const resetAt = quotaResetTime(value);
  return resetAt === undefined ? undefined : untilDate(resetAt, nowMs);
}

/**
 * `quota-reset-UTC` as epoch milliseconds. Its format is not published: epoch milliseconds, epoch
 * seconds, or a date are accepted; anything longer than a date could be is not looked at.
 */
export function quotaResetTime(value: string | null): number | undefined {
  if (value === null || value.length > 40) return undefined;
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    if (n >= 1e12) return n;
    if (n >= 1e9) return n * 1000;
    return undefined;
  }
  const parsed = IMF_DATE.test(value) || ISO_DATE.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

function untilDate(epochMs: number, nowMs: number): number | undefined {
  if (!Number.isFinite(epochMs)) return undefined;
  return Math.max(0, Math.ceil((epochMs - nowMs) / 1000));
}
