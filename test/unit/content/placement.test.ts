// @vitest-environment happy-dom
// The placement shell: what every mode shares (host, toolbar, scannability badge) and its one
// AbortController, whose abort on removal must leave nothing of the placement listening.
import '../happy-dom-fixes';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createController } from '../../../src/content/controller';
import { ICONS } from '../../../src/content/own-elements';
import { createPlacement, type Placement, type PlacementEvents } from '../../../src/content/placement';
import { prepareSvg } from '../../../src/content/svg-image';
import { renderSandboxSvg } from '../../../src/core/sandbox/render';
import type { PlacementSpec } from '../../../src/shared/placement-messages';
import { trackListeners } from './live-listeners';
import { captureShadowRoots, dispatchTrusted } from './trusted-events';

const svg = renderSandboxSvg({ redirect: 1, title: '', description: '', attributes: ['Email'], width: 240, height: 240 });
const spec = (over: Partial<PlacementSpec> = {}): PlacementSpec => ({ id: 'p1', svg, mode: 'floating', remembered: false, position: { x: 50, y: 60 }, size: { width: 200, height: 200 }, ...over });
const slot = () => document.getElementById('slot') as HTMLElement;
const key = (name: string, shiftKey = false) => new KeyboardEvent('keydown', { key: name, shiftKey, bubbles: true, composed: true, cancelable: true });
const pointer = (type: string, clientX: number) => new PointerEvent(type, { button: 0, pointerId: 1, clientX, clientY: 10, bubbles: true, composed: true });

let shadowOf: (host: Element) => ShadowRoot;
let placed: Placement[] = [];

beforeEach(() => {
  document.body.innerHTML = '<main id="app"><div id="slot" style="display: flex">PiM QR code</div></main>';
  shadowOf = captureShadowRoots();
});

afterEach(() => {
  vi.useRealTimers();
  for (const placement of placed) placement.remove();
  placed = [];
});

function place(over: Partial<PlacementSpec> = {}) {
  const events = { removed: vi.fn<PlacementEvents['removed']>(), changed: vi.fn<PlacementEvents['changed']>() };
  const target = over.mode && over.mode !== 'floating' ? slot() : undefined;
  const placement = createPlacement(spec(over), prepareSvg(document, svg), target, events, window);
  placed.push(placement);
  const root = shadowOf(placement.host);
  const control = <E extends Element>(selector: string) => root.querySelector(selector) as E;
  return { placement, events, root, control };
}

