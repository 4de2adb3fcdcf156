// Placing QR codes in tabs and remembering them per page: what the popup's placement messages and
// the content script's narrow messages do, with every browser call behind a port.
import { PimError } from '../core/errors';
import type {
  PinSpec,
  PlacedInfo,
  PlacementMode,
  PlacementSpec,
  PlaceResult,
  Point,
  RememberedPlacementList,
  Size,
} from '../shared/placement-messages';
import { originMatchPattern, type PageAddress, pageAddress } from '../shared/page-address';
import type { PendingPicks } from './pending-picks';
import type { PlacementStore, RememberedPlacement } from './placement-store';
import type { TabPort } from './tab-access';

export interface PlacementDeps {
  store: PlacementStore;
  tabs: TabPort;
  picks: PendingPicks;
  hasHostPermission: (pattern: string) => Promise<boolean>;
  /** Re-registers the restoring content script for the remembered origins. */
  syncScripts: () => Promise<unknown>;
  newId: () => string;
  now: () => number;
}

/** A place request after its payload was checked. */
export interface PlaceOrder {
  tabId?: number;
  svg: string;
  mode: PlacementMode;
  selector?: string;
  pick: boolean;
  remember: boolean;
}

/** The facts the browser gives about a content script's message, never its payload. */
export interface ContentSender {
  tabId: number;
  frameId: number;
  url: string;
}

export interface PlacementChange {
  position?: Point;
  size?: Size;
  opacity?: number;
  /** null unpins. */
  pin?: PinSpec | null;
}

export interface PlacementService {
  place(order: PlaceOrder): Promise<PlaceResult>;
  list(tabId?: number): Promise<RememberedPlacementList>;
  forget(id: string, tabId?: number): Promise<RememberedPlacementList>;
  forgetPage(tabId?: number): Promise<RememberedPlacementList>;
  restore(sender: ContentSender, url: string): Promise<PlacementSpec[]>;
  picked(sender: ContentSender, url: string, placementId: string, info: PlacedInfo): Promise<boolean>;
  update(sender: ContentSender, url: string, id: string, change: PlacementChange): Promise<boolean>;
  removedByUser(sender: ContentSender, url: string, id: string): Promise<boolean>;
}

/** `host` is '' for a page that is not a web page, undefined when the tab's address is not known. */
const notAllowedToRemember = (host: string | undefined) =>
  host === ''
    ? new PimError('remember-needs-web-page')
    : host === undefined
      ? new PimError('remember-site-not-allowed')
      : new PimError('remember-host-not-allowed', { params: { host } });

export function toSpec(p: RememberedPlacement): PlacementSpec {
  const spec: PlacementSpec = { id: p.id, svg: p.svg, mode: p.mode, size: p.size, opacity: p.opacity, remembered: true };
  if (p.selector !== undefined) spec.selector = p.selector;
  if (p.position !== undefined) spec.position = p.position;
  if (p.pin !== undefined) spec.pin = p.pin;
  return spec;
}

