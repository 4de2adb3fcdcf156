// Content script entry (injected on demand with chrome.scripting, and registered only for sites
// with remembered placements): one controller per frame, answering only this extension's worker.
import { workerToContent } from '../shared/contracts/worker-to-content';
import { createRouter, onlyIf } from '../shared/message-router';
import { sendToBackground } from './background-channel';
import { createController } from './controller';
import { installOnce } from './install-once';

/** Messages from this extension's worker (tabs.sendMessage) come without a tab. */
const fromOurWorker = (sender: chrome.runtime.MessageSender) => sender.id === chrome.runtime.id && sender.tab === undefined;

const { controller, created } = installOnce(globalThis, () => {
  const instance = createController(sendToBackground);
  // No refusal: a stranger gets no answer at all, so it learns nothing of this page.
  const route = createRouter({
    contract: workerToContent,
    handlers: instance.handlers,
    admit: (sender: chrome.runtime.MessageSender) => onlyIf(fromOurWorker(sender)),
    label: 'content',
  });
  // No polyfill here: the bare API answers through sendResponse, and `true` keeps the channel open.
  const listener = (message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    const reply = route(message, sender);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  };
  chrome.runtime.onMessage.addListener(listener);
  const dispose = instance.dispose;
  return {
    ...instance,
    dispose: () => {
      chrome.runtime.onMessage.removeListener(listener);
      dispose();
    },
  };
});
if (created) controller.start();
