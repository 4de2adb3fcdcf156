import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../src/core/retry-after';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    [{ 'Retry-After': '5' }, 5],
    [{ 'Retry-After': ' 0 ' }, 0],
    [{ 'Retry-After': '1.2' }, 2],
    [{ 'Retry-After': 'Wed, 01 Jan 2025 12:00:30 GMT' }, 30],
    [{ 'Retry-After': 'Wed, 01 Jan 2025 11:00:00 GMT' }, 0],
    [{ 'Retry-After': 'soon' }, undefined],
    [{ 'Retry-After': '5 apples' }, undefined],
    [{ 'Retry-After': '-5' }, undefined],
    [{ 'Retry-After': '' }, undefined],
    [{ 'quota-reset-UTC': String(NOW + 7_000) }, 7],
    [{ 'quota-reset-UTC': String(Math.floor(NOW / 1000) + 9) }, 9],
    [{ 'quota-reset-UTC': '2025-01-01T12:00:20Z' }, 20],
    [{ 'quota-reset-UTC': 'Wed, 01 Jan 2025 12:00:04 GMT' }, 4],
    [{ 'quota-reset-UTC': '12' }, undefined],
    [{ 'quota-reset-UTC': 'tomorrow' }, undefined],
    [{ 'Retry-After': '3', 'quota-reset-UTC': String(NOW + 60_000) }, 3],
    [{ 'Retry-After': 'bad', 'quota-reset-UTC': String(NOW + 60_000) }, 60],
    [{}, undefined],
  ])('%j → %s', (headers, expected) => {
    expect(parseRetryAfter(new Headers(headers), NOW)).toBe(expected);
  });

  it.each([
    ['a fraction of more than one digit', { 'Retry-After': '1.25' }, 2],
    ['an HTTP date with text after it', { 'Retry-After': 'Wed, 01 Jan 2025 12:00:30 GMT junk' }, undefined],
    ['an HTTP date with text before it', { 'Retry-After': 'x Wed, 01 Jan 2025 12:00:30 GMT' }, undefined],
    ['an HTTP-date-shaped string that is no date', { 'Retry-After': 'Wed, 45 Foo 2025 12:00:30 GMT' }, undefined],
  ])('Retry-After: %s', (_label, headers, expected) => {
    expect(parseRetryAfter(new Headers(headers), NOW)).toBe(expected);
  });

  it.each([
    ['exactly 1e12 is epoch milliseconds (long past)', '1000000000000', 0],
    ['exactly 1e9 is epoch seconds (long past)', '1000000000', 0],
    ['just under 1e9 is neither', '999999999', undefined],
    ['a signed number is not a time', `+${Math.floor(NOW / 1000) + 9}`, undefined],
    ['a date V8 understands but no standard writes', 'Jan 1 2025 12:00:20 GMT', undefined],
    ['an ISO date without seconds', '2025-01-01T12:01Z', 60],
    ['an ISO date with milliseconds', '2025-01-01T12:00:20.500Z', 21],
    ['an ISO date with an offset', '2025-01-01T13:00:20+01:00', 20],
    ['an ISO date with an offset without colon', '2025-01-01T13:00:20+0100', 20],
    ['an ISO-shaped string that is no date', '2025-13-45T12:00:00Z', undefined],
  ])('quota-reset-UTC: %s', (_label, value, expected) => {
    expect(parseRetryAfter(new Headers({ 'quota-reset-UTC': value }), NOW)).toBe(expected);
  });
});

describe('waits nobody would believe', () => {
  it.each([
    ['a month of seconds', String(31 * 24 * 3600), 31 * 24 * 3600],
    ['one second more', String(31 * 24 * 3600 + 1), undefined],
    ['eleven digits', '99999999999', undefined],
    ['a date in the next century', 'Fri, 01 Jan 2100 00:00:00 GMT', undefined],
  ])('Retry-After: %s', (_label, value, expected) => {
    expect(parseRetryAfter(new Headers({ 'Retry-After': value }), NOW)).toBe(expected);
  });
});
