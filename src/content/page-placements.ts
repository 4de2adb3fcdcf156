// The placements drawn in this page (and frame), and how each is drawn: the target element first,
// then the SVG, prepared once per remembered item. Edits and removals of remembered placements are
// reported to the worker.
import { PimError } from '../core/errors';
import type { Send } from '../shared/contract';
import type { ContentToWorker } from '../shared/contracts/content-to-worker';
import { pageAddress } from '../shared/page-address';
import type { PlacedInfo, PlacementSpec } from '../shared/placement-messages';
import { cssSelectorFor } from './css-selector';
import { isPickable } from './picker';
import { createPlacement, type Placement, type PlacementChange, type PlacementEvents } from './placement';
import { MIN_SIDE } from './placement-geometry';
import type { Retries } from './retries';
import { prepareSvg, type PreparedSvg } from './svg-image';

export type SendToBackground = Send<ContentToWorker>;

export interface PagePlacements {
  /** What is drawn now, by placement id. */
  readonly live: Map<string, Placement>;
  /** Remembered placements, as last edited, with the page (origin + path) each belongs to. */
  readonly remembered: Map<string, { spec: PlacementSpec; page: string }>;
  /** origin + path of the page shown now. */
  currentPage(): string;
  /** Draws `spec` (again, unless it is intact), in `explicitTarget` or the element its selector finds. */
  place(spec: PlacementSpec, explicitTarget?: Element): PlacedInfo;
  /** Floating, pinned over the element: a square as large as its shorter side, centred on it. */
  placeOver(spec: PlacementSpec, element: Element): PlacedInfo;
  /** Drops what is kept for a remembered item that is gone or belongs to another page. */
  forget(id: string): void;
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

export const reportFailure = (what: string) => (error: unknown) => console.warn(`[content] ${what} failed`, error);

export function createPagePlacements(send: SendToBackground, retries: Retries, win: Window): PagePlacements {
  const doc = win.document;
  const live = new Map<string, Placement>();
  const remembered = new Map<string, { spec: PlacementSpec; page: string }>();
  const currentPage = () => pageAddress(win.location.href)?.page ?? win.location.href;
  /** Each remembered item's SVG, prepared once: a re-render or a retry should not parse it again. */
  const preparedSvgs = new Map<string, { markup: string; prepared: PreparedSvg }>();

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

  const events: PlacementEvents = {
    removed: (placement, byUser) => {
      if (live.get(placement.id) === placement) live.delete(placement.id);
      if (byUser && placement.spec.remembered) {
        forget(placement.id);
        send('content-bg-placement-removed', { url: win.location.href, id: placement.id }).catch(reportFailure('forgetting'));
      }
    },
    changed: (placement, change: PlacementChange) => {
      if (!placement.spec.remembered) return;
      remembered.set(placement.id, { spec: { ...placement.spec }, page: remembered.get(placement.id)?.page ?? currentPage() });
      send('content-bg-placement-update', { url: win.location.href, id: placement.id, ...change }).catch(reportFailure('saving'));
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
    const found = target && spec.selector === undefined ? cssSelectorFor(target) : undefined;
    const withSelector = found ? { ...spec, selector: found } : spec;
    const placement = createPlacement(withSelector, prepared, target, events, win);
    live.set(spec.id, placement);
    retries.found(spec.id);
    if (spec.remembered) remembered.set(spec.id, { spec: { ...placement.spec }, page: remembered.get(spec.id)?.page ?? currentPage() });
    return placement.info();
  }

  function placeOver(spec: PlacementSpec, element: Element): PlacedInfo {
    const rect = element.getBoundingClientRect();
    const side = Math.max(MIN_SIDE, Math.round(Math.min(rect.width, rect.height)));
    const x = Math.round(rect.left + (rect.width - side) / 2);
    const y = Math.round(rect.top + (rect.height - side) / 2);
    const selector = cssSelectorFor(element);
    return place({
      ...spec,
      mode: 'floating',
      size: { width: side, height: side },
      position: { x, y },
      // Without a selector it floats where it was put, unpinned.
      ...(selector ? { pin: { selector, dx: x - Math.round(rect.left), dy: y - Math.round(rect.top) } } : {}),
    });
  }

  return { live, remembered, currentPage, place, placeOver, forget };
}
