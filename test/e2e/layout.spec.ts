// The result in view and honest feedback: at the sizes browsers give the popup (at most 800x600) and
// a side panel (narrow and tall), the QR and "Insert into page" are on screen after Generate without
// scrolling; after a failed Generate the earlier QR is named "Previous result"; the status line never
// covers the preview, the alert or the request log.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness';
import { value } from './messaging';
import { saveScreenshot } from './screenshots';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} has no box`);
  return box;
}

async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const box = await boxOf(locator);
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  expect(box.width * box.height, `${locator.toString()} is drawn`).toBeGreaterThan(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

/** The part of `box` the page's scrolling area shows (the rest is scrolled out, not covered). */
function shownPart(box: Box, area: Box): Box {
  const x = Math.max(box.x, area.x);
  const y = Math.max(box.y, area.y);
  return { x, y, width: Math.min(box.x + box.width, area.x + area.width) - x, height: Math.min(box.y + box.height, area.y + area.height) - y };
}

function overlaps(a: Box, b: Box): boolean {
  if (a.width <= 0 || a.height <= 0 || b.width <= 0 || b.height <= 0) return false;
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const views: { name: string; query: Record<string, string>; viewport: { width: number; height: number } }[] = [
  { name: 'popup', query: {}, viewport: { width: 800, height: 600 } },
  { name: 'side panel', query: { view: 'sidepanel' }, viewport: { width: 360, height: 800 } },
];

for (const view of views) {
  test(`in the ${view.name} (${view.viewport.width}x${view.viewport.height}) the QR and "Insert into page" are in view after Generate`, async ({ openPopup }) => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, errors } = await openPopup(view.query);
      await page.setViewportSize(view.viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('button', { name: 'Generate' }).click();
      const preview = page.getByRole('img', { name: 'QR preview' });
      await expect(page.getByText(/^Encodes: /)).toBeVisible();
      await expectInViewport(page, preview);
      await expectInViewport(page, page.getByRole('button', { name: 'Insert into page' }));
      await expectInViewport(page, page.getByRole('button', { name: 'Copy SVG' }));
      await expectInViewport(page, page.getByRole('button', { name: 'Download SVG' }));
      // No horizontal scrolling either: the layout fits the width it is given.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(view.viewport.width);
      // The result stays in view with the form scrolled back to its top, as the README shows it.
      await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
      await expectInViewport(page, page.getByRole('button', { name: 'Insert into page' }));
      if (view.name === 'popup') await saveScreenshot(page, `popup-${scheme}`);
      else if (scheme === 'light') await saveScreenshot(page, 'side-panel');
      if (view.name === 'side panel') {
        // Inserting where it cannot go (here the panel's own page is the tab in front): the error,
        // below the result's buttons, is brought into view whole.
        await page.getByRole('button', { name: 'Insert into page' }).click();
        const alert = page.getByRole('alert');
        await expect(alert).toContainText('does not allow extensions');
        await expectInViewport(page, alert);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });
}

test('after a 503 the earlier QR is the "Previous result", the success line is gone, and no status covers the alert, the QR or the log', async ({
  openOptions,
  openPopup,
  sandbox,
}) => {
  const { page: options } = await openOptions();
  const { id } = await value<{ id: string }>(options, 'ui-bg-environment-save', { name: 'Local sandbox', baseUrl: sandbox.url });
  await value(options, 'ui-bg-credentials-set', { environmentId: id, clientId: 'sandbox-client', clientSecret: 'sandbox-secret' });
  const { page, errors } = await openPopup();
  await page.setViewportSize({ width: 800, height: 600 });
  await page.getByLabel('Environment').selectOption({ label: 'Local sandbox' });
  const status = page.getByRole('status').filter({ hasText: /./ });
  const covers = async (content: Locator) => overlaps(await boxOf(status), shownPart(await boxOf(content), await boxOf(page.getByRole('main'))));
  const preview = page.getByRole('img', { name: 'QR preview' });
  const result = page.getByRole('region', { name: 'Result', exact: true });
  const previous = page.getByRole('region', { name: 'Previous result' });

  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(status).toHaveText('QR code ready.');
  await expect(result).toBeVisible();
  expect(await covers(preview)).toBe(false);

  sandbox.handler.configure({ faults: ['server-error=503'] });
  await page.getByRole('button', { name: 'Generate' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('HTTP 503');
  // The success line of the call before does not stand beside the failure.
  await expect(page.getByText('QR code ready.')).toHaveCount(0);
  await expect(previous).toBeVisible();
  await expect(previous).toHaveAccessibleDescription('The last Generate failed. This is the QR from before; the buttons below use it.');
  await expect(previous.getByRole('heading', { name: 'Previous result' })).toBeVisible();
  expect(await previous.getByRole('img', { name: 'QR preview' }).evaluate((img) => Number(getComputedStyle(img).opacity))).toBeLessThan(1);
  await expect(result).toHaveCount(0);

  // Copying the previous QR says so, and the line that says it covers nothing.
  await previous.getByRole('button', { name: 'Copy SVG' }).click();
  await expect(status).toHaveText(/copied/i);
  for (const content of [preview, alert]) expect(await covers(content)).toBe(false);

  await page.getByRole('button', { name: 'Request log' }).click();
  const entries = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /cURL/ }) });
  await expect(entries.first()).toBeVisible();
  await entries.first().getByRole('button', { name: /cURL/ }).click();
  await expect(status).toHaveText('Copied');
  for (const entry of await entries.all()) {
    await entry.scrollIntoViewIfNeeded();
    expect(await covers(entry)).toBe(false);
  }
  // Below the scrolling area, not drawn over it.
  expect((await boxOf(status)).y).toBeGreaterThanOrEqual((await boxOf(page.getByRole('main'))).y + (await boxOf(page.getByRole('main'))).height);

  // A good call ends the "previous" state.
  sandbox.handler.configure({ faults: [] });
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(result).toBeVisible();
  await expect(previous).toHaveCount(0);
  await expect(alert).toHaveCount(0);
  expect(errors).toEqual([]);
});
