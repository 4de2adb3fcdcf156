// A 429 while the quota is used up is not "slow down": no short wait helps, only the quota's reset.
import { PimError, type PimErrorDetails } from './errors';
import { type Quota, quotaAt, quotaLevel } from './quota';

/**
 * The quota error for a refusal, when `quota` (the refusal's own figures, or the latest stored for
 * that environment) says nothing is left at `nowMs`; undefined when it does not say so.
 */
export function quotaRefusal(quota: Quota | undefined, nowMs: number, details: PimErrorDetails): PimError | undefined {
  if (quota === undefined) return undefined;
  const current = quotaAt(quota, nowMs);
  if (quotaLevel(current) !== 'exhausted') return undefined;
  return current.resetAt !== undefined && current.resetAt > nowMs
    ? new PimError('quota-used-up-until', { ...details, params: { resetAt: current.resetAt } })
    : new PimError('quota-used-up', details);
}

/** A rate-limited error as a quota one, when `quota` says it was used up; any other error as it is. */
export function asQuotaRefusal<E>(error: E, quota: Quota | undefined, nowMs: number): E | PimError {
  if (!(error instanceof PimError) || error.code !== 'rate-limited') return error;
  const details: PimErrorDetails = {};
  if (error.status !== undefined) details.status = error.status;
  if (error.transactionId !== undefined) details.transactionId = error.transactionId;
  if (error.retryAfterSeconds !== undefined) details.retryAfterSeconds = error.retryAfterSeconds;
  if (error.serverMessage !== undefined) details.serverMessage = error.serverMessage;
  return quotaRefusal(quota, nowMs, details) ?? error;
}
