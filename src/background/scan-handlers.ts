// "Scan this page": the popup's messages about the QR codes a page shows. The worker finds the tab and
// injects the page scanner under the same access rules as placing a QR; it reads nothing of the
// scanner's answer, which the view checks before use.
import type { WorkerToScanner } from '../shared/contracts/worker-to-scanner';
import type { UiHandlers } from './router';
import type { ScriptPort, TabPort } from './tab-access';

export function createScanHandlers(tabs: Pick<TabPort, 'resolve'>, scanner: ScriptPort<WorkerToScanner>) {
  return {
    'ui-bg-scan-page': async ({ tabId }) => {
      const tab = await tabs.resolve(tabId);
      await scanner.ensureController(tab.tabId);
      return { tabId: tab.tabId, scan: await scanner.send(tab.tabId, 'bg-scanner-scan', undefined) };
    },
    'ui-bg-scan-highlight': async ({ tabId, index }) => scanner.send(tabId, 'bg-scanner-highlight', { index }),
  } satisfies Partial<UiHandlers>;
}
