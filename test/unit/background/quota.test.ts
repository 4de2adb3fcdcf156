// The quota figures KPN reports: answered with the generate, kept per environment, recorded in the
// request log, and forgotten with the credentials they belonged to.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createQuotaStore, QUOTA_ENVIRONMENTS_KEPT } from '../../../src/background/quota-store';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { createMemoryStore } from '../../../src/core/storage-port';
import { addLocalEnvironment, setup } from './ui-handlers-setup';

const generate = (handlers: ReturnType<typeof setup>['handlers'], environmentId: string) =>
  handlers['ui-bg-generate']({ requestId: crypto.randomUUID(), environmentId, params: DEFAULT_PARAMS });

describe('quota figures', () => {
  it('answers the generate with the figures of its /image answer, keeps them per environment and logs them', async () => {
    const { handlers, remote } = setup();
    const env = await addLocalEnvironment(handlers);
    expect(await handlers['ui-bg-quota-get']({ environmentId: env.id })).toBeNull();
    remote.configure({ quotaLimit: 1000, faults: ['quota-used=938*1'] });
    const answer = await generate(handlers, env.id);
    expect(answer.quota).toMatchObject({ limit: 1000, used: 939, interval: 1, unit: 'day' });
    expect(answer.quota?.resetAt).toBeGreaterThan(Date.now());
    expect(await handlers['ui-bg-quota-get']({ environmentId: env.id })).toEqual(answer.quota);
    // The built-in Sandbox counts on its own.
    expect((await generate(handlers, 'sandbox')).quota).toMatchObject({ used: 1 });
    expect(await handlers['ui-bg-quota-get']({ environmentId: env.id })).toEqual(answer.quota);
    const [imageCall, tokenCall] = (await handlers['ui-bg-log-get'](undefined)).filter((e) => e.environment === env.id);
    expect(imageCall?.quota).toEqual(answer.quota);
    expect(tokenCall).not.toHaveProperty('quota');
    // History keeps the QR, not the figures of the moment.
    expect((await handlers['ui-bg-history-get'](undefined))[0]).not.toHaveProperty('quota');
  });

  it('keeps the figures of a refused call over the quota, and forgets them when the credentials change', async () => {
    const { handlers, remote } = setup();
    const env = await addLocalEnvironment(handlers);
    remote.configure({ quotaLimit: 5, faults: ['quota-used=5*1'] });
    await expect(generate(handlers, env.id)).rejects.toMatchObject({ kind: 'rate-limited', code: 'quota-used-up-until' });
    expect(await handlers['ui-bg-quota-get']({ environmentId: env.id })).toMatchObject({ limit: 5, used: 5 });
    await handlers['ui-bg-credentials-set']({ environmentId: env.id, clientId: 'another-client', clientSecret: 'another-secret-0123456789' });
    await expect.poll(() => handlers['ui-bg-quota-get']({ environmentId: env.id })).toBeNull();
  });

  it('calls a refusal without figures "quota used up" while the latest stored figures say so, and "slow down" otherwise', async () => {
    // A gateway 429 with no quota headers: only the stored figures can tell why.
    let refuse = false;
    const { handlers, remote, local } = setup({
      rewrite: (answer, url) => (refuse && url.includes('/image') ? new Response('{}', { status: 429, headers: { 'Retry-After': '51908' } }) : answer),
    });
    const env = await addLocalEnvironment(handlers);
    remote.configure({ quotaLimit: 5, faults: ['quota-used=4*1'] });
    const answer = await generate(handlers, env.id);
    expect(answer.quota).toMatchObject({ limit: 5, used: 5 });
    refuse = true;
    await expect(generate(handlers, env.id)).rejects.toMatchObject({ code: 'quota-used-up-until', params: { resetAt: answer.quota?.resetAt }, status: 429 });
    // Figures whose reset has passed since they were seen say nothing about now.
    // Written through a quota store, as the background writes them: it alone writes the figures.
    const figures = createQuotaStore(local);
    await figures.forget(env.id);
    await figures.record(env.id, { limit: 5, used: 5, seenAt: Date.now() - 2000, resetAt: Date.now() - 1000 });
    await expect(generate(handlers, env.id)).rejects.toMatchObject({ code: 'rate-limited', retryAfterSeconds: 51_908 });
  });
});

