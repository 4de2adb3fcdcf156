// What the worker may ask of the content script (shared/contracts/worker-to-content.ts): one
// handler per message, each given a payload the router has already checked.
import { isPlainErrorCode, type PlainErrorCode } from '../core/error-codes';
import { PimError, toErrorData } from '../core/errors';
import type { Handlers } from '../shared/contract';
import type { WorkerToContent } from '../shared/contracts/worker-to-content';
import { contextTarget, type ContextTargetRecorder } from './context-target';
import { cssSelectorFor } from './css-selector';
import { showNotice } from './notice';
import { createOwnUiHiding } from './own-ui-hiding';
import { type PagePlacements, reportFailure, type SendToBackground } from './page-placements';
import { startPicker } from './picker';
import { placeFailedNotice } from '../shared/error-text';
import { isSamePageAddress } from '../shared/page-address';
import type { PlacementOrder } from '../shared/placement-messages';
import { t } from '../shared/i18n';

export type TabHandlers = Handlers<WorkerToContent>;

/** The worker keeps a failed pick's code alone: one whose words need values is told as "could not place". */
function plainCodeOf(error: unknown): PlainErrorCode {
  const { code } = toErrorData(error);
  return isPlainErrorCode(code) ? code : 'place-failed';
}

/**
 * An order made for another page (the tab navigated or reloaded while it was on its way, and this is
 * the new document's script) is refused, so nothing is drawn where the user did not ask.
 */
export function refuseOrderForAnotherPage(order: PlacementOrder, win: Window): void {
  if (order.page !== undefined && !isSamePageAddress(order.page, win.location.href)) throw new PimError('page-changed');
}

/** Takes them off the page and out of what it keeps in place; how many were on the page. */
function removePlacements(placements: PagePlacements, ids: readonly string[]): number {
  let removed = 0;
  for (const id of ids) {
    placements.forget(id);
    const placement = placements.live.get(id);
    if (placement) {
      placement.remove();
      removed++;
    }
  }
  return removed;
}

export interface TabHandlerDeps {
  placements: PagePlacements;
  send: SendToBackground;
  recorder: ContextTargetRecorder;
  win: Window;
}

export function createTabHandlers({ placements, send, recorder, win }: TabHandlerDeps): { handlers: TabHandlers; stopPicking(): void } {
  let stopPicker: (() => void) | undefined;

  /** `ended` hears how a pick the worker follows ended when nothing was placed. */
  function pick(onPicked: (element: Element) => void, ended?: { cancelled(): void; failed(error: unknown): void }): void {
    stopPicker?.();
    stopPicker = startPicker(
      {
        picked: (element) => {
          stopPicker = undefined;
          try {
            onPicked(element);
          } catch (error) {
            showNotice(placeFailedNotice(error), win);
            ended?.failed(error);
          }
        },
        cancelled: () => {
          stopPicker = undefined;
          showNotice(t('content_pickCancelled'), win, 2500);
          ended?.cancelled();
        },
      },
      win,
    );
  }

  const handlers: TabHandlers = {
    'bg-content-ping': async () => ({ ready: true }),
    'bg-content-place': async (spec) => {
      refuseOrderForAnotherPage(spec, win);
      return placements.place(spec);
    },
    'bg-content-pick': async (spec) => {
      refuseOrderForAnotherPage(spec, win);
      // Every outcome goes to the worker: the popup that started the pick may have closed by now.
      const placementId = spec.id;
      pick(
        (element) => {
          const selector = cssSelectorFor(element);
          if (!selector) throw new PimError('pick-selector-too-long');
          const info = placements.place({ ...spec, selector }, element);
          send('content-bg-picked', { url: win.location.href, placementId, selector, info }).catch(reportFailure('reporting the pick'));
        },
        {
          cancelled: () => void send('content-bg-pick-cancelled', { placementId }).catch(reportFailure('reporting the cancelled pick')),
          failed: (error) =>
            void send('content-bg-pick-failed', { placementId, code: plainCodeOf(error) }).catch(reportFailure('reporting the failed pick')),
        },
      );
      return { picking: true };
    },
    'bg-content-place-at-context-target': async ({ spec, how, hints }) => {
      refuseOrderForAnotherPage(spec, win);
      const placeAt = (element: Element) =>
        how === 'over' ? placements.placeOver(spec, element) : placements.place({ ...spec, mode: 'replace', selector: cssSelectorFor(element) }, element);
      const element = contextTarget(recorder, win.document, hints);
      if (element) {
        placeAt(element);
        return { placed: true, picking: false };
      }
      pick(placeAt);
      return { placed: false, picking: true };
    },
    'bg-content-remove': async ({ ids }) => ({ removed: removePlacements(placements, ids) }),
    'bg-content-own-ui': createOwnUiHiding(win),
    'bg-content-notice': async ({ text }) => {
      showNotice(text, win);
      return { shown: true };
    },
  };

  return { handlers, stopPicking: () => stopPicker?.() };
}
