import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TIMED_OUT, withinTimeLimit } from '../../../src/popup/time-limit';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('withinTimeLimit', () => {
  it('gives the result when the work ends in time', async () => {
    const result = withinTimeLimit(new Promise((resolve) => setTimeout(() => resolve('scan'), 999)), 1000);
    await vi.advanceTimersByTimeAsync(999);
    await expect(result).resolves.toBe('scan');
  });

  it('gives TIMED_OUT when the work never ends, and drops what comes later', async () => {
    let finish: (value: string) => void = () => undefined;
    const result = withinTimeLimit(new Promise<string>((resolve) => (finish = resolve)), 1000);
    await vi.advanceTimersByTimeAsync(1000);
    finish('late');
    await expect(result).resolves.toBe(TIMED_OUT);
  });

  it('passes a failure through', async () => {
    await expect(withinTimeLimit(Promise.reject(new Error('no access')), 1000)).rejects.toThrow('no access');
  });
});
