// Where a placement's panels sit: the toolbar, the size badge (with the scannability warnings) and the
// warning mark go beside the QR, never over it, because the image carries its own title and
// description above and below the code. They are `position: fixed` in the host's shadow root, so an
// overflow-hidden ancestor of a replacing or inside QR cannot cut them off.
import { PLACEMENT_ATTRIBUTE } from '../shared/own-host';
import { besideBox, type Rect, type Side } from './placement-geometry';

export interface Panels {
  toolbar: HTMLElement;
  badge: HTMLElement;
  alert: HTMLElement;
}

const TOOLBAR_SIDES: readonly Side[] = ['above', 'below', 'right', 'left'];
const BADGE_SIDES: readonly Side[] = ['below', 'above', 'right', 'left'];
const ALERT_SIDES: readonly Side[] = ['right', 'left', 'above', 'below'];

const rectOf = (element: Element): Rect => {
  const { left, top, width, height } = element.getBoundingClientRect();
  return { left, top, width, height };
};

/** The viewport without its scrollbars; a quirks-mode root is as tall as its content, so the window says there. */
function viewportOf(win: Window): { width: number; height: number } {
  const root = win.document.documentElement;
  const standards = win.document.compatMode === 'CSS1Compat';
  return { width: standards ? root.clientWidth : win.innerWidth, height: standards ? root.clientHeight : win.innerHeight };
}

/** Puts `panel` at `x`, `y` of the viewport and answers where it ended up. */
function putAt(panel: HTMLElement, x: number, y: number): Rect {
  panel.style.left = `${x}px`;
  panel.style.top = `${y}px`;
  const placed = rectOf(panel);
  // A transformed or filtered ancestor, not the viewport, is then what `fixed` counts from: shift by the difference.
  if (Math.abs(placed.left - x) > 0.5 || Math.abs(placed.top - y) > 0.5) {
    panel.style.left = `${2 * x - placed.left}px`;
    panel.style.top = `${2 * y - placed.top}px`;
    return rectOf(panel);
  }
  return placed;
}

/** Lays the panels out around `image`, clear of each other and of the other QR codes in the page. */
export function placePanels(win: Window, host: HTMLElement, image: Element, panels: Panels): void {
  if (!host.isConnected) return;
  const anchor = rectOf(image);
  const viewport = viewportOf(win);
  const others = [...win.document.querySelectorAll(`[${PLACEMENT_ATTRIBUTE}]`)].filter((other) => other !== host).map(rectOf);
  const avoid = [...others];
  for (const [panel, sides] of [[panels.toolbar, TOOLBAR_SIDES], [panels.badge, BADGE_SIDES], [panels.alert, ALERT_SIDES]] as const) {
    const { width, height } = rectOf(panel);
    // The warning mark is not drawn while there is nothing to warn about.
    if (width === 0 && height === 0) continue;
    const at = besideBox(anchor, { width, height }, viewport, sides, avoid);
    avoid.push(putAt(panel, at.x, at.y));
  }
}
