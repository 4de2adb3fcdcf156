// KPN's quota headers (quota-limit, quota-used, quota-interval, quota-time-unit, quota-reset-UTC),
// read defensively: they are the API's words, so a value that is missing, not a plain number, out of
// any believable range or contradicting another is dropped, never shown, and nothing here throws.
import { MAX_BELIEVABLE_WAIT_SECONDS, quotaResetTime } from './retry-after';

export const QUOTA_UNITS = ['minute', 'hour', 'day', 'week', 'month'] as const;
export type QuotaUnit = (typeof QUOTA_UNITS)[number];

/** The latest figures of one environment's quota, as an answer of KPN reported them. */
export interface Quota {
  limit: number;
  used: number;
  /** `interval` × `unit` is the period the limit is for ("1 day"); absent when KPN did not say. */
  interval?: number;
  unit?: QuotaUnit;
  /** Epoch milliseconds when the count starts again. */
  resetAt?: number;
  /** Epoch milliseconds when the answer carrying these figures arrived. */
  seenAt: number;
}

/** No plan counts more calls than this; a larger figure is a broken header. */
export const MAX_QUOTA_LIMIT = 1_000_000_000;
const MAX_INTERVAL = 1000;
/** A reset this long before the answer arrived is a stale or broken header (clocks differ a little). */
const RESET_PAST_TOLERANCE_MS = 5 * 60_000;
/** From ≥ 90 % used, the result warns. */
export const QUOTA_NEAR_SHARE = 0.9;

export type QuotaLevel = 'ok' | 'near' | 'exhausted';

/** The figures in an answer's headers, or undefined when they are missing or not believable. */
export function parseQuotaHeaders(headers: Headers, nowMs: number): Quota | undefined {
  const limit = wholeNumber(headers.get('quota-limit'), 1, MAX_QUOTA_LIMIT);
  const counted = wholeNumber(headers.get('quota-used'), 0, MAX_QUOTA_LIMIT + 1);
  // Apigee counts the call it refuses, so a refusal reports one over the limit: that is "used up".
  const used = counted === undefined || limit === undefined || counted !== limit + 1 ? counted : limit;
  // Without both, or with more used than that, the figures say nothing one could act on.
  if (limit === undefined || used === undefined || used > limit) return undefined;
  const quota: Quota = { limit, used, seenAt: nowMs };
  const interval = wholeNumber(headers.get('quota-interval'), 1, MAX_INTERVAL);
  const unit = quotaUnit(headers.get('quota-time-unit'));
  if (interval !== undefined && unit !== undefined) {
    quota.interval = interval;
    quota.unit = unit;
  }
  const resetAt = quotaResetTime(headers.get('quota-reset-utc'));
  if (resetAt !== undefined && believableReset(resetAt, nowMs)) quota.resetAt = resetAt;
  return quota;
}

/**
 * The same rules for figures read back from storage or a message: the well-formed Quota, or
 * undefined. Only the known fields are kept.
 */
export function checkQuota(value: unknown): Quota | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const limit = v.limit;
  const used = v.used;
  const seenAt = v.seenAt;
  if (!isWhole(limit, 1, MAX_QUOTA_LIMIT) || !isWhole(used, 0, limit) || !isWhole(seenAt, 0, Number.MAX_SAFE_INTEGER)) return undefined;
  const quota: Quota = { limit, used, seenAt };
  if (isWhole(v.interval, 1, MAX_INTERVAL) && QUOTA_UNITS.includes(v.unit as QuotaUnit)) {
    quota.interval = v.interval;
    quota.unit = v.unit as QuotaUnit;
  }
  if (isWhole(v.resetAt, 0, Number.MAX_SAFE_INTEGER) && believableReset(v.resetAt, seenAt)) quota.resetAt = v.resetAt;
  return quota;
}

/** Exhausted when nothing is left; near from 90 % used. */
export function quotaLevel(quota: Pick<Quota, 'limit' | 'used'>): QuotaLevel {
  if (quota.used >= quota.limit) return 'exhausted';
  return quota.used >= quota.limit * QUOTA_NEAR_SHARE ? 'near' : 'ok';
}

/**
 * The figures as they stand at `nowMs`: once a reset that was still to come when KPN answered has
 * passed, KPN counts from zero again. A reset already due at the answer (clocks differ a little) had
 * not happened on KPN's side yet, so its count stands until the next answer says otherwise.
 */
export function quotaAt(quota: Quota, nowMs: number): Quota {
  if (quota.resetAt !== undefined) {
    return quota.resetAt > quota.seenAt && nowMs >= quota.resetAt ? { ...quota, used: 0 } : quota;
  }
  // No reset time, but a period: once a whole period has passed since KPN counted, it has counted
  // from zero at least once since.
  const period = quotaPeriodMs(quota);
  return period !== undefined && nowMs - quota.seenAt >= period ? { ...quota, used: 0 } : quota;
}

const UNIT_MS: Readonly<Record<QuotaUnit, number>> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  // The longest month: a count that old has certainly started again.
  month: 31 * 86_400_000,
};

/** How long the limit is for (`interval` × `unit`), in milliseconds; undefined when KPN did not say. */
export function quotaPeriodMs(quota: Pick<Quota, 'interval' | 'unit'>): number | undefined {
  return quota.interval === undefined || quota.unit === undefined ? undefined : quota.interval * UNIT_MS[quota.unit];
}

function believableReset(resetAt: number, nowMs: number): boolean {
  return resetAt >= nowMs - RESET_PAST_TOLERANCE_MS && resetAt <= nowMs + MAX_BELIEVABLE_WAIT_SECONDS * 1000;
}

// Plain digits only, and few of them: "1e3", "0x10", "-5", " 7 " or a kilobyte of digits are not figures.
function wholeNumber(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

// Apigee's names, in any case, singular or plural ("minute", "Days").
function quotaUnit(value: string | null): QuotaUnit | undefined {
  if (value === null || value.length > 10) return undefined;
  const name = value.toLowerCase().replace(/s$/, '');
  return QUOTA_UNITS.find((unit) => unit === name);
}
