// "Screenshot page": the visible part of a tab as a PNG, for sharing a mock-up with a placed QR. The
// page is captured as its visitors see it: PiM QR's toolbars, badges, warning marks, notices and picker
// are hidden in every frame while the browser captures, and shown again whatever the capture did.
//
// captureVisibleTab needs `<all_urls>` or an activeTab grant for the tab; a host permission for the
// page's site is not enough in Chromium (PermissionsData::CanCaptureVisiblePage). PiM QR asks for no
// `<all_urls>`: the toolbar button, its shortcut and the context menu grant activeTab, and a side panel
// or sidebar works on a tab once one of those was used there (docs/security.md says why).
import { PimError } from '../core/errors';
import type { PageScreenshot } from '../shared/placement-messages';
import type { TabPort } from './tab-access';

/** The browser call a capture needs, so tests can stand in for it. */
export interface CaptureApi {
  captureVisibleTab(windowId: number | undefined, options: { format: 'png' }): Promise<string>;
}

export function createPageScreenshot(tabs: TabPort, capture: CaptureApi) {
  // A tab without PiM QR's script has nothing of ours to hide: none is injected for that.
  const ownUi = (tabId: number, hidden: boolean) => tabs.send(tabId, 'bg-content-own-ui', { hidden }, 'all').catch(() => undefined);
  return async ({ tabId }: { tabId?: number }): Promise<PageScreenshot> => {
    const { tabId: id, url, windowId, active } = await tabs.resolve(tabId);
    // The browser captures the tab in front of its window, whichever that is: never another page.
    if (!active) throw new PimError('capture-failed');
    await ownUi(id, true);
    try {
      return { dataUrl: await capture.captureVisibleTab(windowId, { format: 'png' }), url };
    } catch (error) {
      // Chromium: "Either the '<all_urls>' or 'activeTab' permission is required."; Firefox: "Missing activeTab permission".
      throw new PimError(/activeTab/.test(String(error)) ? 'capture-not-allowed' : 'capture-failed');
    } finally {
      void ownUi(id, false);
    }
  };
}
