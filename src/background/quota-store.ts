// The latest quota figures KPN reported, per environment, in storage.local: not secret, and worth
// keeping across browser sessions because a day's or a month's quota outlives them. Every open view
// watches the key, so a generate anywhere updates the quota line everywhere. Kept in memory too
// (mirrored-item.ts), so new figures are recorded at once.
import { checkQuota, type Quota, quotaAt, quotaLevel } from '../core/quota';
import { isRateLimitWindow, outlastsRateLimit } from '../core/quota-refusal';
import { mirroredItem } from '../core/mirrored-item';
import type { ItemSpec } from '../core/storage-item';
import type { KeyValueStore } from '../core/storage-port';
import { STORAGE_KEYS } from '../shared/storage-keys';

/** More environments than anyone keeps; the figures seen longest ago go first. */
export const QUOTA_ENVIRONMENTS_KEPT = 20;

type QuotaByEnvironment = Record<string, Quota>;

const QUOTA: ItemSpec<QuotaByEnvironment> = {
  key: STORAGE_KEYS.quota,
  parse: (stored) => {
    const kept: QuotaByEnvironment = {};
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return kept;
    for (const [environmentId, value] of Object.entries(stored)) {
      const quota = checkQuota(value);
      if (quota) kept[environmentId] = quota;
    }
    return kept;
  },
  cap: (all) => Object.fromEntries(Object.entries(all).sort(([, a], [, b]) => b.seenAt - a.seenAt).slice(0, QUOTA_ENVIRONMENTS_KEPT)),
};

export interface QuotaStore {
  get(environmentId: string): Promise<Quota | undefined>;
  /** Reads the figures into memory: from then on `record` hands its write to storage before it returns. */
  load(): Promise<unknown>;
  /**
   * Keeps `quota` unless figures seen later are already stored (answers can arrive out of order), or
   * the stored ones say a longer quota is used up and `quota` is only a rate limit's (a minute's
   * count): that quota is still used up, and is what the next call meets once the minute is over.
   */
  record(environmentId: string, quota: Quota): Promise<void>;
  /** Forgets an environment's figures: it was deleted, or its credentials changed to another client. */
  forget(environmentId: string): Promise<void>;
}

/** `known` says a quota that lasts longer than a rate limit is used up, and `next` is a rate limit's count. */
function outlasts(known: Quota, next: Quota): boolean {
  const at = next.seenAt;
  return outlastsRateLimit(known, at) && quotaLevel(quotaAt(known, at)) === 'exhausted' && isRateLimitWindow(next, at);
}

export function createQuotaStore(local: KeyValueStore): QuotaStore {
  const item = mirroredItem(local, QUOTA);
  return {
    get: async (environmentId) => (await item.load())[environmentId],
    load: item.load,
    record: (environmentId, quota) =>
      item.update((all) => {
        const known = all[environmentId];
        if (known && known.seenAt > quota.seenAt) return undefined;
        if (known && outlasts(known, quota)) return undefined;
        return { value: { ...all, [environmentId]: quota } };
      }),
    forget: (environmentId) =>
      item.update((all) => {
        if (!(environmentId in all)) return undefined;
        const { [environmentId]: _forgotten, ...rest } = all;
        return { value: rest };
      }),
  };
}
