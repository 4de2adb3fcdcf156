// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createController } from '../../../src/content/controller';
import { PimError } from '../../../src/core/errors';
import { renderSandboxSvg } from '../../../src/core/sandbox/render';
import { workerToContent } from '../../../src/shared/contracts/worker-to-content';
import type { PlacementSpec } from '../../../src/shared/placement-messages';
import { captureShadowRoots, dispatchTrusted } from './trusted-events';

const svg = renderSandboxSvg({ redirect: 1, title: '', description: '', attributes: ['Email'], width: 240, height: 240 });
const spec = (over: Partial<PlacementSpec> = {}): PlacementSpec => ({ id: 'p1', svg, mode: 'floating', remembered: false, ...over });

function setup(restored: PlacementSpec[] = []) {
  const send = vi.fn(async (name: string) => (name === 'content-bg-restore' ? restored : { updated: true, forgotten: true, remembered: true }));
  const controller = createController(send as never, window);
  return { controller, send };
}

const hosts = () => document.querySelectorAll('[data-pim-qr-placement]');
let shadowOf: (host: Element) => ShadowRoot;
const control = <E extends Element>(host: Element, selector: string) => shadowOf(host).querySelector(selector) as E;

beforeEach(() => {
  document.body.innerHTML = '<main id="app"><div id="pim-qr-slot" style="display: flex">PiM QR code</div></main>';
  shadowOf = captureShadowRoots();
});

afterEach(() => {
  vi.useRealTimers();
  document.querySelectorAll('[data-pim-qr-placement], [data-pim-qr-ui]').forEach((e) => e.remove());
});

