// The popup's placement controls in Chromium: replace an element by selector and remember it, see it
// listed and back after a reload, remove it from the popup; pick an element from the popup.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './harness';
import { expectTextOnScreen } from './on-screen';
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

/** The image calls in the worker's request log (the sandbox environment answers inside the extension). */
const imageCalls = (serviceWorker: Worker) =>
  serviceWorker.evaluate(async () => {
    // The index lists the entries, each stored under a key of its own (background/request-log-store.ts).
    const { requestLog } = await chrome.storage.session.get('requestLog');
    const keys = ((requestLog as { ids?: string[] } | undefined)?.ids ?? []).map((id) => `requestLog:${id}`);
    const entries = Object.values(await chrome.storage.session.get(keys)) as { method: string; requestBody?: string }[];
    return entries.filter((e) => e.method === 'POST' && e.requestBody?.trimStart().startsWith('{')).length;
  });

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

test('keyboard only: Enter in the selector places without a new call; the picker walks with the arrow keys and Enter picks', async ({
  context,
  serviceWorker,
  sandbox,
  openPopup,
}) => {
  const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
  const { page: popup, errors } = await openPopup({ tab: String(tabId) });
  await expect(popup.getByLabel('Environment')).toHaveValue('sandbox');
  await popup.getByRole('button', { name: 'Generate' }).focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('img', { name: 'QR preview' })).toBeVisible();
  expect(await imageCalls(serviceWorker)).toBe(1);

  await popup.getByRole('radio', { name: 'Floating' }).focus();
  await popup.keyboard.press('ArrowDown');
  await expect(popup.getByRole('radio', { name: 'Replace element' })).toBeChecked();
  await popup.getByRole('textbox', { name: 'CSS selector' }).focus();
  await popup.keyboard.type('#login-title');
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('status')).toHaveText('Inserted into the page.');
  await expect(page.locator('#login-title')).toBeHidden();
  await expect(placements(page)).toHaveCount(1);
  expect(await imageCalls(serviceWorker)).toBe(1);

  // Pick from the keyboard: Insert inside, then walk from the body to the slot.
  await popup.getByRole('radio', { name: 'Replace element' }).focus();
  await popup.keyboard.press('ArrowDown');
  await expect(popup.getByRole('radio', { name: 'Insert inside' })).toBeChecked();
  await popup.getByRole('button', { name: 'Pick an element' }).focus();
  await popup.keyboard.press('Enter');
  await page.bringToFront();
  await expectTextOnScreen(page, /arrow keys .* Esc cancels/);
  // The body, the staging banner, header, main, the card, its first pane, the second pane, its heading, its lead.
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight']) {
    await page.keyboard.press(key);
  }
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expectTextOnScreen(page, /^#pim-qr-slot · 240×240$/);
  await page.keyboard.press('Enter');
  await expect(page.locator('#pim-qr-slot > [data-pim-qr-placement]')).toHaveCount(1);
  await expectTextOnScreen(page, /Esc cancels/, 0);
  expect(await imageCalls(serviceWorker)).toBe(1);
  expect(errors).toEqual([]);
});
