// Steps a person takes in the popup and Options, by role and label, shared by the Firefox tests.
import type { Page } from 'puppeteer-core';
import { vi } from 'vitest';
import type { RunningSandbox } from '../../scripts/sandbox-http';
import { choose, click, count, field, fill, role, textOf, waitUntil } from '../../scripts/firefox-ui';
import type { ExtensionPages } from './harness';

export const SANDBOX_CLIENT_ID = 'sandbox-client';
export const SANDBOX_SECRET = 'sandbox-secret';

/** Adds an environment through the Options page, by its labels, and waits until it is saved. */
export async function addEnvironment(
  options: Page,
  { name = 'Local sandbox', baseUrl, secret = SANDBOX_SECRET }: { name?: string; baseUrl: string; secret?: string },
): Promise<void> {
  await click(options, role('button', 'Add environment'));
  await fill(options, role('textbox', 'Name'), name);
  await fill(options, role('textbox', 'Base URL'), baseUrl);
  await fill(options, role('textbox', 'Client ID'), SANDBOX_CLIENT_ID);
  await fill(options, field('Client secret'), secret);
  await click(options, role('button', 'Save'));
  await waitUntil('Options to say "Saved."', async () => ((await textOf(options, role('status'))).includes('Saved.') ? true : undefined));
}

/** Options adds the sandbox server as "Local sandbox"; then a popup that uses it. */
export async function popupOnSandboxServer(ext: ExtensionPages, sandbox: RunningSandbox): Promise<Page> {
  await addEnvironment(await ext.openOptions(), { baseUrl: sandbox.url });
  const popup = await ext.openPopup();
  await choose(popup, role('combobox', 'Environment'), 'Local sandbox');
  return popup;
}

/** Clears the attribute choice and ticks these, in this order. */
export async function chooseAttributes(popup: Page, names: readonly string[]): Promise<void> {
  await click(popup, `${role('group', 'Attributes')} >>> ${role('button', 'Clear')}`);
  for (const name of names) await click(popup, role('checkbox', name));
}

export type GenerateOutcome = { ok: true } | { ok: false; alert: string };

type CycleWindow = Window & { pimGenerateCycle?: 'armed' | 'busy' | 'done' };

/**
 * Presses Generate and waits until that generation has finished, with an error or a QR preview.
 * Every generation, even one that draws the same QR again, shows a busy Generate button for a
 * moment; a watcher set before the click sees that busy spell begin and end.
 */
/** The names of the Generate button and the preview, in the browser's language. */
export interface PopupNames {
  generate: string;
  preview: string;
}

export async function pressGenerate(popup: Page, timeoutMs = 25_000, names: PopupNames = { generate: 'Generate', preview: 'QR preview' }): Promise<GenerateOutcome> {
  await popup.evaluate(() => {
    const page = window as CycleWindow;
    page.pimGenerateCycle = 'armed';
    const busy = () => document.querySelector('button[aria-busy="true"]') !== null;
    const observer = new MutationObserver(() => {
      if (busy()) page.pimGenerateCycle = 'busy';
      else if (page.pimGenerateCycle === 'busy') {
        page.pimGenerateCycle = 'done';
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
  await click(popup, role('button', names.generate));
  await waitUntil(
    'the generation to finish',
    async () => ((await popup.evaluate(() => (window as CycleWindow).pimGenerateCycle)) === 'done' ? true : undefined),
    { timeoutMs },
  );
  // The preview arrives a moment after the busy spell: what draws a result loads with the first one.
  return waitUntil('Generate to end in an error or a QR preview', async (): Promise<GenerateOutcome | undefined> => {
    const alert = await textOf(popup, role('alert'));
    if (alert) return { ok: false, alert };
    return (await count(popup, role('image', names.preview))) === 1 ? { ok: true } : undefined;
  });
}

/** pressGenerate, failing with the popup's own error text when there is one. */
export async function generate(popup: Page): Promise<void> {
  const outcome = await pressGenerate(popup);
  if (!outcome.ok) throw new Error(`Generate failed: ${outcome.alert}`);
}

export interface SeenRequest {
  method: string;
  path: string;
  search: string;
  headers: Record<string, string>;
  body: string;
}

/** Every request the sandbox server's handler gets from now on, as it arrived; restored after the test (restoreMocks). */
export function recordRequests(sandbox: RunningSandbox): SeenRequest[] {
  const seen: SeenRequest[] = [];
  const handle = sandbox.handler.handle.bind(sandbox.handler);
  vi.spyOn(sandbox.handler, 'handle').mockImplementation(async (request) => {
    const url = new URL(request.url);
    const body = await request.clone().text();
    seen.push({ method: request.method, path: url.pathname, search: url.search, headers: Object.fromEntries(request.headers), body });
    return handle(request);
  });
  return seen;
}

/** How many results History holds, read from its index in storage.local by an extension page, not through the UI. */
export const storedHistory = (ext: ExtensionPages): Promise<number> =>
  ext.inExtension(async () => ((await chrome.storage.local.get('history')).history as { entries?: unknown[] } | undefined)?.entries?.length ?? 0);
