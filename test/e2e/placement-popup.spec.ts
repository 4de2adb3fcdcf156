// The popup's placement controls in Chromium: replace an element by selector and remember it, see it
// listed and back after a reload, remove it from the popup; pick an element from the popup.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './harness';
import { saveScreenshot } from './screenshots';

async function openDemo(context: BrowserContext, serviceWorker: Worker, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await serviceWorker.evaluate(async (href) => (await chrome.tabs.query({})).find((tab) => tab.url === href)?.id, page.url());
  if (tabId === undefined) throw new Error(`no tab for ${url}`);
  return { page, tabId };
}

async function generate(popup: Page): Promise<void> {
  await expect(popup.getByLabel('Environment')).toHaveValue('sandbox');
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(popup.getByRole('img', { name: 'QR preview' })).toBeVisible();
}

const placements = (page: Page) => page.locator('[data-pim-qr-placement]');

test('replace #pim-qr-slot and remember it: listed, back after a reload, removed from the popup', async ({
  context,
  serviceWorker,
  sandbox,
  openPopup,
}) => {
  const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
  const { page: popup, errors } = await openPopup({ tab: String(tabId) });
  await generate(popup);
  const remembered = popup.getByRole('region', { name: 'Remembered on this site' });
  await expect(remembered.getByText('Nothing is remembered on this site.')).toBeVisible();

  await popup.getByRole('radio', { name: 'Replace element' }).check();
  await popup.getByRole('textbox', { name: 'CSS selector' }).fill('#pim-qr-slot');
  await popup.getByRole('checkbox', { name: 'Remember on this site' }).check();
  await popup.getByRole('button', { name: 'Insert into page' }).click();
  await expect(popup.getByRole('status')).toHaveText('Placed, and remembered on this site.');

  const slot = page.locator('#pim-qr-slot');
  await expect(placements(page)).toBeVisible();
  await expect(slot).toBeHidden();
  await expect(remembered.getByRole('listitem')).toHaveText([/^Replace element · #pim-qr-slot · 240×240 px/]);
  const axe = await new AxeBuilder({ page: popup }).include('.result').include('.remembered').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await page.reload();
  await expect(placements(page)).toBeVisible();
  await expect(slot).toBeHidden();
  await saveScreenshot(page, 'login-with-qr');

  await remembered.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(remembered.getByText('Nothing is remembered on this site.')).toBeVisible();
  await expect(placements(page)).toHaveCount(0);
  await expect(slot).toBeVisible();
  await page.reload();
  await expect(slot).toBeVisible();
  // The restoring script would have run by now: nothing comes back.
  await page.waitForTimeout(300);
  await expect(placements(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('"Pick an element" waits for a click in the page, then puts the QR inside it', async ({ context, serviceWorker, sandbox, openPopup }) => {
  const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
  const { page: popup, errors } = await openPopup({ tab: String(tabId) });
  await generate(popup);
  await popup.getByRole('radio', { name: 'Insert inside' }).check();
  await popup.getByRole('button', { name: 'Pick an element' }).click();
  // Opened for a tab, the page stays open (only the toolbar popup closes itself).
  await expect(popup.getByText('Click an element on the page (Esc cancels).', { exact: true }).first()).toBeVisible();

  await page.bringToFront();
  await page.locator('#pim-qr-slot').click({ position: { x: 10, y: 10 } });
  await expect(page.locator('#pim-qr-slot > [data-pim-qr-placement]')).toHaveCount(1);
  expect(errors).toEqual([]);
});
