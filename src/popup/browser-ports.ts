// The popup's ports backed by the real browser: storage, clipboard, downloads, side panel, host
// permissions, and the lazily loaded decoder and rasterizer (kept out of the first-load bundle).
import browser from 'webextension-polyfill';
import { downloadBlob } from './download';
import { DRAFT_KEY } from './draft';
import type { PageContext } from './page-context';
import type { PopupPorts } from './ports';

export function createBrowserPorts(page: PageContext): PopupPorts {
  const ports: PopupPorts = {
    loadDraft: async () => (await browser.storage.local.get(DRAFT_KEY))[DRAFT_KEY],
    saveDraft: (draft) => browser.storage.local.set({ [DRAFT_KEY]: draft }),
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    copyText: (text) => navigator.clipboard.writeText(text),
    download: (blob, fileName) => downloadBlob(blob, fileName),
    newRequestId: () => crypto.randomUUID(),
    decodeQr: async (svg, width, height) => (await import('./qr-decode')).decodeQrFromSvg(svg, width, height),
    renderPng: async (svg, width, height) => (await import('./png-export')).renderPng(svg, width, height),
    // No async wrapper: permissions.request must be called in the click's own task.
    requestHostPermission: (pattern) => browser.permissions.request({ origins: [pattern] }),
    closeWindow: () => window.close(),
  };
  const sidePanel = typeof chrome !== 'undefined' ? chrome.sidePanel : undefined;
  if (sidePanel && page.view !== 'sidepanel') {
    // The window id is looked up now: sidePanel.open must run within the click's user gesture.
    let windowId: number | undefined;
    browser.windows
      .getCurrent()
      .then((w) => (windowId = w.id))
      .catch((e: unknown) => console.warn('[popup] no current window', e));
    ports.openSidePanel = async () => {
      if (windowId === undefined) return;
      await sidePanel.open({ windowId });
      if (page.view === 'popup') window.close();
    };
  }
  return ports;
}
