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
});
