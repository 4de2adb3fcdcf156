// Insert while the tab moves on to another page, in Firefox: the QR never lands on the new page, and
// the user hears that the page changed. As in test/e2e/placement-navigation.spec.ts, the event page is
// held just before it injects (it has read the tab's address, the order is not in the page yet), the
// tab navigates, then it goes on: the order of events is fixed by promises, not by time.
import { count } from '../../scripts/firefox-ui';
import { expect, test } from './harness';
import { PLACEMENT, sandboxSvg } from './placements';

interface HeldWorker {
  browser: typeof chrome;
  reached?: Promise<void>;
  release?: () => void;
}

for (const [name, moveTo] of [
  ['to another query of the same page', (origin: string) => `${origin}/demo/login.html?b`],
  ['to another origin', (origin: string) => `${origin.replace('127.0.0.1', 'localhost')}/demo/login.html?b`],
] as const) {
  test(`Insert while the tab navigates ${name}: no QR on the new page, "the page changed"`, async ({ ext, sandbox }) => {
    const svg = await sandboxSvg(ext);
    const { page, tabId } = await ext.openDemo('/demo/login.html?a');

    await ext.inExtension(async () => {
      const held = (await chrome.runtime.getBackgroundPage()) as unknown as HeldWorker;
      const scripting = held.browser.scripting;
      const inject = scripting.executeScript.bind(scripting);
      let reached = () => {};
      held.reached = new Promise<void>((resolve) => (reached = resolve));
      const released = new Promise<void>((resolve) => (held.release = resolve));
      scripting.executeScript = (async (injection: Parameters<typeof inject>[0]) => {
        scripting.executeScript = inject;
        reached();
        await released;
        return inject(injection);
      }) as typeof scripting.executeScript;
    });
    const reply = ext.send('ui-bg-place', { tabId, svg, mode: 'floating' });
    await ext.inExtension(async () => {
      await (await chrome.runtime.getBackgroundPage() as unknown as HeldWorker).reached;
    });
    await page.goto(moveTo(sandbox.url));
    await ext.inExtension(async () => (await chrome.runtime.getBackgroundPage() as unknown as HeldWorker).release?.());

    expect(await reply).toMatchObject({ ok: false, error: { code: 'page-changed' } });
    expect(await count(page, PLACEMENT)).toBe(0);
  });
}