export function createPlacementService(deps: PlacementDeps): PlacementService {
  const { store, tabs } = deps;

  async function rememberable(url: string | undefined): Promise<PageAddress> {
    const address = pageAddress(url);
    if (!address) {
      throw notAllowedToRemember(url === undefined ? undefined : '');
    }
    if (!(await deps.hasHostPermission(originMatchPattern(address.origin)))) throw notAllowedToRemember(new URL(address.origin).host);
    return address;
  }

  function record(id: string, address: PageAddress, mode: PlacementMode, svg: string, info: PlacedInfo): RememberedPlacement {
    const item: RememberedPlacement = {
      id,
      origin: address.origin,
      path: address.path,
      mode,
      size: info.size,
      opacity: 1,
      svg,
      createdAt: deps.now(),
    };
    if (info.selector !== undefined) item.selector = info.selector;
    if (info.position !== undefined) item.position = info.position;
    return item;
  }

  async function list(tabId?: number): Promise<RememberedPlacementList> {
    const tab = await tabs.resolve(tabId);
    const address = pageAddress(tab.url);
    if (!address) return { origin: '', page: '', placements: [] };
    const items = (await store.list()).filter((p) => p.origin === address.origin).sort((a, b) => a.createdAt - b.createdAt);
    return {
      origin: address.origin,
      page: address.page,
      placements: items.map((p) => {
        const view: RememberedPlacementList['placements'][number] = {
          id: p.id,
          page: `${p.origin}${p.path}`,
          mode: p.mode,
          size: p.size,
          createdAt: p.createdAt,
          onThisPage: p.path === address.path,
        };
        if (p.selector !== undefined) view.selector = p.selector;
        return view;
      }),
    };
  }

  async function forgetWhere(which: (p: RememberedPlacement) => boolean): Promise<void> {
    const removed = await store.remove(which);
    if (removed.length === 0) return;
    await deps.syncScripts();
    const patterns = [...new Set(removed.map((p) => originMatchPattern(p.origin)))];
    await tabs.broadcast(patterns, 'bg-content-remove', { ids: removed.map((p) => p.id) });
  }

  /** The page a content script speaks for: the path it says, but only on the origin the browser says it is on. */
  function senderPage(sender: ContentSender, url: string): PageAddress | undefined {
    const claimed = pageAddress(url);
    const actual = pageAddress(sender.url);
    return claimed && actual && claimed.origin === actual.origin ? claimed : undefined;
  }

  async function ownedBy(sender: ContentSender, url: string, id: string): Promise<RememberedPlacement | undefined> {
    const address = senderPage(sender, url);
    if (!address) return undefined;
    return (await store.list()).find((p) => p.id === id && p.origin === address.origin && p.path === address.path);
  }

  return {
    place: async (order) => {
      const tab = await tabs.resolve(order.tabId);
      const address = order.remember ? await rememberable(tab.url) : undefined;
      await tabs.ensureController(tab.tabId);
      const id = deps.newId();
      const spec: PlacementSpec = { id, svg: order.svg, mode: order.mode, remembered: order.remember };
      if (order.selector !== undefined) spec.selector = order.selector;
      if (order.pick) {
        if (address) {
          await deps.picks.add({ id, tabId: tab.tabId, page: address.page, mode: order.mode, svg: order.svg, createdAt: deps.now() });
        }
        await tabs.send(tab.tabId, 'bg-content-pick', spec);
        return { tabId: tab.tabId, placementId: id, picking: true, remembered: false };
      }
      const info = await tabs.send(tab.tabId, 'bg-content-place', spec);
      if (address) {
        try {
          await store.add(record(id, address, order.mode, order.svg, info));
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

    restore: async (sender, url) => {
      const address = senderPage(sender, url);
      if (!address) return [];
      const items = await store.list();
      return items.filter((p) => p.origin === address.origin && p.path === address.path).map(toSpec);
    },

    picked: async (sender, url, placementId, info) => {
      const pick = await deps.picks.take(placementId);
      const address = senderPage(sender, url);
      if (!pick || !address || pick.tabId !== sender.tabId || pick.page !== address.page) return false;
      if (!(await deps.hasHostPermission(originMatchPattern(address.origin)))) return false;
      await store.add(record(pick.id, address, pick.mode, pick.svg, info));
      await deps.syncScripts();
      return true;
    },

    update: async (sender, url, id, change) => {
      if (!(await ownedBy(sender, url, id))) return false;
      const updated = await store.update(id, (p) => {
        const next = { ...p };
        if (change.position !== undefined) next.position = change.position;
        if (change.size !== undefined) next.size = change.size;
        if (change.opacity !== undefined) next.opacity = change.opacity;
        if (change.pin === null) delete next.pin;
        else if (change.pin !== undefined) next.pin = change.pin;
        return next;
      });
      return updated !== undefined;
    },

    removedByUser: async (sender, url, id) => {
      if (!(await ownedBy(sender, url, id))) return false;
      await store.remove((p) => p.id === id);
      await deps.syncScripts();
      return true;
    },
  };
}
