// Test helpers for input and closed shadow roots under happy-dom.
import { vi } from 'vitest';

/**
 * Marks an event as the browser's own input. happy-dom has no `isTrusted` at all, so every event it
 * dispatches counts as a page script's, as `element.click()` and `dispatchEvent` do in a browser.
 */
export function asTrusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

export function dispatchTrusted(target: EventTarget, event: Event): boolean {
  return target.dispatchEvent(asTrusted(event));
}

/**
 * Our shadow roots are closed, so `host.shadowRoot` is null. Tests keep every root attached from now
 * on, to look inside; in a page, the content script's own attachShadow is out of a page script's reach.
 */
export function captureShadowRoots(): (host: Element) => ShadowRoot {
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  return (host) => {
    const index = attach.mock.contexts.lastIndexOf(host);
    const result = attach.mock.results[index];
    if (index < 0 || result?.type !== 'return') throw new Error('no shadow root was attached to this element');
    return result.value;
  };
}
