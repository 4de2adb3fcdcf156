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
