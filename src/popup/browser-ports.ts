// The popup's ports backed by the real browser: storage, clipboard, downloads, side panel, host
// permissions, and the lazily loaded decoder and rasterizer (kept out of the first-load bundle).
import browser from 'webextension-polyfill';
import { storedItem } from '../core/storage-item';
import { storageAreaStore } from '../shared/storage-area';
import { watchStorage } from '../ui/watch-storage';
import { writeClipboardText } from './clipboard';
import { downloadBlob } from './download';
import { draftItem } from './draft';
import type { PageContext } from './page-context';
import type { PopupPorts } from './ports';
import { SNAPSHOT_ITEM } from './snapshot';

export function createBrowserPorts(page: PageContext): PopupPorts {
  const local = storageAreaStore(browser.storage.local);
  const draft = storedItem(local, draftItem(page.view));
  const snapshot = storedItem(local, SNAPSHOT_ITEM);
  const ports: PopupPorts = {
    loadDraft: draft.read,
    saveDraft: (value) => draft.change((_, writer) => (value === undefined ? writer.remove() : writer.write(value))),
    loadSnapshot: snapshot.read,
    saveSnapshot: (value) => snapshot.change((_, writer) => writer.write(value)),
    watchStorage,
    watchTargetTab: (listener) => {
      const fixed = page.tabId;
      if (fixed === undefined) {
        browser.tabs.onActivated.addListener(() => listener());
        browser.windows.onFocusChanged.addListener((windowId) => {
          if (windowId !== browser.windows.WINDOW_ID_NONE) listener();
        });
      }
      // Without the "tabs" permission the new URL is not told; the start of a load is.
      browser.tabs.onUpdated.addListener((tabId, change, tab) => {
        if (change.status !== 'loading' && change.url === undefined) return;
        if (fixed === undefined ? tab.active : tabId === fixed) listener();
      });
    },
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    copyText: (text) => writeClipboardText(text, navigator.clipboard),
    copyImage: (png) => navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]),
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
