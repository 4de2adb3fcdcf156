// Sends protocol messages from an extension page, the way the UI does, for tests of the background
// itself. The in-page half is shared with the Firefox suite, which drives its pages with puppeteer.
import type { Page } from '@playwright/test';

export interface WireReply {
  ok: boolean;
  value?: unknown;
  error?: { kind: string; code: string; params?: Record<string, string | number>; status?: number };
}

/** Runs inside an extension page (Chromium or Firefox): one message to the background, its reply back. */
export const sendFromPage = async ([name, payload]: readonly [string, unknown]): Promise<WireReply> =>
  (await chrome.runtime.sendMessage({ name, payload })) as WireReply;

/** The reply's value; a failed reply becomes an error naming the message. */
export function unwrap<T>(name: string, reply: WireReply): T {
  if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

export function send(page: Page, name: string, payload?: unknown): Promise<WireReply> {
  return page.evaluate(sendFromPage, [name, payload] as const);
}

export async function value<T>(page: Page, name: string, payload?: unknown): Promise<T> {
  return unwrap<T>(name, await send(page, name, payload));
}
