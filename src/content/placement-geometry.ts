// The arithmetic of placing, moving and resizing, kept apart from the DOM so it can be tested.
import type { Point, Size } from '../shared/placement-messages';

export const MIN_SIDE = 24;
export const MAX_SIDE = 4000;
export const DEFAULT_SIDE = 240;

/** A size the image asks for, or a 240 px square; never larger than 80% of the viewport. */
export function initialSize(natural: Size | undefined, viewport: Size): Size {
  let { width, height } = natural ?? { width: DEFAULT_SIDE, height: DEFAULT_SIDE };
  if (width < 48 || height < 48 || width > 600 || height > 600) {
    const scale = DEFAULT_SIDE / Math.max(width, height);
    width *= scale;
    height *= scale;
  }
  const fit = Math.min(1, (viewport.width * 0.8) / width, (viewport.height * 0.8) / height);
  return clampSize({ width: width * fit, height: height * fit }, width / height);
}

/** Keeps the aspect ratio and the bounds; the larger side stops at MAX_SIDE, the smaller at MIN_SIDE. */
export function clampSize(size: Size, aspect = size.width / size.height): Size {
  let width = Math.min(MAX_SIDE, Math.max(MIN_SIDE, size.width));
  let height = width / aspect;
  if (height < MIN_SIDE) {
    height = MIN_SIDE;
    width = height * aspect;
  }
  if (height > MAX_SIDE) {
    height = MAX_SIDE;
    width = height * aspect;
  }
  return { width: Math.round(width), height: Math.round(height) };
}

/** Centred in the viewport. */
export function centred(size: Size, viewport: Size): Point {
  return { x: Math.round(Math.max(0, (viewport.width - size.width) / 2)), y: Math.round(Math.max(0, (viewport.height - size.height) / 2)) };
}

/** Dragging the corner by (dx, dy): the side that moved more (relatively) wins, the ratio stays. */
export function resizeKeepingAspect(start: Size, dx: number, dy: number): Size {
  const aspect = start.width / start.height;
  const scale = Math.max((start.width + dx) / start.width, (start.height + dy) / start.height);
  return clampSize({ width: start.width * scale, height: start.height * scale }, aspect);
}

/** Arrow keys move 1 px, with Shift 10 px; other keys do not move. */
export function nudgeFor(key: string, shift: boolean): Point | undefined {
  const step = shift ? 10 : 1;
  switch (key) {
    case 'ArrowLeft':
      return { x: -step, y: 0 };
    case 'ArrowRight':
      return { x: step, y: 0 };
    case 'ArrowUp':
      return { x: 0, y: -step };
    case 'ArrowDown':
      return { x: 0, y: step };
    default:
      return undefined;
  }
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Side = 'above' | 'below' | 'left' | 'right';

/** Room kept between a panel and the QR, and between a panel and the viewport's edge. */
export const PANEL_GAP = 4;

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));

const within = (value: number, length: number, room: number): number => Math.max(PANEL_GAP, Math.min(value, room - length - PANEL_GAP));

/**
 * Where a panel (the toolbar, the size badge, the warning mark) goes beside the QR, so that it never
 * hides the QR's own title or description: on the first of `sides` where it lies inside the viewport
 * and clear of the QR and of every rect in `avoid`, aligned with the QR's start, else its end. At a page
 * edge the preferred side has no room and the next one is taken. Only when no side has room (a QR that
 * fills the viewport) does it cover something: inside the viewport, where it covers the least.
 */
export function besideBox(anchor: Rect, panel: Size, viewport: Size, sides: readonly Side[], avoid: readonly Rect[] = []): Point {
  const right = anchor.left + anchor.width;
  const bottom = anchor.top + anchor.height;
  let best: { at: Point; covered: number } | undefined;
  for (const side of sides) {
    const vertical = side === 'above' || side === 'below';
    const main = { above: anchor.top - PANEL_GAP - panel.height, below: bottom + PANEL_GAP, left: anchor.left - PANEL_GAP - panel.width, right: right + PANEL_GAP }[side];
    const starts = vertical ? [anchor.left, right - panel.width] : [anchor.top, bottom - panel.height];
    for (const start of starts) {
      const at = vertical
        ? { x: within(start, panel.width, viewport.width), y: within(main, panel.height, viewport.height) }
        : { x: within(main, panel.width, viewport.width), y: within(start, panel.height, viewport.height) };
      const box = { left: at.x, top: at.y, width: panel.width, height: panel.height };
      const covered = [anchor, ...avoid].reduce((sum, rect) => sum + overlap(box, rect), 0);
      if (covered === 0) return { x: Math.round(at.x), y: Math.round(at.y) };
      if (!best || covered < best.covered) best = { at, covered };
    }
  }
  const at = best?.at ?? { x: within(anchor.left, panel.width, viewport.width), y: within(bottom + PANEL_GAP, panel.height, viewport.height) };
  return { x: Math.round(at.x), y: Math.round(at.y) };
}
