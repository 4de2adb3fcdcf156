// "Screenshot page" shows the page as its visitors will see it: while the worker captures the tab,
// what PiM QR draws around its QR codes (toolbar, size badge, warning mark, resize handle, focus ring),
// its notices and the element picker are hidden; the QR codes stay. They come back when the worker
// says so, or after a few seconds should that word never come (a worker stopped mid-capture).
import { forceStyles, OWN_UI_ATTRIBUTE, PLACEMENT_ATTRIBUTE } from '../shared/own-host';
import { CAPTURING_ATTRIBUTE } from './own-elements';

const SHOW_AGAIN_AFTER_MS = 5000;
// A frame the browser does not paint (out of view) gets no animation frames: the answer does not wait for them.
const PAINT_WAIT_MS = 200;

/** The handler of `bg-content-own-ui` for this window. */
export function createOwnUiHiding(win: Window): (order: { hidden: boolean }) => Promise<{ hidden: boolean }> {
  let showAgain: ReturnType<typeof setTimeout> | undefined;
  const apply = (hidden: boolean) => {
    clearTimeout(showAgain);
    for (const host of win.document.querySelectorAll<HTMLElement>(`[${PLACEMENT_ATTRIBUTE}]`)) host.toggleAttribute(CAPTURING_ATTRIBUTE, hidden);
    for (const host of win.document.querySelectorAll<HTMLElement>(`[${OWN_UI_ATTRIBUTE}]`)) forceStyles(host, { visibility: hidden ? 'hidden' : 'initial' });
    if (hidden) showAgain = setTimeout(() => apply(false), SHOW_AGAIN_AFTER_MS);
  };
  return async ({ hidden }) => {
    apply(hidden);
    // The capture must not see the frame from before: answer once the next two frames were painted.
    if (hidden) {
      await new Promise<void>((painted) => {
        win.requestAnimationFrame(() => win.requestAnimationFrame(() => painted()));
        setTimeout(painted, PAINT_WAIT_MS);
      });
    }
    return { hidden };
  };
}
