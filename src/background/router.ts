// The worker's one listener answers two contracts, each through the shared router behind its own
// sender check: extension pages (only our own pages, top frame) and content scripts (only ours, in
// a web page, with the tab and page the browser names). A content script's ui-bg-* message is
// refused by the first; neither answers a name it does not declare, so other listeners still can.
import { PimError } from '../core/errors';
import type { Handlers } from '../shared/contract';
import { contentToWorker, type ContentToWorker } from '../shared/contracts/content-to-worker';
import { uiToWorker, type UiToWorker } from '../shared/contracts/ui-to-worker';
import { createRouter, onlyIf, type Router } from '../shared/message-router';
import { type ContentScriptFacts, contentScriptSender, isOwnUiPage, type SenderFacts } from './sender';

export type UiHandlers = Handlers<UiToWorker>;
/** Content handlers get the browser's facts about the content script, never its own claims. */
export type ContentHandlers = Handlers<ContentToWorker, ContentScriptFacts>;

export interface RouterContext {
  runtimeId: string;
  extensionOrigin: string;
}

/** Refuses with `error`, and says in the worker's console who was refused what. */
function refuse(label: string, error: () => PimError) {
  return (name: string, sender: SenderFacts) => {
    console.warn(`[${label}]`, `refused ${name} from ${sender.url ?? 'an unknown sender'}`);
    return error();
  };
}

export function createUiRouter(handlers: UiHandlers, context: RouterContext): Router<SenderFacts> {
  return createRouter({
    contract: uiToWorker,
    handlers,
    label: 'router',
    admit: (sender: SenderFacts) => onlyIf(isOwnUiPage(sender, context.extensionOrigin, context.runtimeId)),
    refusal: refuse(
      'router',
      () => new PimError('sender-not-allowed'),
    ),
  });
}

export function createContentRouter(handlers: ContentHandlers, runtimeId: string): Router<SenderFacts> {
  return createRouter({
    contract: contentToWorker,
    handlers,
    label: 'content-router',
    admit: (sender: SenderFacts) => contentScriptSender(sender, runtimeId) ?? false,
    refusal: refuse('content-router', () => new PimError('page-script-only')),
  });
}

export function createWorkerRouter(handlers: { ui: UiHandlers; content: ContentHandlers }, context: RouterContext): Router<SenderFacts> {
  const ui = createUiRouter(handlers.ui, context);
  const content = createContentRouter(handlers.content, context.runtimeId);
  return (message, sender) => ui(message, sender) ?? content(message, sender);
}
