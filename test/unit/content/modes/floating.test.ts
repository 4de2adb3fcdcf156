// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { floatingMode } from '../../../../src/content/modes/floating';
import { dispatchTrusted } from '../trusted-events';
import { boxOf, modeContext } from './mode-context';

let under: Element[];

beforeEach(() => {
  document.body.innerHTML = '<main id="app"><div id="logo">Logo</div></main>';
  // happy-dom has no layout: what lies under a point is whatever the test says.
  under = [document.body, document.documentElement];
  Object.defineProperty(document, 'elementsFromPoint', { configurable: true, value: () => under });
});

afterEach(() => {
  vi.useRealTimers();
  document.querySelectorAll('[data-pim-qr-placement]').forEach((e) => e.remove());
  Reflect.deleteProperty(document, 'elementsFromPoint');
});

const box = (host: HTMLElement) => [host.style.left, host.style.top, host.style.width, host.style.height];
const control = (frame: HTMLElement, name: string) => frame.querySelector(`button[aria-label="${name}"]`) as HTMLButtonElement;
const key = (name: string, shiftKey = false) => new KeyboardEvent('keydown', { key: name, shiftKey, bubbles: true, composed: true, cancelable: true });
const pointer = (type: string, clientX: number, clientY: number) =>
  new PointerEvent(type, { button: 0, pointerId: 1, clientX, clientY, bubbles: true, composed: true, cancelable: true });