describe('controller', () => {
  it('answers exactly the messages the worker → content contract declares', () => {
    expect(Object.keys(setup().controller.handlers).sort()).toEqual(Object.keys(workerToContent).sort());
  });

  it('refuses an order made for another address (the tab navigated meanwhile) and draws nothing', async () => {
    const { controller } = setup();
    const here = new URL(location.href);
    const elsewhere = [`${here.origin}${here.pathname}?b`, 'http://localhost:1/plain.html', `${here.origin}/other`];
    for (const page of elsewhere) {
      await expect(controller.handlers['bg-content-place']({ ...spec(), page }, undefined as never)).rejects.toMatchObject({ code: 'page-changed' });
      await expect(controller.handlers['bg-content-pick']({ ...spec({ id: 'k1' }), page }, undefined as never)).rejects.toMatchObject({ code: 'page-changed' });
      await expect(
        controller.handlers['bg-content-place-at-context-target']({ spec: { ...spec(), page }, how: 'over', hints: {} }, undefined as never),
      ).rejects.toMatchObject({ code: 'page-changed' });
    }
    expect(hosts()).toHaveLength(0);
    expect(document.querySelector('[data-pim-qr-ui]')).toBeNull();
  });

  it('takes an order made for its own address, also one that only adds an anchor', async () => {
    const { controller } = setup();
    await controller.handlers['bg-content-place']({ ...spec(), page: `${location.href.split('#')[0]}#later` }, undefined as never);
    expect(hosts()).toHaveLength(1);
  });

  it('places a floating QR in a closed shadow root with its named controls', async () => {
    const { controller } = setup();
    const info = await controller.handlers['bg-content-place'](spec());
    expect(info).toMatchObject({ id: 'p1', size: { width: 240, height: 240 } });
    const host = hosts()[0] as HTMLElement;
    expect(host.getAttribute('role')).toBe('group');
    expect(host.getAttribute('aria-label')).toBe('PiM QR placement');
    expect(host.tabIndex).toBe(0);
    expect(host.style.getPropertyPriority('all')).toBe('important');
    // What a page script sees: no shadow root to look into.
    expect(host.shadowRoot).toBeNull();
    const root = shadowOf(host);
    expect(root.mode).toBe('closed');
    expect(root.querySelector('button[aria-label="Remove QR"]')).not.toBeNull();
    expect(root.querySelector('input[type="range"][aria-label="Opacity"]')).not.toBeNull();
    expect(root.querySelector('button[aria-label="Pin to element"]')).not.toBeNull();
    expect(root.querySelector('button[aria-label="Resize QR"]')).not.toBeNull();
    const image = root.querySelector('.image') as Element;
    expect(image.shadowRoot).toBeNull();
    expect(shadowOf(image).mode).toBe('closed');
    expect(shadowOf(image).querySelector('svg[role="img"]')).not.toBeNull();
  });

  it('places the same id once, however often it is asked', async () => {
    const { controller } = setup();
    await controller.handlers['bg-content-place'](spec());
    await controller.handlers['bg-content-place'](spec());
    expect(hosts()).toHaveLength(1);
  });

  it('replaces an element by selector and gives it back on remove', async () => {
    const { controller } = setup();
    const slot = document.getElementById('pim-qr-slot') as HTMLElement;
    await controller.handlers['bg-content-place'](spec({ mode: 'replace', selector: '#pim-qr-slot' }));
    expect(slot.style.getPropertyValue('display')).toBe('none');
    expect(slot.previousElementSibling?.hasAttribute('data-pim-qr-placement')).toBe(true);
    await controller.handlers['bg-content-remove']({ ids: ['p1'] });
    expect(hosts()).toHaveLength(0);
    expect(slot.style.getPropertyValue('display')).toBe('flex');
  });

  it('inserts inside an element', async () => {
    const { controller } = setup();
    await controller.handlers['bg-content-place'](spec({ mode: 'inside', selector: '#pim-qr-slot' }));
    expect(document.getElementById('pim-qr-slot')?.lastElementChild?.hasAttribute('data-pim-qr-placement')).toBe(true);
  });

  it.each([
    ['a selector that matches nothing', '#nope', { code: 'selector-no-match', params: { selector: '#nope' } }],
    ['an invalid selector', 'div[', { code: 'selector-invalid', params: { selector: 'div[' } }],
    ['the head', 'head', { code: 'pick-outside-page' }],
  ])('refuses %s with a clear error', async (_name, selector, expected) => {
    const { controller } = setup();
    const error = await controller.handlers['bg-content-place'](spec({ mode: 'replace', selector })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PimError);
    expect(error).toMatchObject(expected);
    expect(hosts()).toHaveLength(0);
  });

  it('tells the background when the user removes a remembered placement, not when the page does', async () => {
    const { controller, send } = setup();
    await controller.handlers['bg-content-place'](spec({ remembered: true }));
    dispatchTrusted(control(hosts()[0] as Element, 'button[aria-label="Remove QR"]'), new MouseEvent('click', { bubbles: true }));
    expect(hosts()).toHaveLength(0);
    expect(send).toHaveBeenCalledWith('content-bg-placement-removed', { url: location.href, id: 'p1' });
    await controller.handlers['bg-content-place'](spec({ id: 'p2' }));
    dispatchTrusted(control(hosts()[0] as Element, 'button[aria-label="Remove QR"]'), new MouseEvent('click', { bubbles: true }));
    expect(hosts()).toHaveLength(0);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('ignores a person’s keys when the page, not the person, put the focus on the QR', async () => {
    vi.useFakeTimers();
    const { controller, send } = setup();
    await controller.handlers['bg-content-place'](spec({ remembered: true, position: { x: 50, y: 60 }, size: { width: 200, height: 200 } }));
    const host = hosts()[0] as HTMLElement;
    // The page moves the focus while the person types in its search box.
    host.focus();
    for (const key of ['ArrowLeft', 'ArrowUp', 'Backspace', 'Delete']) {
      dispatchTrusted(host, new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect([...hosts()]).toEqual([host]);
    expect([host.style.left, host.style.top]).toEqual(['50px', '60px']);
    expect(send).not.toHaveBeenCalled();
    // A press on the QR, which the page had focused, makes that focus the person's: now Delete removes it.
    dispatchTrusted(host, new PointerEvent('pointerdown', { button: 0, pointerId: 1, bubbles: true, composed: true }));
    dispatchTrusted(host, new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, composed: true, cancelable: true }));
    expect(hosts()).toHaveLength(0);
  });

  it('ignores clicks, keys and drags a page script makes up, and answers the same input from a person', async () => {
    vi.useFakeTimers();
    const { controller, send } = setup();
    await controller.handlers['bg-content-place'](spec({ remembered: true, position: { x: 50, y: 60 }, size: { width: 200, height: 200 } }));
    const host = hosts()[0] as HTMLElement;
    const frame = control<HTMLElement>(host, '.frame');
    const opacity = control<HTMLInputElement>(host, 'input[aria-label="Opacity"]');
    const pin = control<HTMLButtonElement>(host, 'button[aria-label="Pin to element"]');
    const resize = control<HTMLButtonElement>(host, 'button[aria-label="Resize QR"]');
    const remove = control<HTMLButtonElement>(host, 'button[aria-label="Remove QR"]');
    const box = () => [host.style.left, host.style.top, host.style.width, host.style.height, host.style.opacity];
    const start = box();
    expect(start).toEqual(['50px', '60px', '200px', '200px', '1']);
    const script = [
      () => host.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', shiftKey: true, bubbles: true, composed: true, cancelable: true })),
      () => resize.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true, composed: true })),
      () => {
        frame.dispatchEvent(new PointerEvent('pointerdown', { button: 0, pointerId: 1, clientX: 100, clientY: 100, bubbles: true, composed: true }));
        frame.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: 180, clientY: 100, bubbles: true, composed: true }));
        frame.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, clientX: 180, clientY: 100, bubbles: true, composed: true }));
      },
      () => {
        opacity.value = '10';
        opacity.dispatchEvent(new Event('input', { bubbles: true }));
        opacity.dispatchEvent(new Event('change', { bubbles: true }));
      },
      () => pin.click(),
      () => remove.click(),
      () => host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, composed: true, cancelable: true })),
    ];
    for (const act of script) act();
    await vi.advanceTimersByTimeAsync(1000);
    expect([...hosts()]).toEqual([host]);
    expect(box()).toEqual(start);
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    expect(send).not.toHaveBeenCalled();

    // A person tabs to the QR; the same keys from the keyboard then move it, and the move is reported once the burst ends.
    dispatchTrusted(window, new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    host.focus();
    dispatchTrusted(host, new KeyboardEvent('keydown', { key: 'ArrowLeft', shiftKey: true, bubbles: true, composed: true, cancelable: true }));
    expect(host.style.left).toBe('40px');
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledExactlyOnceWith('content-bg-placement-update', { url: location.href, id: 'p1', position: { x: 40, y: 60 } });
    dispatchTrusted(host, new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, composed: true, cancelable: true }));
    expect(hosts()).toHaveLength(0);
    expect(send).toHaveBeenLastCalledWith('content-bg-placement-removed', { url: location.href, id: 'p1' });
  });

  it('leaves the keys of a focused control inside the placement to that control', async () => {
    const { controller } = setup();
    await controller.handlers['bg-content-place'](spec({ position: { x: 50, y: 60 }, size: { width: 200, height: 200 } }));
    const host = hosts()[0] as HTMLElement;
    const opacity = control<HTMLInputElement>(host, 'input[aria-label="Opacity"]');
    opacity.focus();
    for (const key of ['ArrowLeft', 'ArrowDown', 'Delete', 'Backspace']) {
      dispatchTrusted(opacity, new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    }
    expect([...hosts()]).toEqual([host]);
    expect([host.style.left, host.style.top]).toEqual(['50px', '60px']);
  });

  it('restores remembered placements and puts them back after a re-render', async () => {
    const { controller, send } = setup([spec({ id: 'r1', mode: 'replace', selector: '#pim-qr-slot', remembered: true })]);
    controller.start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(send).toHaveBeenCalledWith('content-bg-restore', { url: location.href });
    // A framework throws the old nodes away and renders new ones.
    (document.getElementById('app') as HTMLElement).innerHTML = '<div id="pim-qr-slot">PiM QR code</div>';
    expect(hosts()).toHaveLength(0);
    await vi.waitFor(() => {
      expect(hosts()).toHaveLength(1);
      expect((document.getElementById('pim-qr-slot') as HTMLElement).style.getPropertyValue('display')).toBe('none');
    });
    controller.dispose();
    expect(hosts()).toHaveLength(0);
  });
});

