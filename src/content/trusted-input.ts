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
