// Remembered placements come back: asked of the worker for each new address, put back where the page
// lost them (a re-render, a single-page-app route), and dropped when they belong to another page.
// Restoring is cheap when it misses: the element is looked up before any SVG work, and an element
// that does not show up is looked for less and less often, then no more until the address changes.
import { PimError } from '../core/errors';
import { type PagePlacements, reportFailure, type SendToBackground } from './page-placements';
import type { Retries } from './retries';

export interface Restorer {
  /** Puts remembered placements back where the page lost them, and drops those of other pages. */
  reconcile(): void;
  /** Asks the worker for this address's remembered placements, then reconciles. */
  restore(): Promise<void>;
}

export function createRestorer(placements: PagePlacements, send: SendToBackground, retries: Retries, win: Window): Restorer {
  const { live, remembered } = placements;
  /** Remembered items whose image cannot be drawn: retrying will not help. */
  const failed = new Set<string>();

  function reconcile(): void {
    const page = placements.currentPage();
    for (const placement of [...live.values()]) {
      const mine = remembered.get(placement.id)?.page === page;
      if (placement.spec.remembered && !mine) placement.remove();
      else if (!placement.host.isConnected || (mine && !placement.isIntact())) placement.remove();
    }
    for (const { spec, page: itsPage } of [...remembered.values()]) {
      if (itsPage !== page || live.has(spec.id) || failed.has(spec.id) || !retries.due(spec.id)) continue;
      try {
        placements.place(spec);
      } catch (error) {
        // An unusable image will not get better; the element may simply not be rendered yet.
        if (error instanceof PimError && error.kind === 'unreadable-response') {
          failed.add(spec.id);
          console.warn('[content] a remembered QR could not be shown', error.message);
        } else if (!retries.missed(spec.id)) {
          console.info(`[content] stopped looking for “${spec.selector ?? ''}” for a remembered QR until the page changes`);
        }
      }
    }
    for (const placement of live.values()) placement.refresh();
  }

  let restoring = 0;
  async function restore(): Promise<void> {
    const ticket = ++restoring;
    const url = win.location.href;
    // A new page, or a new route of a single-page app: look for every element afresh.
    retries.reset();
    const specs = await send('content-bg-restore', { url }).catch((error: unknown) => {
      reportFailure('restoring')(error);
      return undefined;
    });
    if (!specs || ticket !== restoring || url !== win.location.href) return;
    // Merge: a placement made while the answer was on its way is newer than the answer.
    const page = placements.currentPage();
    for (const [id, entry] of [...remembered]) if (entry.page !== page) placements.forget(id);
    for (const spec of specs) if (!remembered.has(spec.id)) remembered.set(spec.id, { spec, page });
    reconcile();
  }

  return { reconcile, restore };
}
