// The one sender, for every direction; only the transport differs (runtime.sendMessage through the
// polyfill on extension pages, the bare runtime in the content script, tabs.sendMessage in the
// worker). A failed reply comes back as the PimError the other side threw.
import { fromErrorData, PimError } from '../core/errors';
import type { Contract, Envelope, NameOf, Reply, ResponseOf, Send } from './contract';

/** Hands one envelope to the browser and resolves with whatever came back. */
export type Transport<C extends Contract> = (envelope: Envelope<C>) => Promise<unknown>;

export function createSender<C extends Contract>(transport: Transport<C>, noAnswer: () => PimError): Send<C> {
  return async <N extends NameOf<C>>(name: N, payload: Envelope<C, N>['payload']): Promise<ResponseOf<C, N>> => {
    const reply = (await transport({ name, payload })) as Reply<ResponseOf<C, N>> | undefined;
    if (typeof reply !== 'object' || reply === null) throw noAnswer();
    if (!reply.ok) throw fromErrorData(reply.error);
    return reply.value;
  };
}

/** No listener in the worker answered: it crashed, or the message was not its own. */
export const workerDidNotAnswer = () => new PimError('background-silent');
