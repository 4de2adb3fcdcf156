// The content script's messages; the sender's tab and origin come from the browser (the router's
// ContentScriptFacts), never from the payload.
import type { PlacementReports } from './placement-service';
import type { ContentHandlers } from './router';

export function createContentHandlers(service: PlacementReports): ContentHandlers {
  return {
    'content-bg-restore': async ({ url }, sender) => service.restore(sender, url),
    'content-bg-picked': async ({ url, ...pick }, sender) => ({ remembered: await service.picked(sender, url, pick) }),
    'content-bg-pick-cancelled': async ({ placementId }, sender) => ({ recorded: await service.pickCancelled(sender, placementId) }),
    'content-bg-pick-failed': async ({ placementId, code }, sender) => ({ recorded: await service.pickFailed(sender, placementId, code) }),
    'content-bg-placement-update': async ({ url, id, ...change }, sender) => ({ updated: await service.update(sender, url, id, change) }),
    'content-bg-placement-removed': async ({ url, id }, sender) => ({ forgotten: await service.removedByUser(sender, url, id) }),
  };
}
