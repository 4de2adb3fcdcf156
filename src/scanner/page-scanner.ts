// Page scanner entry: injected with chrome.scripting only when someone scans a page (never with the
// content script, never registered). It answers only this extension's worker, keeps the elements of
// its last scan for the highlight, and removes the highlight when the view that scanned closes its
// port: the popup closing, or the scan list closing.
import type { Handlers } from '../shared/contract';
import { workerToScanner, type WorkerToScanner } from '../shared/contracts/worker-to-scanner';
import { installOnce, SCANNER_KEY } from '../shared/install-once';
import { SCAN_PORT_NAME } from '../shared/scan-messages';
import { extensionAlive, listenToOurWorker } from '../shared/worker-listener';
import { createHighlighter } from './highlight';
import { scanPage } from './scan-page';

function createPageScanner(win: Window) {
  let elements: Element[] = [];
  const highlighter = createHighlighter();
  const handlers: Handlers<WorkerToScanner> = {
    'bg-scanner-ping': async () => ({ ready: true }),
    'bg-scanner-scan': async () => {
      highlighter.clear();
      const { scan, elements: found } = await scanPage(win);
      elements = found;
      return scan;
    },
    'bg-scanner-highlight': async ({ index }) => {
      const element = index === null ? undefined : elements[index];
      if (!element) {
        highlighter.clear();
        return { shown: false };
      }
      return { shown: highlighter.show(element) };
    },
  };
  const stopListening = listenToOurWorker(workerToScanner, handlers, 'scanner');
  // The port comes from one of this extension's own pages (tabs.connect), whether a popup, a side
  // panel or a tab; content scripts have no tabs.connect, other extensions another id.
  const onConnect = (port: chrome.runtime.Port) => {
    const sender = port.sender;
    if (port.name !== SCAN_PORT_NAME || sender?.id !== chrome.runtime.id || !sender.url?.startsWith(chrome.runtime.getURL(''))) return;
    port.onDisconnect.addListener(() => highlighter.clear());
  };
  chrome.runtime.onConnect.addListener(onConnect);
  return {
    alive: extensionAlive,
    dispose: () => {
      stopListening();
      chrome.runtime.onConnect.removeListener(onConnect);
      highlighter.clear();
    },
  };
}

installOnce(globalThis, () => createPageScanner(window), SCANNER_KEY);
