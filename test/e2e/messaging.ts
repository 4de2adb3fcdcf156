// Sends protocol messages from an extension page, the way the UI does, for tests of the background itself.
import type { Page } from '@playwright/test';

export interface WireReply {
  ok: boolean;
  value?: unknown;
  error?: { kind: string; message: string; status?: number };
}

export function send(page: Page, name: string, payload?: unknown): Promise<WireReply> {
  return page.evaluate(
    async ([n, p]) => (await chrome.runtime.sendMessage({ name: n, payload: p })) as WireReply,
    [name, payload] as const,
  );
}

export async function value<T>(page: Page, name: string, payload?: unknown): Promise<T> {
  const reply = await send(page, name, payload);
  if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}
