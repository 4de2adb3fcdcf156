// Placements live in pages we do not control. Any script there (an ad on a remembered site, say) can
// dispatch clicks, keys and pointer events at our host element or at the window the picker listens
// on, and so remove, fade, pin or move what the user remembered, or choose an element for them. Only
// input the browser generated from a person's mouse, keyboard or touch may do anything.

/**
 * `listener`, run only for trusted events; events a script dispatched pass by untouched (not even
 * cancelled, so the page's own synthetic events keep working for the page). Browsers always set
 * `isTrusted`; where it is missing the event is treated as untrusted.
 */
export function trusted<E extends Event>(listener: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted === true) listener(event);
  };
}

export interface UserFocus {
  /** True while the element has the focus a person gave it (a press on it, or Tab). */
  readonly byUser: boolean;
}

/**
 * A page cannot fake keys, but it can call `focus()` on our element and so aim the person's own
 * typing at it (Backspace in the page's search box would remove a remembered QR). Keys on `element`
 * count only when the person put the focus there: a trusted press on it, or a trusted Tab that moved
 * the focus, in the same turn of the event loop as the focus itself. Tracking ends when `signal` aborts.
 */
export function trackUserFocus(element: HTMLElement, win: Window, signal: AbortSignal): UserFocus {
  let intent = false;
  let byUser = false;
  let clear: ReturnType<typeof setTimeout> | undefined;
  const expectFocus = () => {
    intent = true;
    clearTimeout(clear);
    clear = setTimeout(() => (intent = false), 0);
  };
  const onTab = trusted((event: KeyboardEvent) => {
    if (event.key === 'Tab') expectFocus();
  });
  const onPress = trusted(() => {
    expectFocus();
    // Pressing what already has the focus (a page may have put it there) makes that focus the person's.
    if (element.ownerDocument.activeElement === element) byUser = true;
  });
  const onFocus = () => (byUser = intent);
  const onBlur = () => (byUser = false);
  win.addEventListener('keydown', onTab, { capture: true, signal });
  element.addEventListener('pointerdown', onPress, { capture: true, signal });
  element.addEventListener('focus', onFocus, { signal });
  element.addEventListener('blur', onBlur, { signal });
  return {
    get byUser() {
      return byUser;
    },
  };
}
