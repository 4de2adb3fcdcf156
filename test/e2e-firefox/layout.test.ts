// The result in view in Firefox: at the toolbar popup's largest size (800x600) and at a sidebar's
// (narrow and tall), the QR and "Insert into page" are on screen after Generate without scrolling;
// after a failed Generate the earlier QR is the "Previous result".
import type { ElementHandle, Page } from 'puppeteer-core';
import { choose, click, role, textOf, visible } from '../../scripts/firefox-ui';
import { expect, test } from './harness';
import { addEnvironment, generate, pressGenerate } from './journeys';

async function expectInViewport(page: Page, handle: ElementHandle, viewport: { width: number; height: number }): Promise<void> {
  const box = await handle.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  expect(box.width * box.height).toBeGreaterThan(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
}

const views: { name: string; query: Record<string, string>; viewport: { width: number; height: number } }[] = [
  { name: 'popup', query: {}, viewport: { width: 800, height: 600 } },
  { name: 'sidebar', query: { view: 'sidepanel' }, viewport: { width: 360, height: 800 } },
];

for (const view of views) {
  test(`in the ${view.name} (${view.viewport.width}x${view.viewport.height}) the QR and "Insert into page" are in view after Generate`, async ({ firefox, ext }) => {
    const popup = await ext.openPopup(view.query);
    await popup.setViewport(view.viewport);
    await generate(popup);
    await expect.poll(() => textOf(popup, 'body')).toContain('Encodes: ');
    await expectInViewport(popup, await visible(popup, role('image', 'QR preview')), view.viewport);
    await expectInViewport(popup, await visible(popup, role('button', 'Insert into page')), view.viewport);
    if (view.name === 'sidebar') {
      // Inserting where it cannot go (here the view's own page is the tab in front): the error, below
      // the result's buttons, is brought into view whole.
      await popup.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
      await click(popup, role('button', 'Insert into page'));
      await expect.poll(() => textOf(popup, role('alert'))).toContain('does not allow extensions');
      await expectInViewport(popup, await visible(popup, role('alert')), view.viewport);
    }
    expect(firefox.errors).toEqual([]);
  });
}

test('after a 503 the earlier QR is the "Previous result", with no success line beside the error', async ({ sandbox, ext }) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  const popup = await ext.openPopup();
  await popup.setViewport({ width: 800, height: 600 });
  await choose(popup, role('combobox', 'Environment'), 'Local sandbox');
  await generate(popup);
  sandbox.handler.configure({ faults: ['server-error=503'] });
  const outcome = await pressGenerate(popup);
  expect(outcome.ok).toBe(false);
  await visible(popup, role('heading', 'Previous result'));
  await visible(popup, role('region', 'Previous result'));
  // The live region stays in the page for screen readers, empty: "QR code ready." went with the error.
  expect(await popup.$$eval('[role="status"]', (regions) => regions.map((region) => region.textContent))).toEqual(['']);
  sandbox.handler.configure({ faults: [] });
});
