// @vitest-environment happy-dom
// Restoring remembered placements on a page that does not cooperate: an element that is late, never
// comes, or is rendered again and again while the page never stops changing.
import '../happy-dom-fixes';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createController } from '../../../src/content/controller';
import { DOM_DEBOUNCE_MS, DOM_MAX_WAIT_MS } from '../../../src/content/page-watch';
import { RETRY_MAX_MISSES, RETRY_MAX_MS, retryDelay } from '../../../src/content/retries';
import type * as svgImage from '../../../src/content/svg-image';
import { prepareSvg } from '../../../src/content/svg-image';
import { renderSandboxSvg } from '../../../src/core/sandbox/render';
import type { PlacementSpec } from '../../../src/shared/placement-messages';

vi.mock('../../../src/content/svg-image', async (importOriginal) => {
  const actual = await importOriginal<typeof svgImage>();
  return { ...actual, prepareSvg: vi.fn(actual.prepareSvg) };
});

const svg = renderSandboxSvg({ redirect: 1, title: '', description: '', attributes: ['Email'], width: 240, height: 240 });
const remembered = (over: Partial<PlacementSpec> = {}): PlacementSpec => ({ id: 'r1', svg, mode: 'replace', selector: '#pim-qr-slot', remembered: true, ...over });

let dispose: (() => void) | undefined;

function start(specs: PlacementSpec[]) {
  const send = vi.fn(async (name: string) => (name === 'content-bg-restore' ? specs.map((s) => ({ ...s })) : { updated: true }));
  const controller = createController(send as never, window);
  dispose = controller.dispose;
  controller.start();
  return { controller, send };
}

const app = () => document.getElementById('app') as HTMLElement;
const slot = () => document.getElementById('pim-qr-slot');
/** The remembered QR stands right before the slot, which it hides. */
const inPlace = () => {
  const target = slot();
  return Boolean(target && target.style.getPropertyValue('display') === 'none' && target.previousElementSibling?.getAttribute('data-pim-qr-placement') === 'r1');
};
const renderSlot = () => app().replaceChildren(Object.assign(document.createElement('div'), { id: 'pim-qr-slot', textContent: 'PiM QR code' }));

/** Fake-clock times at which the controller looked for `selector`. */
function lookups(selector: string): number[] {
  const at: number[] = [];
  const query = document.querySelector.bind(document);
  vi.spyOn(document, 'querySelector').mockImplementation((s: string) => {
    if (s === selector) at.push(Date.now());
    return query(s);
  });
  return at;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.mocked(prepareSvg).mockClear();
  history.replaceState(null, '', '/login');
  document.body.innerHTML = '<main id="app"><p>Loading…</p></main>';
});

afterEach(() => {
  dispose?.();
  dispose = undefined;
  vi.useRealTimers();
});

