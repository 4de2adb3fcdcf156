// Measures a placement in the live page for the scannability check: its box, the module size,
// clipping by the viewport or an overflow ancestor, hiding, opacity and anything on top of it.
import type { QrGeometry } from './qr-modules';
import type { ScanFacts } from './scannability';

const SLACK = 0.5;

function clippedBy(rect: DOMRect, host: Element, win: Window): boolean {
  const doc = host.ownerDocument;
  const viewWidth = doc.documentElement.clientWidth || win.innerWidth;
  const viewHeight = doc.documentElement.clientHeight || win.innerHeight;
  if (rect.left < -SLACK || rect.top < -SLACK || rect.right > viewWidth + SLACK || rect.bottom > viewHeight + SLACK) return true;
  for (let el = host.parentElement; el && el !== doc.documentElement; el = el.parentElement) {
    const style = win.getComputedStyle(el);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const box = el.getBoundingClientRect();
    const left = box.left + el.clientLeft;
    const top = box.top + el.clientTop;
    const right = left + el.clientWidth;
    const bottom = top + el.clientHeight;
    if (rect.left < left - SLACK || rect.top < top - SLACK || rect.right > right + SLACK || rect.bottom > bottom + SLACK) return true;
  }
  return false;
}

function effectiveOpacity(host: Element, win: Window): number {
  let opacity = 1;
  for (let el: Element | null = host; el; el = el.parentElement) {
    const value = Number.parseFloat(win.getComputedStyle(el).opacity);
    if (Number.isFinite(value)) opacity *= value;
  }
  return opacity;
}

function isHidden(host: HTMLElement, win: Window): boolean {
  if (typeof host.checkVisibility === 'function') return !host.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true });
  return win.getComputedStyle(host).visibility === 'hidden' || host.getClientRects().length === 0;
}

function isCovered(rect: DOMRect, host: Element, win: Window): boolean {
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  if (x < 0 || y < 0 || x >= win.innerWidth || y >= win.innerHeight) return false;
  const top = host.ownerDocument.elementFromPoint(x, y);
  // Inside our shadow root elementFromPoint answers the host itself.
  return top !== null && top !== host && !host.contains(top);
}

export function measurePlacement(host: HTMLElement, image: Element, geometry: QrGeometry, win: Window = window): ScanFacts {
  const rect = image.getBoundingClientRect();
  const facts: ScanFacts = {
    width: rect.width,
    height: rect.height,
    devicePixelRatio: win.devicePixelRatio || 1,
    clipped: clippedBy(rect, host, win),
    hidden: isHidden(host, win),
    opacity: effectiveOpacity(host, win),
    covered: isCovered(rect, host, win),
  };
  if (geometry.moduleUnits !== undefined) {
    // preserveAspectRatio "meet": the drawing is scaled by the smaller of the two ratios.
    const scale = geometry.viewBox ? Math.min(rect.width / geometry.viewBox.width, rect.height / geometry.viewBox.height) : 1;
    facts.moduleCssPx = geometry.moduleUnits * scale;
  }
  return facts;
}
