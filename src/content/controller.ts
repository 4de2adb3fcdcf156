// The one controller per page (and frame): draws placements when the worker asks, runs the picker,
// keeps remembered placements in place across re-renders and SPA navigations, and reports the
// user's edits of remembered placements. It knows nothing but SVG markup and page geometry.
import { recordContextTargets } from './context-target';
import type { Installable } from '../shared/install-once';
import { extensionAlive } from '../shared/worker-listener';
import { createPagePlacements, type SendToBackground } from './page-placements';
import { watchPage } from './page-watch';
import { createRestorer } from './restorer';
import { createRetries } from './retries';
import { createTabHandlers, type TabHandlers } from './tab-handlers';

export interface Controller extends Installable {
  /** What the worker may ask (content-script.ts routes its messages here). */
  handlers: TabHandlers;
  /** Asks the worker for this page's remembered placements and starts watching the page. */
  start(): void;
}

export function createController(send: SendToBackground, win: Window = window): Controller {
  const retries = createRetries(() => restorer.reconcile());
  const placements = createPagePlacements(send, retries, win);
  const restorer = createRestorer(placements, send, retries, win);
  const recorder = recordContextTargets(win);
  const tab = createTabHandlers({ placements, send, recorder, win });
  let stopWatch: (() => void) | undefined;

  return {
    handlers: tab.handlers,
    start: () => {
      stopWatch ??= watchPage(
        {
          urlChanged: () => void restorer.restore(),
          domChanged: restorer.reconcile,
        },
        win,
      );
      void restorer.restore();
    },
    alive: extensionAlive,
    dispose: () => {
      stopWatch?.();
      tab.stopPicking();
      retries.reset();
      recorder.stop();
      for (const placement of [...placements.live.values()]) placement.remove();
    },
  };
}
