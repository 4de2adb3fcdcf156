// Two views open at once, in Chromium: what one changes, the other shows without a reload (Options and
// the popup, the popup and the side panel view, a page and the popup), and each keeps its own draft.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, expectSaved, test } from './harness';
import { onScreen } from './on-screen';

const SECRET = 'sandbox-secret';

async function addEnvironment(options: Page, baseUrl: string, name: string): Promise<void> {
  await options.getByRole('button', { name: 'Add environment' }).click();
  await options.getByLabel('Name', { exact: true }).fill(name);
  await options.getByLabel('Base URL').fill(baseUrl);
  await options.getByLabel('Client ID').fill('sandbox-client');
  await options.getByLabel('Client secret').fill(SECRET);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(options);
}

async function deleteEnvironment(options: Page, name: string): Promise<void> {
  await options.getByRole('navigation', { name: 'Environments' }).getByRole('button', { name: new RegExp(name) }).click();
  await options.getByRole('button', { name: 'Delete' }).click();
  await options.getByRole('group', { name: 'Delete' }).getByRole('button', { name: 'Yes, delete' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Environment deleted.' })).toBeVisible();
}

const environmentNames = (popup: Page) => popup.getByLabel('Environment').locator('option');

async function openDemo(context: BrowserContext, serviceWorker: Worker, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await serviceWorker.evaluate(async (href) => (await chrome.tabs.query({})).find((tab) => tab.url === href)?.id, page.url());
  if (tabId === undefined) throw new Error(`no tab for ${url}`);
  return { page, tabId };
}

test('environments added, renamed and deleted in Options appear in the open popup; a deleted one in use is replaced, and it says so', async ({
  openOptions,
  openPopup,
  sandbox,
}) => {
  const { page: popup, errors } = await openPopup();
  const { page: options } = await openOptions();
  await expect(environmentNames(popup)).toHaveText(['Sandbox', 'Production']);

  await addEnvironment(options, sandbox.url, 'Local sandbox');
  await expect(environmentNames(popup)).toHaveText(['Sandbox', 'Production', 'Local sandbox']);

  await options.getByLabel('Name', { exact: true }).fill('Staging sandbox');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(environmentNames(popup)).toHaveText(['Sandbox', 'Production', 'Staging sandbox']);

  await popup.getByLabel('Environment').selectOption({ label: 'Staging sandbox' });
  await expect(popup.getByText('CUSTOM', { exact: true })).toBeVisible();
  // Scrolled down, as one is after a generate in a short window: the notice must still come into view.
  const viewport = popup.viewportSize();
  await popup.setViewportSize({ width: 420, height: 320 });
  await popup.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => popup.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  await deleteEnvironment(options, 'Staging sandbox');
  // In a live region that was there before the notice, so a screen reader hears it.
  const notice = popup.locator('[aria-live="polite"]', { hasText: 'The environment “Staging sandbox” was deleted, so PiM QR now uses “Sandbox”.' });
  await expect(notice).toBeVisible();
  await expect(notice).toBeInViewport();
  if (viewport) await popup.setViewportSize(viewport);
  await expect(environmentNames(popup)).toHaveText(['Sandbox', 'Production']);
  await expect(popup.getByLabel('Environment')).toHaveValue('sandbox');
  // Generating now uses the Sandbox, not the environment that is gone.
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(popup.getByRole('img', { name: 'QR preview' })).toBeVisible();
  await expect(popup.getByText('That environment no longer exists.')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a generate in one view fills History and the request log of the other, from empty', async ({ openPopup }) => {
  const { page: panel, errors } = await openPopup({ view: 'sidepanel' });
  await panel.getByRole('button', { name: 'History' }).click();
  await panel.getByRole('button', { name: 'Request log' }).click();
  const history = panel.getByRole('region', { name: 'History' });
  const log = panel.getByRole('region', { name: 'Request log' });
  await expect(history.getByText('No QR codes yet.')).toBeVisible();
  await expect(log.getByText('No requests yet.')).toBeVisible();

  const { page: popup } = await openPopup();
  await popup.getByLabel('Title').fill('Made in the other view');
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(popup.getByRole('img', { name: 'QR preview' })).toBeVisible();

  await expect(history.getByRole('button', { name: /^Made in the other view/ })).toBeVisible();
  await expect(history.getByText('No QR codes yet.')).toHaveCount(0);
  await expect(log.getByText('/kpn/qrcodegenerator/image')).toBeVisible();
  await expect(log.getByText('No requests yet.')).toHaveCount(0);

  await history.getByRole('button', { name: 'Clear history' }).click();
  await popup.getByRole('button', { name: 'History' }).click();
  await expect(popup.getByRole('region', { name: 'History' }).getByText('No QR codes yet.')).toBeVisible();
  expect(errors).toEqual([]);
});

test('new defaults reach a form nobody edited; an edited draft is kept; each view keeps its own draft', async ({ openOptions, openPopup }) => {
  const { page: popup } = await openPopup();
  const { page: panel } = await openPopup({ view: 'sidepanel' });
  await panel.getByLabel('Title').fill('Typed in the side panel');

  const { page: options } = await openOptions();
  const defaults = options.getByRole('form', { name: 'Defaults' });
  await defaults.getByLabel('Title').fill('Sign in to Example Bank');
  await defaults.getByRole('button', { name: 'Save defaults' }).click();
  await expect(options.getByText('Defaults saved.')).toBeVisible();

  await expect(popup.getByLabel('Title')).toHaveValue('Sign in to Example Bank');
  await expect(panel.getByLabel('Title')).toHaveValue('Typed in the side panel');

  // Two views, two drafts: what one types never lands in the other, reopened or not.
  await popup.getByLabel('Title').fill('Typed in the popup');
  await panel.reload();
  await popup.reload();
  await expect(panel.getByLabel('Title')).toHaveValue('Typed in the side panel');
  await expect(popup.getByLabel('Title')).toHaveValue('Typed in the popup');
  const { page: fresh } = await openPopup({ tab: '1' });
  await expect(fresh.getByLabel('Title')).toHaveValue('Sign in to Example Bank');
});

test('a remembered placement resized in the page shows its new size in the popup', async ({ context, serviceWorker, sandbox, openPopup }) => {
  const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
  const { page: popup, errors } = await openPopup({ tab: String(tabId) });
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(popup.getByRole('img', { name: 'QR preview' })).toBeVisible();
  await popup.getByRole('checkbox', { name: 'Remember on this site' }).check();
  await popup.getByRole('button', { name: 'Insert into page' }).click();
  await expect(popup.getByRole('status')).toHaveText('Placed, and remembered on this site.');
  const remembered = popup.getByRole('region', { name: 'Remembered on this site' });
  await expect(remembered.getByRole('listitem')).toHaveText([/^Floating · 400×400 px/]);

  await page.bringToFront();
  const placement = page.locator('[data-pim-qr-placement]');
  await placement.hover();
  const { box: corner } = await onScreen(page, 'button', 'Resize QR');
  await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
  await page.mouse.down();
  await page.mouse.move(corner.x + corner.width / 2 - 100, corner.y + corner.height / 2 - 100, { steps: 5 });
  await page.mouse.up();

  await expect(remembered.getByRole('listitem')).toHaveText([/^Floating · 300×300 px/]);
  expect(errors).toEqual([]);
});