describe('floating mode', () => {
  it('mounts on top of the page, centred at the size the image asks for, with a pin button and a resize handle', () => {
    const { context } = modeContext({ mode: 'floating' }, { width: 300, height: 150 });
    const mode = floatingMode(context);
    mode.mount();
    expect(context.host.parentElement).toBe(document.documentElement);
    expect(context.host.style.getPropertyValue('position')).toBe('fixed');
    expect(context.host.style.getPropertyPriority('position')).toBe('important');
    // happy-dom's viewport is 1024×768.
    expect(box(context.host)).toEqual(['362px', '309px', '300px', '150px']);
    expect(control(context.frame, 'Pin to element').getAttribute('aria-pressed')).toBe('false');
    expect(control(context.frame, 'Resize QR')).not.toBeNull();
    expect(mode.info()).toEqual({ id: 'p1', size: { width: 300, height: 150 }, position: { x: 362, y: 309 } });
  });

  it('keeps a remembered position and size, within the size limits', () => {
    const { context } = modeContext({ mode: 'floating', position: { x: 5, y: 6 }, size: { width: 10_000, height: 10_000 } });
    const mode = floatingMode(context);
    mode.mount();
    expect(mode.info()).toEqual({ id: 'p1', size: { width: 4000, height: 4000 }, position: { x: 5, y: 6 } });
  });

  it('is intact until the page removes it, and restore takes it out', () => {
    const { context } = modeContext({ mode: 'floating' });
    const mode = floatingMode(context);
    mode.mount();
    expect(mode.isIntact()).toBe(true);
    context.host.remove();
    expect(mode.isIntact()).toBe(false);
    document.documentElement.append(context.host);
    expect(mode.isIntact()).toBe(true);
    mode.restore();
    expect(context.host.isConnected).toBe(false);
  });

  it('follows the element it is pinned to, also after the page renders that element again', () => {
    boxOf(document.getElementById('logo') as Element, 100, 50, 80, 40);
    const { context } = modeContext({ mode: 'floating', size: { width: 200, height: 200 }, pin: { selector: '#logo', dx: 10, dy: -5 } });
    const mode = floatingMode(context);
    mode.mount();
    expect(mode.info().position).toEqual({ x: 110, y: 45 });
    expect(control(context.frame, 'Pin to element').getAttribute('aria-pressed')).toBe('true');
    // The page scrolls.
    boxOf(document.getElementById('logo') as Element, 100, -150, 80, 40);
    mode.refresh?.();
    expect(box(context.host).slice(0, 2)).toEqual(['110px', '-155px']);
    // A framework throws the element away and renders a new one elsewhere.
    (document.getElementById('app') as HTMLElement).innerHTML = '<header></header><div id="logo">Logo</div>';
    boxOf(document.getElementById('logo') as Element, 300, 20, 80, 40);
    mode.refresh?.();
    expect(mode.info().position).toEqual({ x: 310, y: 15 });
    // While the element is gone, the QR stays where it was.
    (document.getElementById('app') as HTMLElement).innerHTML = '';
    mode.refresh?.();
    expect(mode.info().position).toEqual({ x: 310, y: 15 });
  });

  it('pins to the element under its centre and unpins on the person’s clicks only', () => {
    const logo = document.getElementById('logo') as Element;
    boxOf(logo, 100, 50, 80, 40);
    const { context } = modeContext({ mode: 'floating', position: { x: 120, y: 60 }, size: { width: 200, height: 200 } });
    floatingMode(context).mount();
    under = [context.host, logo, document.body];
    const pin = control(context.frame, 'Pin to element');
    pin.click();
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    expect(context.changed).not.toHaveBeenCalled();
    dispatchTrusted(pin, new MouseEvent('click', { bubbles: true }));
    expect(pin.getAttribute('aria-pressed')).toBe('true');
    expect(context.state.pin).toEqual({ selector: '#logo', dx: 20, dy: 10 });
    expect(context.changed).toHaveBeenLastCalledWith({ pin: { selector: '#logo', dx: 20, dy: 10 } });
    dispatchTrusted(pin, new MouseEvent('click', { bubbles: true }));
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    expect(context.state.pin).toBeUndefined();
    expect(context.changed).toHaveBeenLastCalledWith({ pin: null, position: { x: 120, y: 60 } });
  });

  it('moves by a drag of the person’s and by arrow keys, and reports the move once it ends', () => {
    vi.useFakeTimers();
    const { context } = modeContext({ mode: 'floating', position: { x: 50, y: 60 }, size: { width: 200, height: 200 } });
    floatingMode(context).mount();
    dispatchTrusted(context.frame, pointer('pointerdown', 100, 100));
    const laidOut = vi.mocked(context.placePanels).mock.calls.length;
    dispatchTrusted(context.frame, pointer('pointermove', 130, 90));
    expect(box(context.host).slice(0, 2)).toEqual(['80px', '50px']);
    // The toolbar and badge sit beside the QR in the viewport: they follow it during the drag.
    expect(context.placePanels).toHaveBeenCalledTimes(laidOut + 1);
    expect(context.changed).not.toHaveBeenCalled();
    dispatchTrusted(context.frame, pointer('pointerup', 130, 90));
    expect(context.changed).toHaveBeenCalledExactlyOnceWith({ position: { x: 80, y: 50 } });
    expect(context.measure).toHaveBeenCalledOnce();

    dispatchTrusted(context.host, key('ArrowRight', true));
    dispatchTrusted(context.host, key('ArrowDown'));
    expect(box(context.host).slice(0, 2)).toEqual(['90px', '51px']);
    vi.advanceTimersByTime(1000);
    expect(context.changed).toHaveBeenLastCalledWith({ position: { x: 90, y: 51 } });
    expect(context.changed).toHaveBeenCalledTimes(2);
  });

  it('takes no keys on the host unless the person gave it the focus', () => {
    const { context, userFocus } = modeContext({ mode: 'floating', position: { x: 50, y: 60 }, size: { width: 200, height: 200 } });
    floatingMode(context).mount();
    userFocus.byUser = false;
    dispatchTrusted(context.host, key('ArrowLeft', true));
    expect(box(context.host).slice(0, 2)).toEqual(['50px', '60px']);
  });

  it('resizes from its handle, keeping the aspect ratio', () => {
    const { context } = modeContext({ mode: 'floating', position: { x: 0, y: 0 }, size: { width: 200, height: 100 } });
    floatingMode(context).mount();
    const handle = control(context.frame, 'Resize QR');
    dispatchTrusted(handle, key('ArrowRight', true));
    expect(box(context.host).slice(2)).toEqual(['210px', '105px']);
    expect(context.changed).toHaveBeenLastCalledWith({ size: { width: 210, height: 105 } });
    dispatchTrusted(handle, pointer('pointerdown', 0, 0));
    dispatchTrusted(handle, pointer('pointermove', 42, 0));
    dispatchTrusted(handle, pointer('pointerup', 42, 0));
    expect(box(context.host).slice(2)).toEqual(['252px', '126px']);
    expect(context.changed).toHaveBeenLastCalledWith({ size: { width: 252, height: 126 } });
  });

  it('answers nothing once its signal aborts, not even a move whose report was still due', () => {
    vi.useFakeTimers();
    const { context, lifetime } = modeContext({ mode: 'floating', position: { x: 50, y: 60 }, size: { width: 200, height: 200 } });
    const mode = floatingMode(context);
    mode.mount();
    dispatchTrusted(context.host, key('ArrowLeft'));
    const pin = control(context.frame, 'Pin to element');
    const handle = control(context.frame, 'Resize QR');
    lifetime.abort();
    mode.restore();
    const before = box(context.host);
    dispatchTrusted(pin, new MouseEvent('click', { bubbles: true }));
    dispatchTrusted(handle, key('ArrowRight', true));
    dispatchTrusted(context.host, key('ArrowDown', true));
    dispatchTrusted(context.frame, pointer('pointerdown', 100, 100));
    dispatchTrusted(context.frame, pointer('pointermove', 200, 200));
    dispatchTrusted(context.frame, pointer('pointerup', 200, 200));
    vi.advanceTimersByTime(1000);
    expect(box(context.host)).toEqual(before);
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    expect(context.changed).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
