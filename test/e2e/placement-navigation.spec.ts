// Insert while the tab moves on to another page: the QR never lands on the new page, and the user
// hears that the page changed. The worker is held just before it injects (the moment the race needs:
// it has read the tab's address, the order is not in the page yet), the tab navigates, then the worker
// goes on. Holding it is the test's own wrapper around chrome.scripting, waiting on a promise the test
// resolves, so the order of events is fixed, not timed.
import type { Worker } from '@playwright/test';
import { expect, test } from './harness';
import { send } from './messaging';
import { generate, openDemo, placements } from './placements';

interface HeldWorker {
  reached?: Promise<void>;
  release?: () => void;
}

/** The next injection waits until `release`; `reached` settles as it starts waiting. */
function holdNextInjection(serviceWorker: Worker): Promise<void> {
  return serviceWorker.evaluate(() => {
    const held = globalThis as HeldWorker;
    const inject = chrome.scripting.executeScript.bind(chrome.scripting);
    let reached = () => {};
    held.reached = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (held.release = resolve));
    chrome.scripting.executeScript = (async (injection: Parameters<typeof inject>[0]) => {
      chrome.scripting.executeScript = inject;
      reached();
      await released;
      return inject(injection);
    }) as typeof chrome.scripting.executeScript;
  });
}

test.describe('Insert while the tab navigates', () => {
  for (const [name, moveTo] of [
    ['to another query of the same page', (origin: string) => `${origin}/demo/login.html?b`],
    ['to another origin', (origin: string) => `${origin.replace('127.0.0.1', 'localhost')}/demo/login.html?b`],
  ] as const) {
    test(`puts no QR on the new page and says the page changed (${name})`, async ({ context, serviceWorker, sandbox, openOptions }) => {
      const { page: ext } = await openOptions();
      const svg = await generate(ext);
      const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html?a`);

      await holdNextInjection(serviceWorker);
      const reply = send(ext, 'ui-bg-place', { tabId, svg, mode: 'floating' });
      await serviceWorker.evaluate(() => (globalThis as HeldWorker).reached);
      await page.goto(moveTo(sandbox.url));
      await serviceWorker.evaluate(() => (globalThis as HeldWorker).release?.());

      expect(await reply).toMatchObject({ ok: false, error: { code: 'page-changed' } });
      // The same page asked again takes the QR, so nothing else stood in the way.
      expect(await placements(page).count()).toBe(0);
      if (moveTo(sandbox.url).startsWith(sandbox.url)) {
        expect(await send(ext, 'ui-bg-place', { tabId, svg, mode: 'floating' })).toMatchObject({ ok: true });
        await expect(placements(page)).toHaveCount(1);
      }
    });
  }
});
