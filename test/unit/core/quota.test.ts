import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { checkQuota, parseQuotaHeaders, type Quota, quotaAt, quotaLevel, quotaPeriodMs } from '../../../src/core/quota';
import { asQuotaRefusal, isRateLimitWindow } from '../../../src/core/quota-refusal';

const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);
const RESET = Date.UTC(2026, 11, 1, 0, 0, 0);
const GOOD = {
  'quota-limit': '1000',
  'quota-used': '940',
  'quota-interval': '1',
  'quota-time-unit': 'day',
  'quota-reset-UTC': String(RESET),
};

const parse = (headers: Record<string, string>) => parseQuotaHeaders(new Headers(headers), NOW);

describe('parseQuotaHeaders', () => {
  it('reads the five headers KPN sends', () => {
    expect(parse(GOOD)).toEqual({ limit: 1000, used: 940, interval: 1, unit: 'day', resetAt: RESET, seenAt: NOW });
  });

  it.each([
    ['epoch seconds', String(RESET / 1000)],
    ['an ISO date', '2026-12-01T00:00:00Z'],
    ['an HTTP date', 'Tue, 01 Dec 2026 00:00:00 GMT'],
  ])('reads the reset given as %s', (_label, value) => {
    expect(parse({ ...GOOD, 'quota-reset-UTC': value })?.resetAt).toBe(RESET);
  });

  it('reads the refusal of a used-up quota (Apigee counts the refused call too) as used up', () => {
    expect(parse({ ...GOOD, 'quota-used': '1001' })).toMatchObject({ limit: 1000, used: 1000 });
  });

  it('keeps what KPN counted when its reset was already due at the answer, and the reset', () => {
    const justPast = NOW - 2 * 60_000;
    expect(parse({ ...GOOD, 'quota-used': '1000', 'quota-reset-UTC': String(justPast) })).toMatchObject({ used: 1000, resetAt: justPast });
  });

  it.each([
    ['Minutes', 'minute'],
    ['HOUR', 'hour'],
    ['weeks', 'week'],
    ['month', 'month'],
  ])('reads the time unit %s', (value, unit) => {
    expect(parse({ ...GOOD, 'quota-interval': '5', 'quota-time-unit': value })).toMatchObject({ interval: 5, unit });
  });

  it.each([
    ['no headers at all', {}],
    ['no limit', { 'quota-used': '3' }],
    ['no used', { 'quota-limit': '3' }],
    ['a limit of 0', { ...GOOD, 'quota-limit': '0' }],
    ['a negative used', { ...GOOD, 'quota-used': '-1' }],
    ['a fraction', { ...GOOD, 'quota-used': '9.5' }],
    ['an exponent', { ...GOOD, 'quota-limit': '1e3' }],
    ['hex', { ...GOOD, 'quota-limit': '0x100' }],
    ['words', { ...GOOD, 'quota-limit': 'lots' }],
    ['markup', { ...GOOD, 'quota-used': '<img src=x onerror=alert(1)>' }],
    ['an absurd limit', { ...GOOD, 'quota-limit': '99999999999' }],
    ['a kilobyte of digits', { ...GOOD, 'quota-limit': '9'.repeat(1024) }],
    ['more used than the limit and the refused call', { ...GOOD, 'quota-used': '1002' }],
  ])('drops the figures with %s', (_label, headers) => {
    expect(parse(headers)).toBeUndefined();
  });

  it.each([
    ['a reset a day in the past', String(NOW - 86_400_000)],
    ['a reset a year ahead', String(NOW + 365 * 86_400_000)],
    ['a reset of year 275760', '8640000000000000'],
    ['a reset that is not a date', 'tomorrow'],
    ['a reset too long to be a date', `${'1'.repeat(13)}${' '.repeat(100)}x`],
    ['a small number', '12'],
  ])('keeps the figures but drops %s', (_label, value) => {
    const quota = parse({ ...GOOD, 'quota-reset-UTC': value });
    expect(quota).toMatchObject({ limit: 1000, used: 940 });
    expect(quota).not.toHaveProperty('resetAt');
  });

  it.each([
    ['an unknown unit', { 'quota-time-unit': 'fortnight' }],
    ['a unit of markup', { 'quota-time-unit': '<b>day</b>' }],
    ['an interval of 0', { 'quota-interval': '0' }],
    ['an absurd interval', { 'quota-interval': '100000' }],
    ['no interval', { 'quota-interval': '' }],
  ])('keeps the figures but drops the period with %s', (_label, change) => {
    const quota = parse({ ...GOOD, ...change });
    expect(quota).toMatchObject({ limit: 1000, used: 940 });
    expect(quota).not.toHaveProperty('unit');
    expect(quota).not.toHaveProperty('interval');
  });
});