describe('restoring remembered placements', () => {
  it('looks for the element before any SVG work, and prepares each remembered SVG once', async () => {
    start([remembered()]);
    await vi.advanceTimersByTimeAsync(0);
    // The slot is not rendered yet: tries and DOM changes cost no SVG parsing.
    for (let i = 0; i < 5; i++) {
      app().append(document.createElement('span'));
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(prepareSvg).not.toHaveBeenCalled();

    // Found at its next turn at the latest.
    renderSlot();
    await vi.advanceTimersByTimeAsync(RETRY_MAX_MS);
    expect(inPlace()).toBe(true);
    // The framework renders the slot again, three times: each time the QR follows, from the same preparation.
    for (let i = 0; i < 3; i++) {
      const old = slot();
      renderSlot();
      expect(slot()).not.toBe(old);
      await vi.advanceTimersByTimeAsync(DOM_DEBOUNCE_MS);
      expect(inPlace()).toBe(true);
    }
    expect(document.querySelectorAll('[data-pim-qr-placement]')).toHaveLength(1);
    expect(prepareSvg).toHaveBeenCalledTimes(1);
  });

  it('prepares an SVG that cannot be shown once, and does not try it again', async () => {
    renderSlot();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    start([remembered({ svg: '<p>not a QR code</p>' })]);
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 5; i++) {
      renderSlot();
      await vi.advanceTimersByTimeAsync(DOM_MAX_WAIT_MS);
    }
    expect(prepareSvg).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('puts the QR back on a page that changes every few milliseconds, within DOM_MAX_WAIT_MS', async () => {
    renderSlot();
    start([remembered()]);
    await vi.advanceTimersByTimeAsync(0);
    expect(inPlace()).toBe(true);
    const clock = document.createElement('output');
    document.body.append(clock);
    let ticks = 0;
    const tick = setInterval(() => {
      clock.textContent = String(++ticks);
    }, 5);
    for (let round = 0; round < 3; round++) {
      await vi.advanceTimersByTimeAsync(777);
      renderSlot();
      expect(inPlace()).toBe(false);
      await vi.advanceTimersByTimeAsync(DOM_MAX_WAIT_MS);
      expect(inPlace()).toBe(true);
    }
    clearInterval(tick);
    expect(ticks).toBeGreaterThan(600);
  });

  it('looks less and less often for an element that never comes, then stops until the address changes', async () => {
    const at = lookups('#never');
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    start([remembered({ selector: '#never' })]);
    await vi.advanceTimersByTimeAsync(0);
    const first = at[0] as number;
    expect(at).toEqual([first]);
    // The page keeps changing all along: that does not make it look more often.
    const clock = document.createElement('output');
    document.body.append(clock);
    let ticks = 0;
    const tick = setInterval(() => {
      clock.textContent = String(++ticks);
    }, 20);
    await vi.advanceTimersByTimeAsync(60_000);
    clearInterval(tick);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    const expected = [first];
    for (let miss = 1; miss < RETRY_MAX_MISSES; miss++) expected.push((expected.at(-1) as number) + retryDelay(miss));
    expect(at).toEqual(expected);
    expect(at.slice(0, 6).map((t) => t - first)).toEqual([0, 250, 750, 1750, 3750, 5750]);
    expect((at.at(-1) as number) - first).toBe(33_750);
    expect(info).toHaveBeenCalledOnce();

    // A single-page-app route change: the restore asks again, and the looking starts over.
    history.pushState(null, '', '/login/again');
    await vi.advanceTimersByTimeAsync(500);
    expect(at.length).toBeGreaterThan(RETRY_MAX_MISSES);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(at).toHaveLength(2 * RETRY_MAX_MISSES);
    expect(info).toHaveBeenCalledTimes(2);
  });

  it('finds a late element at its next turn, even when the page watcher saw no change', async () => {
    const selector = '[data-role="qr"]';
    const at = lookups(selector);
    // Through the body: document.querySelector counts the controller's lookups.
    const target = () => document.body.querySelector(selector);
    const placed = () => target()?.previousElementSibling?.getAttribute('data-pim-qr-placement') === 'r1';
    start([remembered({ selector })]);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(250 + 500 + 1000);
    expect(at).toHaveLength(4);
    const late = Object.assign(document.createElement('div'), { textContent: 'PiM QR code' });
    app().replaceChildren(late);
    await vi.advanceTimersByTimeAsync(DOM_MAX_WAIT_MS);
    // An attribute the page watcher does not observe: only the next turn can find the element.
    late.setAttribute('data-role', 'qr');
    await vi.advanceTimersByTimeAsync(DOM_MAX_WAIT_MS);
    expect(placed()).toBe(false);
    await vi.advanceTimersByTimeAsync(RETRY_MAX_MS);
    expect(placed()).toBe(true);
    expect(at).toHaveLength(5);

    // Found: when it goes again, the looking starts over from the shortest delay.
    app().replaceChildren();
    await vi.advanceTimersByTimeAsync(DOM_DEBOUNCE_MS);
    expect(at).toHaveLength(6);
    const missedAt = at.at(-1) as number;
    app().replaceChildren(Object.assign(document.createElement('div'), { textContent: 'PiM QR code' }));
    (app().firstElementChild as HTMLElement).setAttribute('data-role', 'qr');
    await vi.advanceTimersByTimeAsync(retryDelay(1));
    expect(placed()).toBe(true);
    expect((at.at(-1) as number) - missedAt).toBe(retryDelay(1));
  });
});
