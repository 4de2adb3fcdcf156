// One handler map for every message the service worker answers; replies are always a `Reply`.
import { PimError, toErrorData } from '../core/errors';
import { type Envelope, isEnvelope, type MessageName, type Reply, type RequestOf, type ResponseOf } from '../shared/messages';
import { isOwnUiPage, type SenderFacts } from './sender';

/** A handler receives the payload unchecked: it must validate before it trusts it. */
export type Handlers = { [N in MessageName]: (payload: unknown) => Promise<ResponseOf<N>> };

export interface RouterContext {
  runtimeId: string;
  extensionOrigin: string;
}

const log = (...args: unknown[]) => console.warn('[router]', ...args);

/**
 * Returns undefined for messages that are not ours, so other listeners (the placement protocol) can
 * answer them; every privileged message from anything but our own UI page is refused with an error.
 */
export function routeMessage(
  handlers: Handlers,
  context: RouterContext,
  message: unknown,
  sender: SenderFacts,
): Promise<Reply<unknown>> | undefined {
  if (!isEnvelope(message)) return undefined;
  if (!isOwnUiPage(sender, context.extensionOrigin, context.runtimeId)) {
    log(`refused ${message.name} from ${sender.url ?? 'an unknown sender'}`);
    return Promise.resolve({
      ok: false,
      error: toErrorData(
        new PimError('sender-not-allowed'),
      ),
    });
  }
  return dispatch(handlers, message);
}

async function dispatch<N extends MessageName>(handlers: Handlers, message: Envelope<N>): Promise<Reply<ResponseOf<N>>> {
  try {
    const handler = handlers[message.name] as (payload: RequestOf<N>) => Promise<ResponseOf<N>>;
    return { ok: true, value: await handler(message.payload) };
  } catch (error) {
    if (!(error instanceof PimError)) log(`${message.name} failed`, error);
    return { ok: false, error: toErrorData(error) };
  }
}