describe('checkQuota', () => {
  const stored: Quota = { limit: 1000, used: 940, interval: 1, unit: 'day', resetAt: RESET, seenAt: NOW };

  it('keeps well-formed figures and only the known fields', () => {
    expect(checkQuota({ ...stored, extra: '<script>' })).toEqual(stored);
  });

  it.each([
    ['null', null],
    ['a string', '940/1000'],
    ['used over the limit', { ...stored, used: 1001 }],
    ['a text limit', { ...stored, limit: '1000' }],
    ['an infinite limit', { ...stored, limit: Number.POSITIVE_INFINITY }],
    ['no time seen', { limit: 1, used: 0 }],
  ])('refuses %s', (_label, value) => {
    expect(checkQuota(value)).toBeUndefined();
  });

  it('drops an unknown unit and a reset far from when the figures were seen', () => {
    expect(checkQuota({ ...stored, unit: 'fortnight', resetAt: NOW + 400 * 86_400_000 })).toEqual({ limit: 1000, used: 940, seenAt: NOW });
  });
});

describe('quotaLevel and quotaAt', () => {
  it.each([
    [0, 'ok'],
    [899, 'ok'],
    [900, 'near'],
    [999, 'near'],
    [1000, 'exhausted'],
  ] as const)('%i of 1000 is %s', (used, level) => {
    expect(quotaLevel({ limit: 1000, used })).toBe(level);
  });

  it('counts from zero once the reset has passed', () => {
    const quota: Quota = { limit: 10, used: 10, resetAt: RESET, seenAt: NOW };
    expect(quotaAt(quota, RESET - 1).used).toBe(10);
    expect(quotaAt(quota, RESET).used).toBe(0);
    expect(quotaAt({ limit: 10, used: 10, seenAt: NOW }, RESET + 1).used).toBe(10);
  });

  it('keeps the count of figures whose reset was already due when KPN answered', () => {
    const dueAtAnswer: Quota = { limit: 10, used: 10, resetAt: NOW - 2 * 60_000, seenAt: NOW };
    expect(quotaAt(dueAtAnswer, NOW).used).toBe(10);
    expect(quotaAt(dueAtAnswer, NOW + 60 * 60_000).used).toBe(10);
  });

  it('counts stored figures from zero once a reset that came after them has passed', () => {
    const stored: Quota = { limit: 10, used: 10, resetAt: NOW + 60_000, seenAt: NOW };
    expect(quotaAt(stored, NOW + 59_999).used).toBe(10);
    expect(quotaAt(stored, NOW + 60_000).used).toBe(0);
  });

  it('counts from zero a whole period after figures that gave a period but no reset', () => {
    const daily: Quota = { limit: 10, used: 10, interval: 1, unit: 'day', seenAt: NOW };
    expect(quotaAt(daily, NOW + 86_400_000 - 1).used).toBe(10);
    expect(quotaAt(daily, NOW + 86_400_000).used).toBe(0);
    expect(quotaPeriodMs({ interval: 2, unit: 'hour' })).toBe(7_200_000);
    expect(quotaPeriodMs({ interval: 1, unit: 'month' })).toBe(31 * 86_400_000);
    expect(quotaPeriodMs({ interval: 1 })).toBeUndefined();
  });
});

describe('isRateLimitWindow: figures a short wait brings back', () => {
  const figures = (extra: Partial<Quota>): Quota => ({ limit: 60, used: 60, seenAt: NOW, ...extra });
  it.each<[string, Partial<Quota>, boolean]>([
    ['counted per minute', { interval: 1, unit: 'minute' }, true],
    ['counted per five minutes', { interval: 5, unit: 'minute', resetAt: NOW + 1000 }, false],
    ['no period, reset in a minute', { resetAt: NOW + 60_000 }, true],
    ['no period, reset further off', { resetAt: NOW + 60_001 }, false],
    ['no period, reset due now', { resetAt: NOW }, false],
    ['no period, reset passed', { resetAt: NOW - 1000 }, false],
    ['no period, no reset', {}, false],
  ])('%s: %s', (_label, extra, expected) => {
    expect(isRateLimitWindow(figures(extra), NOW)).toBe(expected);
  });
});