describe('a pick the worker asked for', () => {
  const key = (name: string) => dispatchTrusted(window, new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  const reports = (send: ReturnType<typeof setup>['send']) => send.mock.calls.filter(([name]) => name !== 'content-bg-restore');

  it('tells the worker the picked element’s selector and what was placed, remembered or not', async () => {
    const { controller, send } = setup();
    expect(await controller.handlers['bg-content-pick'](spec({ id: 'k1', mode: 'inside' }))).toEqual({ picking: true });
    // From the keyboard: the body, its main, the slot; Enter picks.
    for (const name of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter']) key(name);
    expect(document.querySelector('#pim-qr-slot > [data-pim-qr-placement]')).not.toBeNull();
    expect(reports(send)).toEqual([
      ['content-bg-picked', { url: window.location.href, placementId: 'k1', selector: '#pim-qr-slot', info: expect.objectContaining({ id: 'k1' }) }],
    ]);
  });

  it('tells the worker a pick that could not place the QR, with the code, beside the notice in the page', async () => {
    const { controller, send } = setup();
    await controller.handlers['bg-content-pick'](spec({ id: 'k3', mode: 'replace' }));
    // From the keyboard: the body is where the walk starts; Enter picks it, and the QR cannot go there.
    key('ArrowDown');
    key('Enter');
    expect(reports(send)).toEqual([['content-bg-pick-failed', { placementId: 'k3', code: 'pick-outside-page' }]]);
    expect(document.querySelector('[data-pim-qr-ui="notice"]')).not.toBeNull();
    expect(document.querySelector('[data-pim-qr-placement]')).toBeNull();
  });

  it('tells the worker a pick cancelled with Esc, and nothing for a page script’s Esc', async () => {
    const { controller, send } = setup();
    await controller.handlers['bg-content-pick'](spec({ id: 'k2', mode: 'replace' }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(reports(send)).toEqual([]);
    key('Escape');
    expect(reports(send)).toEqual([['content-bg-pick-cancelled', { placementId: 'k2' }]]);
    expect(hosts()).toHaveLength(0);
  });
});
