// The popup's ports backed by the real browser: storage, clipboard, downloads, side panel, host
// permissions, and the lazily loaded decoder and rasterizer (kept out of the first-load bundle).
import browser from 'webextension-polyfill';
import { type PageCopy, pageCopy, pageLocalStorage } from '../shared/page-copy';
import { storageAreaStore } from '../shared/storage-area';
import { watchStorage } from '../ui/watch-storage';
import { writeClipboardText } from './clipboard';
import { copiedItem } from './copied-item';
import { downloadBlob } from './download';
import { draftItem } from './draft';
import type { PageContext } from './page-context';
import type { PopupPorts } from './ports';
import { SNAPSHOT_ITEM } from './snapshot';

export function createBrowserPorts(page: PageContext): PopupPorts {
  const local = storageAreaStore(browser.storage.local);
  const copy = firstPaintCopy();
  const draft = copiedItem(local, draftItem(page.view), copy);
  const snapshot = copiedItem(local, SNAPSHOT_ITEM, copy);
  const ports: PopupPorts = {
    loadDraft: draft.read,
    saveDraft: draft.save,
    loadSnapshot: snapshot.read,
    saveSnapshot: snapshot.save,
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

/**
 * The copy the first paint reads ahead of storage.local (shared/page-copy.ts): only where the
 * background is a page, which drops the snapshot's copy with the snapshot (Firefox's event page; a
 * service worker has no localStorage). Not in a private window, whose pages may keep a localStorage
 * of their own that the background never sees.
 */
function firstPaintCopy(): PageCopy | undefined {
  // Firefox reports every key, the ones its manifest lacks as null.
  const background = browser.runtime.getManifest().background as { service_worker?: unknown; scripts?: unknown; page?: unknown } | undefined;
  const isPage = !background?.service_worker && (Array.isArray(background?.scripts) || typeof background?.page === 'string');
  if (!isPage || browser.extension.inIncognitoContext) return undefined;
  const area = pageLocalStorage(globalThis);
  return area ? pageCopy(area) : undefined;
}
