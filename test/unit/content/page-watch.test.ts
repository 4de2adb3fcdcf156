// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, DOM_DEBOUNCE_MS, DOM_MAX_WAIT_MS, watchPage } from '../../../src/content/page-watch';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** The fake clock at each call of the returned function. */
function stamps(): { fn: () => void; at: number[] } {
  const at: number[] = [];
  return { fn: () => at.push(Date.now()), at };
}

const gaps = (at: number[]) => at.slice(1).map((t, i) => t - (at[i] as number));

describe('debounce', () => {
  it('answers a burst once, after it has been quiet for the wait', () => {
    const { fn, at } = stamps();
    const call = debounce(fn, 100, 500);
    const start = Date.now();
    for (let i = 0; i < 5; i++) {
      call();
      vi.advanceTimersByTime(20);
    }
    expect(at).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(at).toEqual([start + 80 + 100]);
  });

  it('answers calls that never stop at least every maxWait', () => {
    const { fn, at } = stamps();
    const call = debounce(fn, 100, 500);
    const start = Date.now();
    for (let t = 0; t < 2900; t += 5) {
      call();
      vi.advanceTimersByTime(5);
    }
    expect(at).toEqual([500, 1000, 1500, 2000, 2500].map((t) => start + t));
    // And once they stop, the last of them is answered too.
    vi.advanceTimersByTime(100);
    expect(at).toHaveLength(6);
    expect(at[5]).toBe(start + 2895 + 100);
  });

  it('without maxWait waits for quiet, however long that takes', () => {
    const { fn, at } = stamps();
    const call = debounce(fn, 100);
    for (let t = 0; t < 3000; t += 5) {
      call();
      vi.advanceTimersByTime(5);
    }
    expect(at).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(at).toHaveLength(1);
  });

  it('cancel drops what is pending, the deadline included', () => {
    const { fn, at } = stamps();
    const call = debounce(fn, 100, 500);
    call();
    call.cancel();
    vi.advanceTimersByTime(1000);
    expect(at).toEqual([]);
  });
});

describe('watchPage', () => {
  it('reports DOM changes at least every DOM_MAX_WAIT_MS on a page that changes every few milliseconds', async () => {
    document.body.innerHTML = '<output id="clock"></output>';
    const clock = document.getElementById('clock') as HTMLElement;
    const { fn, at } = stamps();
    const stop = watchPage({ urlChanged: vi.fn(), domChanged: fn }, window);
    const start = Date.now();
    for (let tick = 0; tick < 600; tick++) {
      clock.textContent = String(tick);
      await vi.advanceTimersByTimeAsync(5);
    }
    expect(at.length).toBeGreaterThanOrEqual(Math.floor(3000 / DOM_MAX_WAIT_MS) - 1);
    for (const gap of gaps([start, ...at])) expect(gap).toBeLessThanOrEqual(DOM_MAX_WAIT_MS + DOM_DEBOUNCE_MS);
    stop();
  });
});
