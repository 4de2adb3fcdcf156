// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPicker as start, walk } from '../../../src/content/picker';
import { createHost, OWN_UI_ATTRIBUTE } from '../../../src/shared/own-host';
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
    const arrow = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true });
    document.dispatchEvent(arrow);
    expect(label()).toBe('');
    expect(arrow.defaultPrevented).toBe(false);
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

  it('walks the elements with the arrow keys and chooses the highlighted one on Enter', () => {
    document.body.insertAdjacentHTML('beforeend', '<footer id="foot">Help</footer>');
    const events = { picked: vi.fn(), cancelled: vi.fn() };
    startPicker(events, window);
    const key = (name: string) => {
      const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
      dispatchTrusted(document, event);
      // The page neither scrolls nor hears the walk.
      expect(event.defaultPrevented).toBe(true);
    };
    // Nothing highlighted yet: the walk starts at the body.
    key('ArrowDown');
    expect(label()).toMatch(/^body · /);
    key('ArrowDown');
    expect(label()).toMatch(/^main · /);
    key('ArrowRight');
    expect(label()).toMatch(/^#foot · /);
    // Past the last sibling, and above the body, the highlight stays.
    key('ArrowRight');
    key('ArrowUp');
    key('ArrowUp');
    expect(label()).toMatch(/^body · /);
    key('ArrowDown');
    key('ArrowDown');
    expect(label()).toMatch(/^#title · /);
    key('ArrowRight');
    expect(label()).toMatch(/^#slot · /);
    key('ArrowLeft');
    key('Enter');
    expect(events.picked).toHaveBeenCalledExactlyOnceWith(document.getElementById('title'));
  });

  it('keeps the walked highlight when the browser reports a pointer that did not move', () => {
    const events = { picked: vi.fn(), cancelled: vi.fn() };
    startPicker(events, window);
    dispatchTrusted(under, new PointerEvent('pointermove', at));
    expect(label()).toMatch(/^#slot · /);
    dispatchTrusted(document, new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true }));
    expect(label()).toMatch(/^#title · /);
    // A scroll or the popup closing sends the pointer's old place again: the keys keep the highlight.
    dispatchTrusted(under, new MouseEvent('mouseover', at));
    expect(label()).toMatch(/^#title · /);
    // The person moving the mouse takes it back.
    dispatchTrusted(under, new PointerEvent('pointermove', { ...at, clientX: 21 }));
    expect(label()).toMatch(/^#slot · /);
    dispatchTrusted(document, new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(events.picked).toHaveBeenCalledExactlyOnceWith(under);
  });

  it('walks past our own elements and never onto the root or the head', () => {
    document.body.append(createHost(document, OWN_UI_ATTRIBUTE, 'placement').host);
    document.body.insertAdjacentHTML('beforeend', '<p id="last">End</p>');
    const main = document.querySelector('main') as Element;
    expect(walk(main, 'ArrowRight')).toBe(document.getElementById('last'));
    expect(walk(document.getElementById('last') as Element, 'ArrowLeft')).toBe(main);
    expect(walk(document.body, 'ArrowUp')).toBeUndefined();
    expect(walk(document.body, 'ArrowLeft')).toBeUndefined();
    expect(walk(main, 'Tab')).toBeUndefined();
  });

  it('steps over elements without a box, in the direction walked', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<script id="code"></script><div id="gone" style="display:none"><p id="inside">x</p></div><p id="after">End</p>' +
        '<section id="wrap"><style id="look"></style><i id="first">a</i></section>',
    );
    const main = document.querySelector('main') as Element;
    const byId = (id: string) => document.getElementById(id) as Element;
    expect(walk(main, 'ArrowRight')).toBe(byId('after'));
    expect(walk(byId('after'), 'ArrowLeft')).toBe(main);
    expect(walk(byId('wrap'), 'ArrowDown')).toBe(byId('first'));
    expect(walk(byId('code'), 'ArrowRight')).toBe(byId('after'));
    expect(walk(byId('look'), 'ArrowLeft')).toBeUndefined();
    expect(walk(byId('first'), 'ArrowUp')).toBe(byId('wrap'));
    expect(walk(byId('inside'), 'ArrowUp')).toBe(document.body);
  });
});
