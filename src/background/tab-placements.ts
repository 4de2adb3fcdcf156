// What the popup asks about placements: place a QR in a tab (and remember it), list what the tab's
// site remembers, forget one or all of a page.
import { PimError } from '../core/errors';
import { isSamePageAddress, originMatchPattern, type PageAddress, pageAddress } from '../shared/page-address';
import type { PlacementOrder, PlaceRequest, RememberedPlacementList } from '../shared/placement-messages';
import type { PlacementDeps, TabPlacements } from './placement-service';
import type { RememberedPlacement } from './placement-store';
import type { TabPort, TabTarget } from './tab-access';
import { pickPage } from './last-picks';
import { rememberedPlacement } from './remembered-placement';

/** `host` is '' for a page that is not a web page, undefined when the tab's address is not known. */
const notAllowedToRemember = (host: string | undefined) =>
  host === ''
    ? new PimError('remember-needs-web-page')
    : host === undefined
      ? new PimError('remember-site-not-allowed')
      : new PimError('remember-host-not-allowed', { params: { host } });

/**
 * Whatever went wrong while the tab moved on to another address (the injection, the script's
 * answer, the order itself) is told as that: the browser's own words would blame the new page.
 * An address the browser no longer tells means another site, which the grant does not cover.
 */
async function onTheOrderedPage<T>(tabs: TabPort, tab: TabTarget, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (tab.url === undefined) throw error;
    const now = await tabs.resolve(tab.tabId).catch(() => undefined);
    if (now && (now.url === undefined || !isSamePageAddress(tab.url, now.url))) throw new PimError('page-changed');
    throw error;
  }
}

/** What the page is asked to draw, for the address the tab showed as the worker read it. */
function orderFor(id: string, order: PlaceRequest, page: string | undefined): PlacementOrder {
  const spec: PlacementOrder = { id, svg: order.svg, mode: order.mode, remembered: order.remember === true };
  if (order.selector !== undefined) spec.selector = order.selector;
  if (page !== undefined) spec.page = page;
  return spec;
}

export function createTabPlacements(deps: PlacementDeps): Omit<TabPlacements, 'all' | 'take'> {
  const { store, tabs } = deps;

  async function rememberable(url: string | undefined): Promise<PageAddress> {
    const address = pageAddress(url);
    if (!address) {
      throw notAllowedToRemember(url === undefined ? undefined : '');
    }
    if (!(await deps.hasHostPermission(originMatchPattern(address.origin)))) throw notAllowedToRemember(new URL(address.origin).host);
    return address;
  }

  async function list(tabId?: number): Promise<RememberedPlacementList> {
    const tab = await tabs.resolve(tabId);
    const address = pageAddress(tab.url);
    const lastPick = await deps.lastPicks.of(tab.tabId, tab.url);
    if (!address) return { origin: '', page: '', placements: [], lastPick };
    const items = (await store.list()).filter((p) => p.origin === address.origin).sort((a, b) => a.createdAt - b.createdAt);
    return { origin: address.origin, page: address.page, placements: items.map((p) => view(p, address)), lastPick };
  }

  async function forgetWhere(which: (p: RememberedPlacement) => boolean): Promise<void> {
    const removed = await store.remove(which);
    if (removed.length === 0) return;
    await deps.syncScripts();
    const patterns = [...new Set(removed.map((p) => originMatchPattern(p.origin)))];
    await tabs.broadcast(patterns, 'bg-content-remove', { ids: removed.map((p) => p.id) });
  }

  return {
    place: async (order) => {
      const remember = order.remember === true;
      const tab = await tabs.resolve(order.tabId);
      const address = remember ? await rememberable(tab.url) : undefined;
      const id = deps.newId();
      const spec = orderFor(id, order, tab.url);
      const first = order.pick === true ? undefined : ({ name: 'bg-content-place', payload: spec } as const); // drawn as the script starts
      await onTheOrderedPage(tabs, tab, () => tabs.ensureController(tab.tabId, 0, first));
      if (order.pick === true) {
        if (address) {
          await deps.picks.add({ id, tabId: tab.tabId, page: address.page, mode: order.mode, svg: order.svg, createdAt: deps.now() });
        }
        // Recorded before the page is asked, so the answer of the quickest pick finds it waiting.
        await deps.lastPicks.started(tab.tabId, tab.url === undefined ? '' : pickPage(tab.url), { id, state: 'picking', mode: order.mode });
        try {
          await onTheOrderedPage(tabs, tab, () => tabs.send(tab.tabId, 'bg-content-pick', spec));
        } catch (error) {
          await deps.lastPicks.forget(tab.tabId);
          throw error;
        }
        return { tabId: tab.tabId, placementId: id, picking: true, remembered: false };
      }
      const info = await onTheOrderedPage(tabs, tab, () => tabs.send(tab.tabId, 'bg-content-place', spec));
      if (address) {
        try {
          await store.add(rememberedPlacement(id, address, order.mode, order.svg, info, deps.now()));
        } catch (error) {
          await tabs.send(tab.tabId, 'bg-content-remove', { ids: [id] }).catch(() => undefined);
          throw error;
        }
        await deps.syncScripts();
      }
      return { tabId: tab.tabId, placementId: id, picking: false, remembered: address !== undefined };
    },

    list,

    forget: async (id, tabId) => {
      await forgetWhere((p) => p.id === id);
      return list(tabId);
    },

    forgetPage: async (tabId) => {
      const tab = await tabs.resolve(tabId);
      const address = pageAddress(tab.url);
      if (address) await forgetWhere((p) => p.origin === address.origin && p.path === address.path);
      return list(tabId);
    },
  };
}

/** What a set-up file carries out, and brings in. One with the same id is the person's own: kept, never overwritten. */
export function setupPlacements({ store, syncScripts }: Pick<PlacementDeps, 'store' | 'syncScripts'>): Pick<TabPlacements, 'all' | 'take'> {
  return {
    all: () => store.list(),
    take: async (placement) => {
      if ((await store.list()).some((p) => p.id === placement.id)) return { taken: false };
      await store.add(placement);
      await syncScripts();
      return { taken: true };
    },
  };
}

/** What the popup may see of a remembered placement: not its SVG. */
function view(p: RememberedPlacement, shown: PageAddress): RememberedPlacementList['placements'][number] {
  const item: RememberedPlacementList['placements'][number] = {
    id: p.id,
    page: `${p.origin}${p.path}`,
    mode: p.mode,
    size: p.size,
    createdAt: p.createdAt,
    onThisPage: p.path === shown.path,
  };
  if (p.selector !== undefined) item.selector = p.selector;
  return item;
}
