// How an element shows in the live page: clipped by the viewport or an overflow ancestor, hidden,
// faded, or under something else. The placement's scannability badge and the page scanner both ask.

const SLACK = 0.5;

/** The element's parent, stepping out of a shadow root to its host. */
function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}

/**
 * How much of the element the page lets be seen: 'cut-off' when an overflow ancestor cuts into it
 * (scrolling the page does not help), 'outside-view' when only the viewport does (scrolling does),
 * 'whole' otherwise.
 */
export function clipping(rect: DOMRect, host: Element, win: Window): 'whole' | 'cut-off' | 'outside-view' {
  const doc = host.ownerDocument;
  for (let el = composedParent(host); el && el !== doc.documentElement; el = composedParent(el)) {
    const style = win.getComputedStyle(el);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const box = el.getBoundingClientRect();
    const left = box.left + el.clientLeft;
    const top = box.top + el.clientTop;
    const right = left + el.clientWidth;
    const bottom = top + el.clientHeight;
    if (rect.left < left - SLACK || rect.top < top - SLACK || rect.right > right + SLACK || rect.bottom > bottom + SLACK) return 'cut-off';
  }
  const viewWidth = doc.documentElement.clientWidth || win.innerWidth;
  const viewHeight = doc.documentElement.clientHeight || win.innerHeight;
  if (rect.left < -SLACK || rect.top < -SLACK || rect.right > viewWidth + SLACK || rect.bottom > viewHeight + SLACK) return 'outside-view';
  return 'whole';
}

export function clippedBy(rect: DOMRect, host: Element, win: Window): boolean {
  return clipping(rect, host, win) !== 'whole';
}

/** Product of the opacity of the element and all its ancestors. */
export function effectiveOpacity(host: Element, win: Window): number {
  let opacity = 1;
  for (let el: Element | null = host; el; el = composedParent(el)) {
    const value = Number.parseFloat(win.getComputedStyle(el).opacity);
    if (Number.isFinite(value)) opacity *= value;
  }
  return opacity;
}

export function isHidden(host: Element, win: Window): boolean {
  if (typeof host.checkVisibility === 'function') return !host.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true });
  return win.getComputedStyle(host).visibility === 'hidden' || host.getClientRects().length === 0;
}

/** Something else is on top of the element's centre (asked of its own document or shadow root). */
export function isCovered(rect: DOMRect, host: Element, win: Window): boolean {
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  if (x < 0 || y < 0 || x >= win.innerWidth || y >= win.innerHeight) return false;
  const root = host.getRootNode() as Document | ShadowRoot;
  const top = (typeof root.elementFromPoint === 'function' ? root : host.ownerDocument).elementFromPoint(x, y);
  // Inside our shadow root elementFromPoint answers the host itself.
  return top !== null && top !== host && !host.contains(top);
}