describe('a rate limit is not a used-up quota', () => {
  it('a per-minute quota refused reads "slow down" with its wait, and later refusals without figures do too', async () => {
    let bare = false;
    const { handlers, remote } = setup({
      rewrite: (answer, url) => (bare && url.includes('/image') ? new Response('{}', { status: 429, headers: { 'Retry-After': '20' } }) : answer),
    });
    const env = await addLocalEnvironment(handlers);
    remote.configure({ faults: ['rate-limit=30'] });
    await expect(generate(handlers, env.id)).rejects.toMatchObject({ code: 'rate-limited', status: 429, retryAfterSeconds: 30 });
    // The refusal's figures are kept: 60 of 60 this minute.
    expect(await handlers['ui-bg-quota-get']({ environmentId: env.id })).toMatchObject({ limit: 60, used: 60, interval: 1, unit: 'minute' });
    remote.configure({ faults: [] });
    bare = true;
    await expect(generate(handlers, env.id)).rejects.toMatchObject({ code: 'rate-limited', retryAfterSeconds: 20 });
  });
});

describe('the quota store', () => {
  it('reads back only believable figures, keeps the later of two, and a bounded number of environments', async () => {
    const local = createMemoryStore();
    await local.setMany({ quota: { a: { limit: 10, used: 11, seenAt: 1 }, b: { limit: 10, used: 2, seenAt: 5 }, c: 'x' } });
    const store = createQuotaStore(local);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('c')).toBeUndefined();
    await store.record('b', { limit: 10, used: 1, seenAt: 4 });
    expect(await store.get('b')).toEqual({ limit: 10, used: 2, seenAt: 5 });
    for (let i = 0; i < QUOTA_ENVIRONMENTS_KEPT + 3; i++) await store.record(`env-${i}`, { limit: 10, used: 1, seenAt: 100 + i });
    const kept = Object.keys(local.data.get('quota') as object);
    expect(kept).toHaveLength(QUOTA_ENVIRONMENTS_KEPT);
    expect(kept).not.toContain('b');
    expect(kept).toContain(`env-${QUOTA_ENVIRONMENTS_KEPT + 2}`);
  });

  it('keeps a longer quota used up over a rate limit’s count, until it resets; and takes later figures otherwise', async () => {
    const DAY = 86_400_000;
    const store = createQuotaStore(createMemoryStore());
    const dailyUsedUp = { limit: 1000, used: 1000, interval: 1, unit: 'day' as const, resetAt: 10 * DAY, seenAt: 9 * DAY };
    const perMinute = (seenAt: number) => ({ limit: 60, used: 60, interval: 1, unit: 'minute' as const, resetAt: seenAt + 30_000, seenAt });
    await store.record('a', dailyUsedUp);
    await store.record('a', perMinute(9 * DAY + 1000));
    expect(await store.get('a')).toEqual(dailyUsedUp);
    // Daily figures that leave calls, or a daily quota past its reset, are replaced as usual.
    await store.record('b', { ...dailyUsedUp, used: 500 });
    await store.record('b', perMinute(9 * DAY + 1000));
    expect((await store.get('b'))?.unit).toBe('minute');
    await store.record('c', dailyUsedUp);
    await store.record('c', perMinute(10 * DAY + 1000));
    expect((await store.get('c'))?.unit).toBe('minute');
    // Figures that name neither period nor reset say nothing of how long they hold: they are replaced.
    await store.record('d', { limit: 1000, used: 1000, seenAt: 9 * DAY });
    await store.record('d', perMinute(9 * DAY + 1000));
    expect((await store.get('d'))?.unit).toBe('minute');
    // Another day's count replaces a used-up one.
    await store.record('a', { ...dailyUsedUp, used: 3, seenAt: 9 * DAY + 2000 });
    expect((await store.get('a'))?.used).toBe(3);
  });
});
