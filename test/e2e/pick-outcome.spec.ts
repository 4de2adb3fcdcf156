// After "Pick an element", in Chromium: the side panel view follows the pick live (mouse and
// keyboard), a popup opened again on the tab still says where the QR went, Esc says it was
// cancelled, and a pick the QR cannot go on says why; each outcome in view at the popup's largest
// size and the side panel's. The toolbar popup closes itself when the person clicks in the page; the
// page opened for a tab (`?tab=`) and the side panel view stay, like the side panel.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './harness';
import { expectTextOnScreen } from './on-screen';

async function openDemo(context: BrowserContext, serviceWorker: Worker, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await serviceWorker.evaluate(async (href) => (await chrome.tabs.query({})).find((tab) => tab.url === href)?.id, page.url());
  if (tabId === undefined) throw new Error(`no tab for ${url}`);
  return { page, tabId };
}

async function generate(view: Page): Promise<void> {
  await expect(view.getByLabel('Environment')).toHaveValue('sandbox');
  await view.getByRole('button', { name: 'Generate' }).click();
  await expect(view.getByRole('img', { name: 'QR preview' })).toBeVisible();
}

const hint = (view: Page) => view.getByText('Click an element on the page (Esc cancels).', { exact: true });
const placedOn = (view: Page) => view.locator('p.note').filter({ hasText: /^Placed on:/ });
const POPUP = { width: 800, height: 600 };
const SIDE_PANEL = { width: 360, height: 800 };

/**
 * The pick's outcome says `text`, wholly in view without scrolling: inside the viewport and inside the
 * part of the page that scrolls; the picking hint is nowhere (not in the status line either).
 */
async function toldInView(view: Page, text: string | RegExp): Promise<void> {
  await shownInView(view, text);
  await expect(hint(view)).toHaveCount(0);
}

/** The pick's line says `text`, wholly in view without scrolling. */
async function shownInView(view: Page, text: string | RegExp): Promise<void> {
  const line = view.locator('.pick-status p');
  await expect(line).toHaveText(text);
  const box = await line.boundingBox();
  const page = await view.locator('main.page').boundingBox();
  const viewport = view.viewportSize();
  if (!box || !page || !viewport) throw new Error('no box for the outcome, the page or the viewport');
  expect(box.y).toBeGreaterThanOrEqual(Math.max(0, page.y));
  expect(box.x).toBeGreaterThanOrEqual(Math.max(0, page.x));
  expect(box.y + box.height).toBeLessThanOrEqual(Math.min(viewport.height, page.y + page.height));
  expect(box.x + box.width).toBeLessThanOrEqual(Math.min(viewport.width, page.x + page.width));
}

test('the side panel view follows a pick made with the mouse, then one made with the keyboard, and puts the selector in the form', async ({
  context,
  serviceWorker,
  sandbox,
  openPopup,
}) => {
  const { page } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
  const { page: panel, errors } = await openPopup({ view: 'sidepanel' });
  await panel.setViewportSize(SIDE_PANEL);
  await generate(panel);
  // The side panel places into the active tab of the last focused window: the demo page.
  await page.bringToFront();
  await panel.getByRole('radio', { name: 'Replace element' }).check();
  await panel.getByRole('button', { name: 'Pick an element' }).click();
  await expect(hint(panel).first()).toBeVisible();

  await page.locator('#login-title').click();
  await expect(page.locator('#login-title')).toBeHidden();
  await toldInView(panel, 'Placed on: #login-title');
  await expect(placedOn(panel).locator('code')).toHaveText('#login-title');
  await expect(panel.getByRole('textbox', { name: 'CSS selector' })).toHaveValue('#login-title');
  await expect(panel.getByRole('radio', { name: 'Replace element' })).toBeChecked();
  for (const colorScheme of ['light', 'dark'] as const) {
    await panel.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page: panel }).include('.page-result').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), colorScheme).toEqual([]);
  }
  // The view follows the tab at the front: here the panel itself (its stand-in tab) has no pick, and
  // with the demo page back in front its pick is told again.
  await panel.bringToFront();
  await expect(placedOn(panel)).toHaveCount(0);
  await page.bringToFront();
  await expect(placedOn(panel)).toHaveText('Placed on: #login-title');

  // From the keyboard: Insert inside, then walk from the body to the slot and press Enter.
  await panel.getByRole('radio', { name: 'Insert inside' }).check();
  await panel.getByRole('button', { name: 'Pick an element' }).click();
  await expect(placedOn(panel)).toHaveCount(0);
  await expect(hint(panel).first()).toBeVisible();
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowRight']) {
    await page.keyboard.press(key);
  }
  await expectTextOnScreen(page, /^#pim-qr-slot · 240×240$/);
  await page.keyboard.press('Enter');
  await expect(page.locator('#pim-qr-slot > [data-pim-qr-placement]')).toHaveCount(1);
  await toldInView(panel, 'Placed on: #pim-qr-slot');
  await expect(panel.getByRole('textbox', { name: 'CSS selector' })).toHaveValue('#pim-qr-slot');
  await expect(panel.getByRole('radio', { name: 'Insert inside' })).toBeChecked();
  expect(errors).toEqual([]);
});

