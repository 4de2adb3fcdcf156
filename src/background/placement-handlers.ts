// The popup's messages about the page: placing QR codes (the placement service does the work) and
// capturing the page with them (page-screenshot.ts).
import type { UiHandlers } from './router';
import type { TabPlacements } from './placement-service';

export function createPlacementHandlers(service: TabPlacements, screenshot: UiHandlers['ui-bg-screenshot']) {
  return {
    'ui-bg-place': async (order) => service.place(order),
    'ui-bg-placements-list': async ({ tabId }) => service.list(tabId),
    'ui-bg-placements-all': async () => service.all(),
    'ui-bg-placement-take': async (placement) => service.take(placement),
    'ui-bg-placement-forget': async ({ id, tabId }) => service.forget(id, tabId),
    'ui-bg-placements-forget-page': async ({ tabId }) => service.forgetPage(tabId),
    'ui-bg-screenshot': screenshot,
  } satisfies Partial<UiHandlers>;
}