describe('placement shell', () => {
  it('draws its icons as SVG, so no emoji font is needed', () => {
    const { control } = place();
    const remove = control<HTMLButtonElement>('button[aria-label="Remove QR"]');
    expect(remove.textContent).toBe('');
    expect(remove.querySelector('svg.icon[aria-hidden="true"] path')?.getAttribute('d')).toBe(ICONS.remove);
    const pin = control<HTMLButtonElement>('button[aria-label="Pin to element"]');
    expect(pin.textContent).toBe('');
    expect(pin.querySelector('svg.icon path')?.getAttribute('d')).toBe(ICONS.pin);
  });

  it('removes itself on the person’s click on ✕ or Delete, and not on a page script’s', () => {
    const { placement, events, control } = place();
    const remove = control<HTMLButtonElement>('button[aria-label="Remove QR"]');
    remove.click();
    placement.host.dispatchEvent(key('Delete'));
    expect(placement.host.isConnected).toBe(true);
    dispatchTrusted(remove, new MouseEvent('click', { bubbles: true }));
    expect(placement.host.isConnected).toBe(false);
    expect(events.removed).toHaveBeenCalledExactlyOnceWith(placement, true);

    const second = place({ id: 'p2' });
    dispatchTrusted(window, key('Tab'));
    second.placement.host.focus();
    dispatchTrusted(second.placement.host, key('Backspace'));
    expect(second.events.removed).toHaveBeenCalledExactlyOnceWith(second.placement, true);
  });

  it('fades as the person moves the opacity slider and reports the opacity when they let go', () => {
    const { placement, events, control } = place({ opacity: 0.5 });
    const opacity = control<HTMLInputElement>('input[aria-label="Opacity"]');
    expect(opacity.value).toBe('50');
    opacity.value = '30';
    dispatchTrusted(opacity, new Event('input', { bubbles: true }));
    expect(placement.host.style.getPropertyValue('opacity')).toBe('0.3');
    expect(events.changed).not.toHaveBeenCalled();
    dispatchTrusted(opacity, new Event('change', { bubbles: true }));
    expect(events.changed).toHaveBeenCalledExactlyOnceWith(placement, { opacity: 0.3 });
    expect(placement.spec.opacity).toBe(0.3);
  });

  it('says on its badge and to assistive technology how well it will scan, once its first frame is painted', async () => {
    const { placement, control } = place();
    // Measuring would hold the QR's first frame back.
    expect(placement.host.hasAttribute('data-scan')).toBe(false);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    // happy-dom lays nothing out, so the QR has no size: a phone could not scan it.
    expect(placement.host.getAttribute('data-scan')).toBe('hidden');
    expect(placement.host.getAttribute('aria-description')).toMatch(/^0×0 CSS px · 0×0 device px\. /);
    expect(control('.badge').textContent).toMatch(/^0×0 CSS px/);
    expect(control('.alert').classList.contains('on')).toBe(true);
  });

  it('answers its modes’ isIntact, info and restore', () => {
    const replaced = place({ mode: 'replace', selector: '#slot' });
    expect(replaced.placement.info()).toEqual({ id: 'p1', size: { width: 200, height: 200 }, selector: '#slot' });
    expect(replaced.placement.isIntact()).toBe(true);
    replaced.placement.remove();
    expect(replaced.events.removed).toHaveBeenCalledExactlyOnceWith(replaced.placement, false);
    expect(slot().style.getPropertyValue('display')).toBe('flex');
    expect(replaced.placement.isIntact()).toBe(false);
  });

  it.each(['floating', 'replace', 'inside'] as const)('leaves no listener behind once removed (%s)', (mode) => {
    const listeners = trackListeners();
    const { placement } = place({ mode, selector: '#slot' });
    expect(listeners.on(window)).toEqual(['keydown', 'resize', 'scroll']);
    expect(listeners.on(placement.host).length).toBeGreaterThan(0);
    placement.remove();
    expect(listeners.count()).toBe(0);
  });

  it('does nothing for anything that happens after it was removed', () => {
    vi.useFakeTimers();
    const { placement, events, control } = place({ remembered: true });
    const { host } = placement;
    const controls = {
      remove: control<HTMLButtonElement>('button[aria-label="Remove QR"]'),
      opacity: control<HTMLInputElement>('input[aria-label="Opacity"]'),
      pin: control<HTMLButtonElement>('button[aria-label="Pin to element"]'),
      resize: control<HTMLButtonElement>('button[aria-label="Resize QR"]'),
      frame: control<HTMLElement>('.frame'),
    };
    dispatchTrusted(window, key('Tab'));
    host.focus();
    placement.remove(true);
    vi.runAllTimers();
    const look = () => [host.getAttribute('style'), host.getAttribute('aria-description'), controls.pin.getAttribute('aria-pressed')];
    const before = look();
    dispatchTrusted(window, new Event('scroll'));
    dispatchTrusted(window, new Event('resize'));
    dispatchTrusted(window, key('Tab'));
    dispatchTrusted(host, pointer('pointerdown', 0));
    host.focus();
    dispatchTrusted(controls.remove, new MouseEvent('click', { bubbles: true }));
    controls.opacity.value = '20';
    dispatchTrusted(controls.opacity, new Event('input', { bubbles: true }));
    dispatchTrusted(controls.opacity, new Event('change', { bubbles: true }));
    dispatchTrusted(controls.pin, new MouseEvent('click', { bubbles: true }));
    dispatchTrusted(controls.resize, key('ArrowRight', true));
    for (const name of ['ArrowLeft', 'Delete']) dispatchTrusted(host, key(name));
    dispatchTrusted(controls.frame, pointer('pointerdown', 0));
    dispatchTrusted(controls.frame, pointer('pointermove', 90));
    dispatchTrusted(controls.frame, pointer('pointerup', 90));

    expect(vi.getTimerCount()).toBe(0);
    expect(look()).toEqual(before);
    expect(events.changed).not.toHaveBeenCalled();
    expect(events.removed).toHaveBeenCalledOnce();
  });

  it('leaks no listeners when the page renders the element of a remembered QR again and again', async () => {
    const listeners = trackListeners();
    const remembered = spec({ id: 'r1', mode: 'replace', selector: '#slot', remembered: true, position: undefined });
    const send = vi.fn(async (name: string) => (name === 'content-bg-restore' ? [remembered] : {}));
    const controller = createController(send as never, window);
    controller.start();
    const placed = () => document.querySelector('[data-pim-qr-placement]');
    await vi.waitFor(() => expect(placed()).not.toBeNull());
    const settled = { window: listeners.on(window), count: listeners.count() };
    for (let render = 0; render < 5; render++) {
      const previous = placed();
      (document.getElementById('app') as HTMLElement).innerHTML = '<div id="slot">PiM QR code</div>';
      await vi.waitFor(() => expect(placed()).not.toBe(previous));
      await vi.waitFor(() => expect(placed()).not.toBeNull());
    }
    expect(listeners.on(window)).toEqual(settled.window);
    expect(listeners.count()).toBe(settled.count);
    controller.dispose();
  });
});
