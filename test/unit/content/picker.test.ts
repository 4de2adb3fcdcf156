// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPicker as start } from '../../../src/content/picker';
import { captureShadowRoots, dispatchTrusted } from './trusted-events';

let under: Element;
let shadowOf: (host: Element) => ShadowRoot;
let stops: (() => void)[] = [];
/** A picker that afterEach stops, should a test end early. */
const startPicker = (...args: Parameters<typeof start>) => {
  const stop = start(...args);
  stops.push(stop);
  return stop;
};

beforeEach(() => {
  document.body.innerHTML = '<main><h1 id="title">Log in</h1><div id="slot">PiM QR code</div></main>';
  under = document.getElementById('slot') as Element;
  // happy-dom has no layout: the element "under the pointer" is whichever the test says.
  Object.defineProperty(document, 'elementsFromPoint', { configurable: true, value: () => [under, document.body, document.documentElement] });
  shadowOf = captureShadowRoots();
});

afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
  document.querySelectorAll('[data-pim-qr-ui]').forEach((e) => e.remove());
  Reflect.deleteProperty(document, 'elementsFromPoint');
});

const at = { clientX: 20, clientY: 20, bubbles: true, composed: true, cancelable: true };
const label = () => shadowOf(document.querySelector('[data-pim-qr-ui="picker"]') as Element).querySelector('.label')?.textContent;

describe('startPicker', () => {
  it('draws in a closed shadow root', () => {
    const stop = startPicker({ picked: vi.fn(), cancelled: vi.fn() }, window);
    const host = document.querySelector('[data-pim-qr-ui="picker"]') as Element;
    expect(host.shadowRoot).toBeNull();
    expect(shadowOf(host).mode).toBe('closed');
    stop();
    expect(document.querySelector('[data-pim-qr-ui="picker"]')).toBeNull();
  });

  it('is not steered, answered or cancelled by events a page script dispatches', () => {
    const events = { picked: vi.fn(), cancelled: vi.fn() };
    const stop = startPicker(events, window);
    under = document.getElementById('title') as Element;
    under.dispatchEvent(new PointerEvent('pointermove', at));
    under.dispatchEvent(new MouseEvent('mouseover', at));
    expect(label()).toBe('');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    const click = new MouseEvent('click', at);
    under.dispatchEvent(click);
    // Not cancelled either: the page's own synthetic clicks still work for the page.
    expect(click.defaultPrevented).toBe(false);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(events.picked).not.toHaveBeenCalled();
    expect(events.cancelled).not.toHaveBeenCalled();
    expect(document.querySelector('[data-pim-qr-ui="picker"]')).not.toBeNull();
    stop();
  });

  it('highlights on the person’s hover and chooses on their click, which the page never gets', () => {
    const events = { picked: vi.fn(), cancelled: vi.fn() };
    const pageClick = vi.fn();
    document.body.addEventListener('click', pageClick);
    startPicker(events, window);
    dispatchTrusted(under, new PointerEvent('pointermove', at));
    expect(label()).toMatch(/^#slot · /);
    const click = new MouseEvent('click', at);
    dispatchTrusted(under, click);
    expect(click.defaultPrevented).toBe(true);
    expect(pageClick).not.toHaveBeenCalled();
    expect(events.picked).toHaveBeenCalledExactlyOnceWith(under);
    expect(document.querySelector('[data-pim-qr-ui="picker"]')).toBeNull();
    document.body.removeEventListener('click', pageClick);
  });

  it('chooses the highlighted element on Enter and cancels on Esc, from the keyboard', () => {
    const first = { picked: vi.fn(), cancelled: vi.fn() };
    startPicker(first, window);
    dispatchTrusted(under, new MouseEvent('mouseover', at));
    dispatchTrusted(document, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(first.picked).toHaveBeenCalledExactlyOnceWith(under);

    const second = { picked: vi.fn(), cancelled: vi.fn() };
    startPicker(second, window);
    dispatchTrusted(document, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(second.cancelled).toHaveBeenCalledOnce();
    expect(second.picked).not.toHaveBeenCalled();
  });
});
