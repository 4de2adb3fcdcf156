// How a script of ours in a web page (the content script, the page scanner) answers the worker: one
// runtime listener routing one contract, admitting only this extension's worker. A stranger gets no
// answer at all, so it learns nothing of the page.
import type { Contract, Handlers } from './contract';
import { FIRST_MESSAGE_KEY } from './install-once';
import { createRouter, onlyIf } from './message-router';

/** Messages from this extension's worker (tabs.sendMessage) come without a tab. */
const fromOurWorker = (sender: chrome.runtime.MessageSender) => sender.id === chrome.runtime.id && sender.tab === undefined;

/** Starts listening; the function returned stops it. */
export function listenToOurWorker<C extends Contract>(contract: C, handlers: Handlers<C>, label: string): () => void {
  const route = createRouter({ contract, handlers, admit: (sender: chrome.runtime.MessageSender) => onlyIf(fromOurWorker(sender)), label });
  // No polyfill here: the bare API answers through sendResponse, and `true` keeps the channel open.
  const listener = (message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    const reply = route(message, sender);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  };
  chrome.runtime.onMessage.addListener(listener);
  return () => chrome.runtime.onMessage.removeListener(listener);
}

/** False once the extension was reloaded or updated: this copy can no longer reach the background. */
export function extensionAlive(): boolean {
  try {
    return Boolean(globalThis.chrome?.runtime?.id);
  } catch {
    return false;
  }
}

/**
 * Acts on the message the worker left in this isolated world with the injection (tab-access.ts), as
 * on the same message sent, only without waiting for it. No page script can reach the isolated world,
 * so only our worker can have left it. The worker sends the message as usual after and hears the
 * outcome then, so nothing is answered here. True when there was such a message.
 */
export function actOnFirstMessage<C extends Contract>(contract: C, handlers: Handlers<C>, label: string, scope: object = globalThis): boolean {
  const key = Symbol.for(FIRST_MESSAGE_KEY);
  const message: unknown = Reflect.get(scope, key);
  if (message === undefined) return false;
  Reflect.deleteProperty(scope, key);
  void createRouter({ contract, handlers, admit: () => undefined, label })(message, undefined);
  return true;
}
