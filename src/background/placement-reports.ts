// What content scripts report about remembered placements: what to restore on this page, a pick
// made, an edit, a removal. A content script speaks only for the page it runs on: the path it
// claims counts only on the origin the browser says it is on.
import { originMatchPattern, type PageAddress, pageAddress } from '../shared/page-address';
import { type PickEnd, pickPage } from './last-picks';
import type { PlacementDeps, PlacementReports } from './placement-service';
import type { RememberedPlacement } from './placement-store';
import { rememberedPlacement, toSpec } from './remembered-placement';
import type { ContentScriptFacts } from './sender';

/** The page a content script speaks for: the path it says, but only on the origin the browser says it is on. */
function senderPage(sender: ContentScriptFacts, url: string): PageAddress | undefined {
  const claimed = pageAddress(url);
  const actual = pageAddress(sender.url);
  return claimed && actual && claimed.origin === actual.origin ? claimed : undefined;
}

export function createPlacementReports(deps: PlacementDeps): PlacementReports {
  const { store } = deps;

  async function ownedBy(sender: ContentScriptFacts, url: string, id: string): Promise<RememberedPlacement | undefined> {
    const address = senderPage(sender, url);
    if (!address) return undefined;
    return (await store.list()).find((p) => p.id === id && p.origin === address.origin && p.path === address.path);
  }

  /** The picker runs in the top frame of the tab the worker asked; the page is where the browser says the script is. */
  const pickEnded = (sender: ContentScriptFacts, placementId: string, end: PickEnd) =>
    sender.frameId === 0 ? deps.lastPicks.ended(sender.tabId, pickPage(sender.url), placementId, end) : Promise.resolve(false);

  return {
    restore: async (sender, url) => {
      const address = senderPage(sender, url);
      if (!address) return [];
      const items = await store.list();
      return items.filter((p) => p.origin === address.origin && p.path === address.path).map(toSpec);
    },

    picked: async (sender, url, { placementId, selector, info }) => {
      await pickEnded(sender, placementId, { state: 'placed', selector });
      const pick = await deps.picks.take(placementId);
      const address = senderPage(sender, url);
      if (!pick || !address || pick.tabId !== sender.tabId || pick.page !== address.page) return false;
      if (!(await deps.hasHostPermission(originMatchPattern(address.origin)))) return false;
      await store.add(rememberedPlacement(pick.id, address, pick.mode, pick.svg, info, deps.now()));
      await deps.syncScripts();
      return true;
    },

    pickCancelled: (sender, placementId) => pickEnded(sender, placementId, { state: 'cancelled' }),

    pickFailed: (sender, placementId, code) => pickEnded(sender, placementId, { state: 'failed', code }),

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
