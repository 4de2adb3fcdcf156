// Pointer and keyboard handling for a floating placement: drag to move, corner handle to resize with
// the aspect ratio kept, arrow keys to nudge. Handled events stop here so page shortcuts do not fire.
// Only trusted input counts: the host takes keys from anyone who can dispatch them. Every listener
// goes away when the placement's `signal` aborts.
import type { Point, Size } from '../shared/placement-messages';
import { clampSize, nudgeFor, resizeKeepingAspect } from './placement-geometry';
import { trusted } from './trusted-input';

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

/** One pointer drag on `target`, from press to release; pointer capture keeps it on fast moves. */
function trackDrag<T>(
  target: HTMLElement,
  signal: AbortSignal,
  drag: { accept(event: PointerEvent): boolean; start(): T; move(from: T, dx: number, dy: number): void; end(): void },
): void {
  let active: { pointerId: number; x: number; y: number; from: T; moved: boolean } | undefined;
  target.addEventListener(
    'pointerdown',
    trusted((event: PointerEvent) => {
      if (event.button !== 0 || !drag.accept(event)) return;
      active = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, from: drag.start(), moved: false };
      target.setPointerCapture(event.pointerId);
      event.preventDefault();
      event.stopPropagation();
    }),
    { signal },
  );
  target.addEventListener(
    'pointermove',
    trusted((event: PointerEvent) => {
      if (!active || event.pointerId !== active.pointerId) return;
      const dx = event.clientX - active.x;
      const dy = event.clientY - active.y;
      if (dx !== 0 || dy !== 0) active.moved = true;
      drag.move(active.from, dx, dy);
      event.stopPropagation();
    }),
    { signal },
  );
  const up = trusted((event: PointerEvent) => {
    if (!active || event.pointerId !== active.pointerId) return;
    const moved = active.moved;
    active = undefined;
    event.stopPropagation();
    if (moved) drag.end();
  });
  target.addEventListener('pointerup', up, { signal });
  target.addEventListener('pointercancel', up, { signal });
}

/**
 * Drags start on `surface` except on `exclude`d controls; arrow keys nudge while the host itself has
 * focus that the person gave it (`focusedByUser`). `root` is the host's closed shadow root: from the
 * host's own listener, composedPath() hides what is inside a closed root, so only the root can tell
 * that a control in it has the focus.
 */
export function makeDraggable(
  host: HTMLElement,
  root: ShadowRoot,
  surface: HTMLElement,
  exclude: Element[],
  focusedByUser: () => boolean,
  signal: AbortSignal,
  binding: MoveBinding,
): void {
  trackDrag(surface, signal, {
    accept: (event) => !event.composedPath().some((node) => exclude.includes(node as Element)),
    start: () => {
      host.focus({ preventScroll: true });
      return binding.position();
    },
    move: (from, dx, dy) => binding.moveTo({ x: Math.round(from.x + dx), y: Math.round(from.y + dy) }),
    end: () => binding.committed(),
  });

  let keyTimer: ReturnType<typeof setTimeout> | undefined;
  const key = trusted((event: KeyboardEvent) => {
    if (root.activeElement !== null || !focusedByUser()) return;
    const delta = nudgeFor(event.key, event.shiftKey);
    if (!delta) return;
    const { x, y } = binding.position();
    binding.moveTo({ x: x + delta.x, y: y + delta.y });
    event.preventDefault();
    event.stopPropagation();
    clearTimeout(keyTimer);
    keyTimer = setTimeout(() => binding.committed(), 300);
  });
  host.addEventListener('keydown', key, { signal });
  // A burst of key presses cut short by removal is not reported: the placement is gone.
  signal.addEventListener('abort', () => clearTimeout(keyTimer));
}

/** The corner handle: drag it, or focus it and use the arrow keys (Shift for 10 px). */
export function makeResizable(handle: HTMLElement, signal: AbortSignal, binding: ResizeBinding): void {
  trackDrag(handle, signal, {
    accept: () => true,
    start: () => binding.size(),
    move: (from, dx, dy) => binding.resizeTo(resizeKeepingAspect(from, dx, dy)),
    end: () => binding.committed(),
  });
  handle.addEventListener(
    'keydown',
    trusted((event: KeyboardEvent) => {
      const delta = nudgeFor(event.key, event.shiftKey);
      if (!delta) return;
      const size = binding.size();
      const grow = delta.x + delta.y;
      binding.resizeTo(clampSize({ width: size.width + grow, height: size.height + (grow * size.height) / size.width }, size.width / size.height));
      binding.committed();
      event.preventDefault();
      event.stopPropagation();
    }),
    { signal },
  );
}
