// A 429 while the quota is used up is not "slow down": no short wait helps, only the quota's reset.
// A quota counted per minute is the other way round: used up, it is a rate limit, and a short wait is
// the whole answer.
import { PimError, type PimErrorDetails } from './errors';
import { type Quota, quotaAt, quotaLevel, quotaPeriodMs } from './quota';

/** A quota that starts again this soon is a rate limit: the user is told how long to wait, not when it resets. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/**
 * The quota error for a refusal, when `quota` (the refusal's own figures, or the latest stored for
 * that environment) says nothing is left at `nowMs` and nothing will be for longer than a short
 * wait; undefined when it does not say so.
 */
export function quotaRefusal(quota: Quota | undefined, nowMs: number, details: PimErrorDetails): PimError | undefined {
  if (quota === undefined) return undefined;
  const current = quotaAt(quota, nowMs);
  if (quotaLevel(current) !== 'exhausted' || !isLongRefusal(current, nowMs)) return undefined;
  return current.resetAt !== undefined && current.resetAt > nowMs
    ? new PimError('quota-used-up-until', { ...details, params: { resetAt: current.resetAt } })
    : new PimError('quota-used-up', details);
}

/**
 * True when the figures are a rate limit's: counted per minute or less, or starting again within a
 * minute. Used up, they mean "wait a moment", not "used up".
 */
export function isRateLimitWindow(quota: Quota, nowMs: number): boolean {
  const period = quotaPeriodMs(quota);
  if (period !== undefined) return period <= RATE_LIMIT_WINDOW_MS;
  return quota.resetAt !== undefined && quota.resetAt > nowMs && quota.resetAt - nowMs <= RATE_LIMIT_WINDOW_MS;
}

/** The figures say how long they hold: a period, or a reset still to come. */
function sayHowLong(quota: Quota, nowMs: number): boolean {
  return quotaPeriodMs(quota) !== undefined || (quota.resetAt !== undefined && quota.resetAt > nowMs);
}

/** The figures say they hold longer than a rate limit: used up, no short wait brings them back. */
export function outlastsRateLimit(quota: Quota, nowMs: number): boolean {
  return sayHowLong(quota, nowMs) && !isRateLimitWindow(quota, nowMs);
}

function isLongRefusal(quota: Quota, nowMs: number): boolean {
  if (sayHowLong(quota, nowMs)) return outlastsRateLimit(quota, nowMs);
  // Neither a period nor a reset: the figures say nothing about how long they hold, so they are
  // believed only for the answer that brought them and a short while after.
  return nowMs - quota.seenAt < RATE_LIMIT_WINDOW_MS;
}

// Apigee's spike arrest (faultstring "Spike arrest violation…", errorcode SpikeArrestViolation) caps
// requests per second whatever the quota: figures from earlier answers do not explain its refusal.
const SPIKE_ARREST = /spike\s*arrest/i;

/**
 * A rate-limited error as a quota one, when `quota` says it was used up; any other error as it is.
 * `quota` is the refusal's own figures, or (`stored`) the latest kept for the environment: those do
 * not outweigh a spike arrest the server names, its own figures do.
 */
export function asQuotaRefusal<E>(error: E, quota: Quota | undefined, nowMs: number, source: 'answer' | 'stored' = 'answer'): E | PimError {
  if (!(error instanceof PimError) || error.code !== 'rate-limited') return error;
  if (source === 'stored' && SPIKE_ARREST.test(error.serverMessage ?? '')) return error;
  // The facts of the refusal go with it; PimError keeps only those that are there.
  const { status, transactionId, retryAfterSeconds, serverMessage } = error;
  return quotaRefusal(quota, nowMs, { status, transactionId, retryAfterSeconds, serverMessage }) ?? error;
}
