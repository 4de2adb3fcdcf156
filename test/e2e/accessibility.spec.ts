import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { sandboxQrUrl } from '../../src/core/sandbox/render';
import { type ScanPages, startScanPages } from '../fixtures/scan-pages';
import { expect, expectSaved, test } from './harness';
import { openDemo } from './placements';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Presses Tab until the focused element has this accessible name; fails after a full lap. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return '';
      return (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
    });
    if (focused === name) return;
  }
  throw new Error(`"${name}" cannot be reached with the Tab key`);
}

/** A focus ring someone can see: an outline or a box shadow on the focused element. */
async function focusRingVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    return outline || (style.boxShadow !== 'none' && style.boxShadow !== '');
  });
}

let scanPages: ScanPages | undefined;
test.afterAll(async () => scanPages?.close());

for (const scheme of ['light', 'dark'] as const) {
  test(`the scan list, an outlined entry and a comparison have no serious accessibility violations (${scheme})`, async ({
    context,
    serviceWorker,
    openPopup,
  }) => {
    scanPages ??= await startScanPages(sandboxQrUrl(DEFAULT_PARAMS.redirect, DEFAULT_PARAMS.attributes), DEFAULT_PARAMS.width);
    const { page, tabId } = await openDemo(context, serviceWorker, scanPages.url);
    await expect(page.locator('body[data-ready="yes"]')).toHaveCount(1);
    const { page: popup } = await openPopup({ tab: String(tabId) });
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.getByRole('button', { name: 'Generate' }).click();
    await expect(popup.getByText(/^Encodes: /)).toBeVisible();
    await popup.getByRole('button', { name: 'Scan this page' }).click();
    await expect(popup.getByText('QR codes and images found: 8')).toBeVisible({ timeout: 15_000 });
    await popup.getByRole('button', { name: 'Show on page' }).nth(1).click();
    await popup.getByRole('button', { name: 'Compare with last QR' }).first().click();
    await expect(popup.getByText('Same content as the last QR.')).toBeVisible();
    expect(await seriousViolations(popup)).toEqual([]);
  });

  // One axe run takes seconds on a busy machine: the popup's states and the options page are two tests.
  test(`the popup, its errors, its result and its first-call question have no serious accessibility violations (${scheme})`, async ({ openPopup }) => {
    const { page: popup } = await openPopup();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.getByRole('button', { name: 'Generate' }).waitFor();
    expect(await seriousViolations(popup)).toEqual([]);

    await popup.getByLabel('Title').fill('');
    await popup.getByRole('button', { name: 'Generate' }).click();
    await expect(popup.getByText('Title is required.')).toBeVisible();
    expect(await seriousViolations(popup)).toEqual([]);

    await popup.getByLabel('Title').fill('Log in with PiM');
    await popup.getByRole('button', { name: 'Generate' }).click();
    await expect(popup.getByText(/^Encodes: /)).toBeVisible();
    expect(await seriousViolations(popup)).toEqual([]);

    // The confirmation before Production's first call, open over the page.
    await popup.getByLabel('Environment').selectOption({ label: 'Production' });
    await popup.getByRole('button', { name: 'Generate' }).click();
    await expect(popup.getByRole('dialog', { name: 'Create a real code with Production?' })).toBeVisible();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.keyboard.press('Escape');
    await expect(popup.getByRole('dialog')).toBeHidden();
  });

  test(`the options page and its errors have no serious accessibility violations (${scheme})`, async ({ openOptions }) => {
    const { page: options } = await openOptions();
    await options.emulateMedia({ colorScheme: scheme });
    await options.getByRole('button', { name: 'Add environment' }).click();
    await options.getByLabel('Base URL').fill('ftp://nope');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.getByText('Base URL must start with https:// or http://.')).toBeVisible();
    expect(await seriousViolations(options)).toEqual([]);
  });

  test(`the quota line, its warning and its used-up message have no serious accessibility violations (${scheme})`, async ({
    openPopup,
    openOptions,
    sandbox,
  }) => {
    // Three generates and three axe runs of the whole popup.
    test.setTimeout(90_000);
    const { page: options } = await openOptions();
    await options.getByRole('button', { name: 'Add environment' }).click();
    await options.getByLabel('Name', { exact: true }).fill('Local sandbox');
    await options.getByLabel('Base URL').fill(sandbox.url);
    await options.getByLabel('Client ID').fill('sandbox-client');
    await options.getByLabel('Client secret').fill('sandbox-secret');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expectSaved(options);

    const { page: popup } = await openPopup();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.getByLabel('Environment').selectOption({ label: 'Local sandbox' });
    await popup.getByRole('button', { name: 'Request log' }).click();
    for (const [used, shown, logged] of [
      [0, /^Quota: 1 of 1,000/, 'quota 1 of 1,000'],
      [899, 'Almost all of the quota is used.', 'quota 900 of 1,000'],
      [999, 'Quota used up: KPN refuses new QR codes until it resets.', 'quota 1,000 of 1,000'],
    ] as const) {
      sandbox.handler.configure({ faults: [`quota-used=${used}*1`] });
      await popup.getByRole('button', { name: 'Generate' }).click();
      await expect(popup.locator('.result-quota')).toContainText(shown);
      await expect(popup.getByRole('region', { name: 'Request log' }).getByText(logged, { exact: false }).first()).toBeVisible();
      expect(await seriousViolations(popup)).toEqual([]);
    }
  });
}

test('generate and insert with the keyboard alone, with a visible focus ring', async ({ context, serviceWorker, sandbox, openPopup }) => {
  const login = await context.newPage();
  await login.goto(`${sandbox.url}/demo/login.html`);
  const tabId = await serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, login.url());
  expect(tabId).toBeDefined();

  const { page: popup } = await openPopup({ tab: String(tabId) });
  await popup.getByRole('button', { name: 'Generate' }).waitFor();
  await tabTo(popup, 'Title');
  expect(await focusRingVisible(popup)).toBe(true);
  await popup.keyboard.press('Control+A');
  await popup.keyboard.type('Keyboard only');
  // The attributes are one tab stop: Tab reaches the first, the arrow keys the others.
  await tabTo(popup, 'Email');
  await popup.keyboard.press('ArrowRight');
  await popup.keyboard.press('Space');
  await popup.keyboard.press('Enter');
  await expect(popup.getByText(`Encodes: ${sandboxQrUrl(1, ['Email', 'FirstName', 'FamilyName', 'Mobile'])}`)).toBeVisible();

  await tabTo(popup, 'Insert into page');
  expect(await focusRingVisible(popup)).toBe(true);
  await popup.keyboard.press('Enter');
  await expect(login.locator('[data-pim-qr-placement]')).toHaveCount(1);
});
