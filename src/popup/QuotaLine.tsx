// KPN's quota under a result: how much of it the result's environment has used, for which period,
// and when it resets; a warning from 90 % used and an error-like box once it is used up. Loaded with
// the first result, not with the popup. The figures are KPN's headers, checked by the core; they are
// shown as text only.
import { type Signal, signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { checkQuota, type Quota, quotaAt, quotaLevel, type QuotaUnit } from '../core/quota';
import { isRateLimitWindow } from '../core/quota-refusal';
import { formatMoment } from '../shared/format';
import { t } from '../shared/i18n';
import { followStorage } from '../ui/live';
import { type PopupStore, usePopupStore } from './store';

const THIS_PERIOD = {
  minute: 'quotaThis_minute',
  hour: 'quotaThis_hour',
  day: 'quotaThis_day',
  week: 'quotaThis_week',
  month: 'quotaThis_month',
} as const satisfies Record<QuotaUnit, string>;
const EVERY_PERIOD = {
  minute: 'quotaEvery_minute',
  hour: 'quotaEvery_hour',
  day: 'quotaEvery_day',
  week: 'quotaEvery_week',
  month: 'quotaEvery_month',
} as const satisfies Record<QuotaUnit, string>;

/** "Quota: 940 of 1,000 this day · resets 14:00" (or "· reset due"), each part only when KPN said it. */
export function quotaText(quota: Quota, nowMs: number): string {
  let figures = t('quotaLine', quota.used, quota.limit);
  if (quota.unit !== undefined && quota.interval !== undefined) {
    figures += ` ${quota.interval === 1 ? t(THIS_PERIOD[quota.unit]) : t(EVERY_PERIOD[quota.unit], quota.interval)}`;
  }
  if (quota.resetAt === undefined) return figures;
  if (quota.resetAt > nowMs) return `${figures} · ${t('quotaResets', formatMoment(quota.resetAt, nowMs))}`;
  // A reset already due when KPN answered: its count still stands (quotaAt), and the reset is near.
  return quota.resetAt <= quota.seenAt ? `${figures} · ${t('quotaResetDue')}` : figures;
}

/** Figures the worker kept, per environment: newer than a result's own once another view generated. */
interface KeptFigures {
  kept: Signal<Readonly<Record<string, Quota | null>>>;
  reread(environmentId: string): Promise<void>;
}

const perStore = new WeakMap<PopupStore, KeptFigures>();

function keptFigures(store: PopupStore): KeptFigures {
  const known = perStore.get(store);
  if (known) return known;
  const kept = signal<Readonly<Record<string, Quota | null>>>({});
  const reread = async (environmentId: string) => {
    const quota = checkQuota(await store.result.readQuota(environmentId)) ?? null;
    kept.value = { ...kept.value, [environmentId]: quota };
  };
  const figures = { kept, reread };
  perStore.set(store, figures);
  // Another view's generate (or Test connection) writes new figures: read them again.
  followStorage(store.ports.watchStorage, {
    quota: async () => {
      const environmentId = store.result.result.value?.environmentId;
      if (environmentId !== undefined) await reread(environmentId);
    },
  });
  return figures;
}

function latest(a: Quota | undefined, b: Quota | null | undefined): Quota | undefined {
  if (!b) return a;
  return a === undefined || b.seenAt >= a.seenAt ? b : a;
}

/** A rate limit used up (per minute, or starting again within one) is a moment's wait, not a quota used up. */
function shownLevel(quota: Quota, nowMs: number) {
  const level = quotaLevel(quota);
  return level === 'exhausted' && isRateLimitWindow(quota, nowMs) ? 'ok' : level;
}

export function QuotaLine() {
  const store = usePopupStore();
  const shown = store.result.result.value;
  const figures = keptFigures(store);
  const environmentId = shown?.environmentId;
  useEffect(() => {
    if (environmentId !== undefined) figures.reread(environmentId).catch((e: unknown) => console.warn('[popup] quota not read', e));
  }, [environmentId, figures]);
  if (!shown) return null;
  const own = checkQuota(shown.quota);
  const best = latest(own, figures.kept.value[shown.environmentId]);
  if (!best) return null;
  const nowMs = Date.now();
  const quota = quotaAt(best, nowMs);
  const level = shownLevel(quota, nowMs);
  // Figures from before this QR that say nothing was left: the QR itself proves otherwise.
  if (own === undefined && best.seenAt < shown.time && quotaLevel(quota) === 'exhausted') return null;
  const text = quotaText(quota, nowMs);
  if (level === 'ok') return <p class="note result-quota">{text}</p>;
  return (
    <div role="status" class={`alert ${level === 'near' ? 'alert-warning' : 'alert-error'} result-quota`}>
      <p class="alert-message">{t(level === 'near' ? 'quotaNear' : 'quotaExhausted')}</p>
      <p class="alert-detail">{text}</p>
    </div>
  );
}
