// Pointer and keyboard handling for a floating placement: drag to move, corner handle to resize with
// the aspect ratio kept, arrow keys to nudge. Handled events stop here so page shortcuts do not fire.
import type { Point, Size } from '../shared/placement-messages';
import { clampSize, nudgeFor, resizeKeepingAspect } from './placement-geometry';

export interface MoveBinding {
  position(): Point;
  moveTo(position: Point): void;
  /** After a drag or a burst of key presses ends. */
  committed(): void;
}

export interface ResizeBinding {
  size(): Size;
  resizeTo(size: Size): void;
  committed(): void;
}

/** Drags start on `surface` except on `exclude`d controls; pointer capture keeps the drag on fast moves. */
export function makeDraggable(host: HTMLElement, surface: HTMLElement, exclude: Element[], binding: MoveBinding): () => void {
  let drag: { pointerId: number; x: number; y: number; from: Point; moved: boolean } | undefined;
  const down = (event: PointerEvent) => {
    if (event.button !== 0 || event.composedPath().some((node) => exclude.includes(node as Element))) return;
    host.focus({ preventScroll: true });
    drag = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, from: binding.position(), moved: false };
    surface.setPointerCapture(event.pointerId);
    event.preventDefault();
    event.stopPropagation();
  };
  const move = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (dx !== 0 || dy !== 0) drag.moved = true;
    binding.moveTo({ x: Math.round(drag.from.x + dx), y: Math.round(drag.from.y + dy) });
    event.stopPropagation();
  };
  const up = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const moved = drag.moved;
    drag = undefined;
    event.stopPropagation();
    if (moved) binding.committed();
  };
  surface.addEventListener('pointerdown', down);
  surface.addEventListener('pointermove', move);
  surface.addEventListener('pointerup', up);
  surface.addEventListener('pointercancel', up);

  let keyTimer: ReturnType<typeof setTimeout> | undefined;
  const key = (event: KeyboardEvent) => {
    if (event.composedPath()[0] !== host) return;
    const delta = nudgeFor(event.key, event.shiftKey);
    if (!delta) return;
    const { x, y } = binding.position();
    binding.moveTo({ x: x + delta.x, y: y + delta.y });
    event.preventDefault();
    event.stopPropagation();
    clearTimeout(keyTimer);
    keyTimer = setTimeout(() => binding.committed(), 300);
  };
  host.addEventListener('keydown', key);
  return () => {
    clearTimeout(keyTimer);
    host.removeEventListener('keydown', key);
  };
}

/** The corner handle: drag it, or focus it and use the arrow keys (Shift for 10 px). */
export function makeResizable(handle: HTMLElement, binding: ResizeBinding): void {
  let drag: { pointerId: number; x: number; y: number; from: Size; moved: boolean } | undefined;
  handle.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, from: binding.size(), moved: false };
    handle.setPointerCapture(event.pointerId);
    event.preventDefault();
    event.stopPropagation();
  });
  handle.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    drag.moved = true;
    binding.resizeTo(resizeKeepingAspect(drag.from, event.clientX - drag.x, event.clientY - drag.y));
    event.stopPropagation();
  });
  const up = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const moved = drag.moved;
    drag = undefined;
    event.stopPropagation();
    if (moved) binding.committed();
  };
  handle.addEventListener('pointerup', up);
  handle.addEventListener('pointercancel', up);
  handle.addEventListener('keydown', (event) => {
    const delta = nudgeFor(event.key, event.shiftKey);
    if (!delta) return;
    const size = binding.size();
    const grow = delta.x + delta.y;
    binding.resizeTo(clampSize({ width: size.width + grow, height: size.height + (grow * size.height) / size.width }, size.width / size.height));
    binding.committed();
    event.preventDefault();
    event.stopPropagation();
  });
}
