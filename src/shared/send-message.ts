// Typed calls from an extension page to the service worker; errors come back as PimError.
import browser from 'webextension-polyfill';
import { fromErrorData, PimError } from '../core/errors';
import type { MessageName, Reply, RequestOf, ResponseOf } from './messages';

export type SendMessage = <N extends MessageName>(name: N, payload: RequestOf<N>) => Promise<ResponseOf<N>>;

export const sendMessage: SendMessage = async (name, payload) => {
  const reply = (await browser.runtime.sendMessage({ name, payload })) as Reply<ResponseOf<typeof name>> | undefined;
  if (reply === undefined || reply === null || typeof reply !== 'object') {
    throw new PimError('background-silent');
  }
  if (!reply.ok) throw fromErrorData(reply.error);
  return reply.value;
};
