// Typed messages from the content script to the worker: only the content → worker contract exists here.
import type { ContentToWorker } from '../shared/contracts/content-to-worker';
import { createSender, workerDidNotAnswer } from '../shared/message-sender';

// Firefox's promise-returning API is `browser`; Chrome's `chrome` returns promises in MV3. No polyfill
// here: it would add weight to every page the QR is placed on.
export const sendToBackground = createSender<ContentToWorker>((envelope) => {
  const runtime = (globalThis as { browser?: typeof chrome }).browser?.runtime ?? chrome.runtime;
  return runtime.sendMessage(envelope);
}, workerDidNotAnswer);
