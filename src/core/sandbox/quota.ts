// The sandbox's quota: a daily count per client ID, reported in the headers KPN sends
// (docs/kpn-api.md), so the extension's quota line can be seen and tested without using KPN's.
import { apigeeFault } from './responses';

// Bounded like the token store, so a long-running sandbox server cannot grow without limit.
const MAX_CLIENTS = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface QuotaCount {
  limit: number;
  used: number;
  resetAt: number;
  /** False when the call is over the limit: it is refused with the gateway's 429 and not counted. */
  allowed: boolean;
}

export interface QuotaCounter {
  /** Counts one call of `clientId` against `limit` for the UTC day of `now`. */
  count(clientId: string, limit: number, now: number): QuotaCount;
  /** Sets what `clientId` has used today (the development sandbox's `quota-used` fault). */
  setUsed(clientId: string, used: number, now: number): void;
  clear(): void;
}

export function createQuotaCounter(): QuotaCounter {
  const counts = new Map<string, { used: number; resetAt: number }>();
  const current = (clientId: string, now: number) => {
    const found = counts.get(clientId);
    if (found && now < found.resetAt) return found;
    const fresh = { used: 0, resetAt: nextUtcMidnight(now) };
    counts.delete(clientId);
    counts.set(clientId, fresh);
    while (counts.size > MAX_CLIENTS) {
      const oldest = counts.keys().next().value;
      if (oldest === undefined) break;
      counts.delete(oldest);
    }
    return fresh;
  };
  return {
    count(clientId, limit, now) {
      const entry = current(clientId, now);
      const allowed = entry.used < limit;
      if (allowed) entry.used += 1;
      return { limit, used: Math.min(entry.used, limit), resetAt: entry.resetAt, allowed };
    },
    setUsed(clientId, used, now) {
      current(clientId, now).used = used;
    },
    clear() {
      counts.clear();
    },
  };
}

/** The headers of a counted call: a day's quota, as KPN's gateway reports it. */
export function quotaHeaders(count: QuotaCount): Record<string, string> {
  return {
    'quota-limit': String(count.limit),
    'quota-used': String(count.used),
    'quota-interval': '1',
    'quota-time-unit': 'day',
    'quota-reset-UTC': String(count.resetAt),
  };
}

/** The gateway's answer to a call over the day's quota. */
export function quotaExceeded(count: QuotaCount, now: number): Response {
  return apigeeFault(
    429,
    `Rate limit quota violation. Quota limit of ${count.limit} per day exceeded. Identifier : _default`,
    'policies.ratelimit.QuotaViolation',
    { 'Retry-After': String(Math.max(1, Math.ceil((count.resetAt - now) / 1000))), ...quotaHeaders(count) },
  );
}

function nextUtcMidnight(now: number): number {
  return (Math.floor(now / DAY_MS) + 1) * DAY_MS;
}
