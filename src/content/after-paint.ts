// Work that a new QR's first frame need not wait for: the scan check, laying out the panels that show
// only on hover, asking the worker for remembered placements. It runs once that frame is painted.

/** How long a tab that draws no frames (one in the background) waits instead. */
const WITHOUT_FRAMES_MS = 100;

/**
 * Runs `work` once, right after the next frame is painted: a task posted from an animation frame
 * callback runs after that frame's rendering. A hidden tab gets no animation frames, so a timer
 * stands in there.
 */
export function afterNextPaint(win: Window, work: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  win.requestAnimationFrame(() => win.setTimeout(run, 0));
  win.setTimeout(run, WITHOUT_FRAMES_MS);
}
