// Content script entry (injected on demand with chrome.scripting, and registered only for sites
// with remembered placements): one controller per frame, answering only the background's messages.
import { toErrorData } from '../core/errors';
import { isTabEnvelope } from '../shared/placement-messages';
import { sendToBackground } from './background-channel';
import { createController } from './controller';
import { installOnce } from './install-once';

const { controller, created } = installOnce(globalThis, () => {
  const instance = createController(sendToBackground);
  const listener = (message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    // Only our own extension can reach this listener; anything else is not for us.
    if (sender.id !== chrome.runtime.id || !isTabEnvelope(message)) return false;
    instance.handle(message).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: toErrorData(error) }),
    );
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
