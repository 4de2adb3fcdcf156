// Typed messages from the content script to the background: only the content-bg-* set exists here.
import { fromErrorData, PimError } from '../core/errors';
import type { ContentMessageName, ContentProtocol, WireReply } from '../shared/placement-messages';

export async function sendToBackground<N extends ContentMessageName>(
  name: N,
  payload: ContentProtocol[N]['request'],
): Promise<ContentProtocol[N]['response']> {
  // Firefox's promise-returning API is `browser`; Chrome's `chrome` returns promises in MV3. No polyfill
  // here: it would add weight to every page the QR is placed on.
  const runtime = (globalThis as { browser?: typeof chrome }).browser?.runtime ?? chrome.runtime;
  const reply = (await runtime.sendMessage({ name, payload })) as WireReply<ContentProtocol[N]['response']> | undefined;
  if (typeof reply !== 'object' || reply === null) throw new PimError('background-silent');
  if (!reply.ok) throw fromErrorData(reply.error);
  return reply.value;
}
