// The content script's own, narrow set of messages: restoring and editing remembered placements of
// the page it is on. It answers nothing else; ui-bg-* messages from a content script are refused
// by the main router.
import { PimError, toErrorData } from '../core/errors';
import {
  type ContentEnvelope,
  type ContentMessageName,
  type ContentProtocol,
  isContentEnvelope,
  type WireReply,
} from '../shared/placement-messages';
import { contentScriptSender, type SenderFacts } from './sender';
import type { ContentSender } from './placement-service';

export type ContentHandlers = {
  [N in ContentMessageName]: (payload: unknown, sender: ContentSender) => Promise<ContentProtocol[N]['response']>;
};

/** Undefined for messages that are not content messages, so other listeners may answer them. */
export function routeContentMessage(
  handlers: ContentHandlers,
  runtimeId: string,
  message: unknown,
  sender: SenderFacts,
): Promise<WireReply<unknown>> | undefined {
  if (!isContentEnvelope(message)) return undefined;
  const facts = contentScriptSender(sender, runtimeId);
  if (!facts) {
    console.warn('[content-router]', `refused ${message.name} from ${sender.url ?? 'an unknown sender'}`);
    return Promise.resolve({
      ok: false,
      error: toErrorData(new PimError('page-script-only')),
    });
  }
  return dispatch(handlers, message, facts);
}

async function dispatch<N extends ContentMessageName>(
  handlers: ContentHandlers,
  message: ContentEnvelope<N>,
  sender: ContentSender,
): Promise<WireReply<ContentProtocol[N]['response']>> {
  try {
    const handler = handlers[message.name] as (payload: unknown, sender: ContentSender) => Promise<ContentProtocol[N]['response']>;
    return { ok: true, value: await handler(message.payload, sender) };
  } catch (error) {
    if (!(error instanceof PimError)) console.warn('[content-router]', `${message.name} failed`, error);
    return { ok: false, error: toErrorData(error) };
  }
}