test('a popup opened again on the tab still says where the pick went; Esc says it was cancelled; a pick the QR cannot go on says why', async ({ context, serviceWorker, sandbox, openPopup }) => {
  const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
  const { page: popup, errors } = await openPopup({ tab: String(tabId) });
  await popup.setViewportSize(POPUP);
  await generate(popup);
  await popup.getByRole('radio', { name: 'Insert inside' }).check();
  await popup.getByRole('button', { name: 'Pick an element' }).click();
  // What to do is in view, though Generate left the view scrolled down to the result's buttons.
  await shownInView(popup, 'Click an element on the page (Esc cancels).');
  await page.bringToFront();
  await page.locator('#pim-qr-slot').click({ position: { x: 10, y: 10 } });
  await expect(page.locator('#pim-qr-slot > [data-pim-qr-placement]')).toHaveCount(1);
  await toldInView(popup, 'Placed on: #pim-qr-slot');
  await popup.close();

  // As the toolbar popup does after a click in the page: a new one, with no QR on show yet.
  const { page: again, errors: againErrors } = await openPopup({ tab: String(tabId) });
  await again.setViewportSize(POPUP);
  await toldInView(again, 'Placed on: #pim-qr-slot');
  await generate(again);
  await expect(again.getByRole('radio', { name: 'Insert inside' })).toBeChecked();
  await expect(again.getByRole('textbox', { name: 'CSS selector' })).toHaveValue('#pim-qr-slot');

  await again.getByRole('button', { name: 'Pick an element' }).click();
  await expect(hint(again).first()).toBeVisible();
  await page.bringToFront();
  await expectTextOnScreen(page, /Esc cancels/);
  await page.keyboard.press('Escape');
  await toldInView(again, 'Picking cancelled; nothing was placed.');
  await expect(placedOn(again)).toHaveCount(0);

  // The body, picked from the keyboard, cannot be replaced: the page says so, and so does the view.
  await again.getByRole('radio', { name: 'Replace element' }).check();
  await again.getByRole('button', { name: 'Pick an element' }).click();
  await expect(hint(again).first()).toBeVisible();
  await page.bringToFront();
  await expectTextOnScreen(page, /arrow keys .* Esc cancels/);
  await page.keyboard.press('ArrowDown');
  await expectTextOnScreen(page, /^body · \d+×\d+$/);
  await page.keyboard.press('Enter');
  await expectTextOnScreen(page, /^The QR could not be placed: The QR cannot go there\.$/);
  await toldInView(again, 'Nothing was placed: The QR cannot go there.');
  await expect(page.locator('[data-pim-qr-ui="picker"]')).toHaveCount(0);

  // The tab leaves the page: nothing is told any more.
  await page.goto(`${sandbox.url}/demo/strict-csp.html`);
  await again.reload();
  await expect(again.getByRole('button', { name: 'Generate' })).toBeVisible();
  await expect(again.getByText('Picking cancelled; nothing was placed.', { exact: true })).toHaveCount(0);
  expect([...errors, ...againErrors]).toEqual([]);
});
