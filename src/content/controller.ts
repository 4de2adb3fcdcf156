// The one controller per page (and frame): draws placements when the background asks, runs the
// picker, keeps remembered placements in place across re-renders and SPA navigations, and reports
// the user's edits of remembered placements. It knows nothing but SVG markup and page geometry.
// Restoring is cheap when it misses: the element is looked up before any SVG work, each remembered
// SVG is sanitized and parsed once, and an element that does not show up is looked for less and less
// often, then no more until the page's address changes (retries.ts).
import { PimError } from '../core/errors';
import { placeFailedNotice } from '../shared/error-text';
import { pageAddress } from '../shared/page-address';
import type { ContextTargetHints, PlacedInfo, PlacementSpec, TabEnvelope, TabMessageName, TabProtocol } from '../shared/placement-messages';
import type { sendToBackground } from './background-channel';
import { contextTarget, recordContextTargets } from './context-target';
import { cssSelectorFor } from './css-selector';
import type { Installable } from './install-once';
import { showNotice } from './notice';
import { watchPage } from './page-watch';
import { isPickable, startPicker } from './picker';
import { createPlacement, type Placement, type PlacementChange, type PlacementEvents } from './placement';
import { MIN_SIDE } from './placement-geometry';
import { createRetries } from './retries';
import { prepareSvg, type PreparedSvg } from './svg-image';
import { t } from '../shared/i18n';

export interface Controller extends Installable {
  handle<N extends TabMessageName>(message: TabEnvelope<N>): Promise<TabProtocol[N]['response']>;
  /** Asks the background for this page's remembered placements and starts watching the page. */
  start(): void;
}

export function resolveSelector(doc: Document, selector: string | undefined): Element {
  if (selector === undefined || selector.trim() === '') {
    throw new PimError('selector-missing');
  }
  let found: Element | null;
  try {
    found = doc.querySelector(selector);
  } catch {
    throw new PimError('selector-invalid', { params: { selector } });
  }
  if (!found) {
    throw new PimError('selector-no-match', { params: { selector } });
  }
  return found;
}