describe('asQuotaRefusal: "quota used up" only when no short wait helps', () => {
  const slowDown = () => new PimError('rate-limited', { status: 429, retryAfterSeconds: 30, transactionId: 'tx', serverMessage: 'Rate limit quota violation' });
  const used = (extra: Partial<Quota>): Quota => ({ limit: 60, used: 60, seenAt: NOW, ...extra });
  const codeOf = (quota: Quota | undefined, at = NOW) => (asQuotaRefusal(slowDown(), quota, at) as PimError).code;

  it.each<[string, Quota, string]>([
    ['a per-minute quota used up is a rate limit', used({ interval: 1, unit: 'minute', resetAt: NOW + 30_000 }), 'rate-limited'],
    ['a five-minute quota used up is a quota', used({ interval: 5, unit: 'minute', resetAt: NOW + 30_000 }), 'quota-used-up-until'],
    ['a daily quota used up is a quota', used({ interval: 1, unit: 'day', resetAt: NOW + 3_600_000 }), 'quota-used-up-until'],
    ['no period, and a reset within a minute, is a rate limit', used({ resetAt: NOW + 60_000 }), 'rate-limited'],
    ['no period, and a reset further off, is a quota', used({ resetAt: NOW + 60_001 }), 'quota-used-up-until'],
    ['no period and no reset, seen just now, is a quota', used({}), 'quota-used-up'],
    ['figures that leave calls are no quota refusal', used({ used: 59, interval: 1, unit: 'day' }), 'rate-limited'],
    ['a daily quota whose reset was already due at the answer has no time to name', used({ interval: 1, unit: 'day', resetAt: NOW - 1000 }), 'quota-used-up'],
    ['a daily quota whose reset is due this very moment has no time to name', used({ interval: 1, unit: 'day', resetAt: NOW }), 'quota-used-up'],
    ['no period and a reset already due, seen just now, is a quota believed for a minute', used({ resetAt: NOW - 1000 }), 'quota-used-up'],
  ])('%s', (_label, quota, code) => {
    expect(codeOf(quota)).toBe(code);
  });

  it('believes figures with no period and a reset already due for a minute only, as if they had no reset', () => {
    expect(codeOf(used({ resetAt: NOW }), NOW + 59_999)).toBe('quota-used-up');
    expect(codeOf(used({ resetAt: NOW }), NOW + 60_000)).toBe('rate-limited');
  });

  it('believes stored figures with neither period nor reset for a minute only', () => {
    expect(codeOf(used({}), NOW + 59_999)).toBe('quota-used-up');
    expect(codeOf(used({}), NOW + 60_000)).toBe('rate-limited');
  });

  it('believes stored daily figures without a reset until a day has passed', () => {
    const daily = used({ interval: 1, unit: 'day' });
    expect(codeOf(daily, NOW + 86_400_000 - 1)).toBe('quota-used-up');
    expect(codeOf(daily, NOW + 86_400_000)).toBe('rate-limited');
  });

  it('takes a spike arrest for what it says over stored figures, not over the figures it came with', () => {
    const daily = used({ interval: 1, unit: 'day', resetAt: NOW + 3_600_000 });
    for (const serverMessage of ['Spike arrest violation. Allowed rate : MessageRate{messagesPerPeriod=10}', 'SpikeArrest policy refused']) {
      const spike = new PimError('rate-limited', { status: 429, serverMessage });
      expect(asQuotaRefusal(spike, daily, NOW, 'stored')).toBe(spike);
      expect((asQuotaRefusal(spike, daily, NOW, 'answer') as PimError).code).toBe('quota-used-up-until');
    }
    const quota = new PimError('rate-limited', { status: 429, serverMessage: 'Rate limit quota violation. Quota limit of 1000 per day exceeded.' });
    expect((asQuotaRefusal(quota, daily, NOW, 'stored') as PimError).code).toBe('quota-used-up-until');
  });

  it('keeps the status, transaction ID, wait and KPN’s words, and leaves other errors alone', () => {
    const refusal = asQuotaRefusal(slowDown(), used({ interval: 1, unit: 'day', resetAt: NOW + 3_600_000 }), NOW) as PimError;
    expect(refusal).toMatchObject({ status: 429, transactionId: 'tx', retryAfterSeconds: 30, serverMessage: 'Rate limit quota violation', params: { resetAt: NOW + 3_600_000 } });
    const other = new PimError('server-error');
    expect(asQuotaRefusal(other, used({}), NOW)).toBe(other);
    expect(codeOf(undefined)).toBe('rate-limited');
  });
});