export function createController(send: typeof sendToBackground, win: Window = window): Controller {
  const doc = win.document;
  const live = new Map<string, Placement>();
  /** Remembered placements, as last edited, with the page (origin + path) each belongs to. */
  const remembered = new Map<string, { spec: PlacementSpec; page: string }>();
  const currentPage = () => pageAddress(win.location.href)?.page ?? win.location.href;
  let stopPicker: (() => void) | undefined;
  let stopWatch: (() => void) | undefined;
  const recorder = recordContextTargets(win);
  const failed = new Set<string>();
  /** Each remembered item's SVG, prepared once: a re-render or a retry should not parse it again. */
  const preparedSvgs = new Map<string, { markup: string; prepared: PreparedSvg }>();
  const retries = createRetries(() => reconcile());

  /** Drops what the controller keeps for a remembered item that is gone or belongs to another page. */
  function forget(id: string): void {
    remembered.delete(id);
    preparedSvgs.delete(id);
    retries.forget(id);
  }

  function preparedFor(spec: PlacementSpec): PreparedSvg {
    if (!spec.remembered) return prepareSvg(doc, spec.svg);
    let cached = preparedSvgs.get(spec.id);
    if (cached?.markup !== spec.svg) {
      cached = { markup: spec.svg, prepared: prepareSvg(doc, spec.svg) };
      preparedSvgs.set(spec.id, cached);
    }
    // A copy per placement: the cached tree must stay out of any page, ready for the next restore.
    return { ...cached.prepared, svg: cached.prepared.svg.cloneNode(true) as SVGSVGElement };
  }

  const report = (what: string) => (error: unknown) => console.warn(`[content] ${what} failed`, error);

  const events: PlacementEvents = {
    removed: (placement, byUser) => {
      if (live.get(placement.id) === placement) live.delete(placement.id);
      if (byUser && placement.spec.remembered) {
        forget(placement.id);
        send('content-bg-placement-removed', { url: win.location.href, id: placement.id }).catch(report('forgetting'));
      }
    },
    changed: (placement, change: PlacementChange) => {
      if (!placement.spec.remembered) return;
      remembered.set(placement.id, { spec: { ...placement.spec }, page: remembered.get(placement.id)?.page ?? currentPage() });
      send('content-bg-placement-update', { url: win.location.href, id: placement.id, ...change }).catch(report('saving'));
    },
  };

  function place(spec: PlacementSpec, explicitTarget?: Element): PlacedInfo {
    const existing = live.get(spec.id);
    if (existing?.isIntact()) return existing.info();
    existing?.remove();
    // The element first: while it is missing, the SVG is not worth touching.
    let target: Element | undefined;
    if (spec.mode !== 'floating') {
      target = explicitTarget ?? resolveSelector(doc, spec.selector);
      if (!isPickable(target) || (spec.mode === 'replace' && target === doc.body)) {
        throw new PimError('pick-outside-page');
      }
    }
    const prepared = preparedFor(spec);
    const withSelector = target && spec.selector === undefined ? { ...spec, selector: cssSelectorFor(target) } : spec;
    const placement = createPlacement(withSelector, prepared, target, events, win);
    live.set(spec.id, placement);
    retries.found(spec.id);
    if (spec.remembered) remembered.set(spec.id, { spec: { ...placement.spec }, page: remembered.get(spec.id)?.page ?? currentPage() });
    return placement.info();
  }

  /** Floating, pinned over the element: a square as large as its shorter side, centred on it. */
  function placeOver(spec: PlacementSpec, element: Element): PlacedInfo {
    const rect = element.getBoundingClientRect();
    const side = Math.max(MIN_SIDE, Math.round(Math.min(rect.width, rect.height)));
    const x = Math.round(rect.left + (rect.width - side) / 2);
    const y = Math.round(rect.top + (rect.height - side) / 2);
    return place({
      ...spec,
      mode: 'floating',
      size: { width: side, height: side },
      position: { x, y },
      pin: { selector: cssSelectorFor(element), dx: x - Math.round(rect.left), dy: y - Math.round(rect.top) },
    });
  }

  function pick(onPicked: (element: Element) => void): void {
    stopPicker?.();
    stopPicker = startPicker(
      {
        picked: (element) => {
          stopPicker = undefined;
          try {
            onPicked(element);
          } catch (error) {
            showNotice(placeFailedNotice(error), win);
          }
        },
        cancelled: () => {
          stopPicker = undefined;
          showNotice(t('content_pickCancelled'), win, 2500);
        },
      },
      win,
    );
  }

  /** Puts remembered placements back where the page lost them, and drops those of other pages. */
  function reconcile(): void {
    const page = currentPage();
    for (const placement of [...live.values()]) {
      const mine = remembered.get(placement.id)?.page === page;
      if (placement.spec.remembered && !mine) placement.remove();
      else if (!placement.host.isConnected || (mine && !placement.isIntact())) placement.remove();
    }
    for (const { spec, page: itsPage } of [...remembered.values()]) {
      if (itsPage !== page || live.has(spec.id) || failed.has(spec.id) || !retries.due(spec.id)) continue;
      try {
        place(spec);
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
      report('restoring')(error);
      return undefined;
    });
    if (!specs || ticket !== restoring || url !== win.location.href) return;
    // Merge: a placement made while the answer was on its way is newer than the answer.
    const page = currentPage();
    for (const [id, entry] of [...remembered]) if (entry.page !== page) forget(id);
    for (const spec of specs) if (!remembered.has(spec.id)) remembered.set(spec.id, { spec, page });
    reconcile();
  }

  const handlers: { [N in TabMessageName]: (payload: TabProtocol[N]['request']) => Promise<TabProtocol[N]['response']> } = {
    'bg-content-ping': async () => ({ ready: true }),
    'bg-content-place': async (spec) => place(spec),
    'bg-content-pick': async (spec) => {
      pick((element) => {
        const info = place({ ...spec, selector: cssSelectorFor(element) }, element);
        if (spec.remembered) {
          send('content-bg-picked', { url: win.location.href, placementId: spec.id, info }).catch(report('remembering'));
        }
      });
      return { picking: true };
    },
    'bg-content-place-at-context-target': async ({ spec, how, hints }: { spec: PlacementSpec; how: 'over' | 'replace'; hints: ContextTargetHints }) => {
      const placeAt = (element: Element) => (how === 'over' ? placeOver(spec, element) : place({ ...spec, mode: 'replace', selector: cssSelectorFor(element) }, element));
      const element = contextTarget(recorder, doc, hints);
      if (element) {
        placeAt(element);
        return { placed: true, picking: false };
      }
      pick(placeAt);
      return { placed: false, picking: true };
    },
    'bg-content-remove': async ({ ids }) => {
      let removed = 0;
      for (const id of ids) {
        forget(id);
        const placement = live.get(id);
        if (placement) {
          placement.remove();
          removed++;
        }
      }
      return { removed };
    },
    'bg-content-notice': async ({ text }) => {
      showNotice(text, win);
      return { shown: true };
    },
  };

  return {
    handle: (message) => (handlers[message.name] as (payload: unknown) => Promise<never>)(message.payload),
    start: () => {
      stopWatch ??= watchPage(
        {
          urlChanged: () => void restore(),
          domChanged: reconcile,
        },
        win,
      );
      void restore();
    },
    alive: () => {
      try {
        return Boolean(globalThis.chrome?.runtime?.id);
      } catch {
        return false;
      }
    },
    dispose: () => {
      stopWatch?.();
      stopPicker?.();
      retries.reset();
      recorder.stop();
      for (const placement of [...live.values()]) placement.remove();
    },
  };
}
