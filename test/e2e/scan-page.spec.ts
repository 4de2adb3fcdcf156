// "Scan this page" in Chromium: the popup finds the QR codes a staging page shows (image, inline SVG,
// canvas, CSS background, open shadow root, same-origin frame), says which images it cannot read and
// why, outlines a chosen code on the page, and compares codes with the QR generated last. A hostile
// page's codes are shown as text, with what the reader must know about them.
import type { Page } from '@playwright/test';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { sandboxQrUrl } from '../../src/core/sandbox/render';
import { SCAN_TEXTS, type ScanPages, startScanPages } from '../fixtures/scan-pages';
import { expect, test } from './harness';
import { openDemo } from './placements';
import { saveScreenshot } from './screenshots';

const LATEST = sandboxQrUrl(DEFAULT_PARAMS.redirect, DEFAULT_PARAMS.attributes);
const HIGHLIGHT = '[data-pim-qr-ui="scan-highlight"]';

let pages: ScanPages;
test.beforeAll(async () => {
  pages = await startScanPages(LATEST, DEFAULT_PARAMS.width);
});
test.afterAll(async () => pages.close());

const entry = (popup: Page, title: string) => popup.getByRole('listitem').filter({ has: popup.getByRole('heading', { name: title, exact: true }) });

/** The numbers of a figures line: modules per side, module CSS px, quiet zone modules, contrast. */
async function figures(popup: Page, title: string): Promise<number[]> {
  const text = await entry(popup, title).getByText(/modules · module/).innerText();
  const match = /(\d+)×\1 modules · module ([\d.]+) CSS px · quiet zone ([\d.]+) modules · contrast ([\d.]+):1/.exec(text);
  if (!match) throw new Error(`no figures in ${text}`);
  return match.slice(1).map(Number);
}

async function highlightBox(page: Page) {
  const box = await page.locator(HIGHLIGHT).boundingBox();
  if (!box) throw new Error('no highlight');
  return box;
}

test('lists every QR on the page with its text and figures, the unreadable image with its reason', async ({ context, serviceWorker, openPopup }) => {
  const { page, tabId } = await openDemo(context, serviceWorker, pages.url);
  await expect(page.locator('body[data-ready="yes"]')).toHaveCount(1);
  const { page: popup, errors } = await openPopup({ tab: String(tabId) });
  await popup.getByRole('button', { name: 'Scan this page' }).click();
  await expect(popup.getByRole('heading', { name: 'QR codes on this page' })).toBeVisible();
  await expect(popup.getByText('QR codes and images found: 8')).toBeVisible({ timeout: 15_000 });
  await expect(popup.getByText('Frames of other sites, not scanned: 1.', { exact: false })).toBeVisible();

  const expected: [string, string][] = [
    ['1. Image', LATEST],
    ['2. Inline SVG', SCAN_TEXTS.svg],
    ['3. Canvas', SCAN_TEXTS.canvas],
    ['4. CSS background image', SCAN_TEXTS.background],
    ['5. Image (inside a shadow root)', SCAN_TEXTS.shadow],
    ['6. Image (inside a frame of this site)', SCAN_TEXTS.frame],
    ['8. Image', SCAN_TEXTS.clipped],
  ];
  for (const [title, text] of expected) {
    await expect(entry(popup, title).locator('.scan-decoded')).toHaveText(text);
    const [modules = 0, module = 0, quiet = 0, contrast = 0] = await figures(popup, title);
    expect(modules, title).toBeGreaterThanOrEqual(21);
    expect(module, title).toBeGreaterThan(1);
    expect(quiet, title).toBe(4);
    expect(contrast, title).toBeGreaterThan(15);
  }
  // 400 CSS px for a code of 8 + modules: each module is 400 / (modules + 8) CSS px.
  const [modules = 0, module = 0] = await figures(popup, '1. Image');
  expect(module).toBeCloseTo(400 / (modules + 8), 0);
  await expect(entry(popup, '1. Image').getByText('400×400 CSS px · 400×400 device px')).toBeVisible();

  const cross = entry(popup, '7. Image');
  await expect(cross.getByText('Cannot be read: the image comes from another site')).toBeVisible();
  await expect(cross.getByText(`From: ${pages.otherOrigin}`)).toBeVisible();
  await expect(cross.locator('.scan-decoded')).toHaveCount(0);
  await expect(entry(popup, '8. Image').getByText('Part of the QR is cut off or outside the visible area.')).toBeVisible();
  await expect(entry(popup, '1. Image').getByText('Part of the QR is cut off')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Show on page outlines one code at a time; closing the scan or the popup takes the outline away', async ({ context, serviceWorker, openPopup }) => {
  const { page, tabId } = await openDemo(context, serviceWorker, pages.url);
  await expect(page.locator('body[data-ready="yes"]')).toHaveCount(1);
  const { page: popup } = await openPopup({ tab: String(tabId) });
  await popup.getByRole('button', { name: 'Scan this page' }).click();
  await expect(popup.getByText('QR codes and images found: 8')).toBeVisible({ timeout: 15_000 });

  const show = (title: string) => entry(popup, title).getByRole('button', { name: 'Show on page' });
  await show('3. Canvas').click();
  await expect(show('3. Canvas')).toHaveAttribute('aria-pressed', 'true');
  await expect(entry(popup, '3. Canvas').getByText('Outlined on the page.')).toBeVisible();
  await expect(page.locator(HIGHLIGHT)).toHaveCount(1);
  const canvas = await page.locator('#canvas').boundingBox();
  const outline = await highlightBox(page);
  expect(canvas).not.toBeNull();
  expect(outline.x).toBeLessThan(canvas?.x ?? 0);
  expect(outline.x + outline.width).toBeGreaterThan((canvas?.x ?? 0) + (canvas?.width ?? 0));
  // Scrolled into view: the canvas is inside the viewport.
  expect(await page.locator('#canvas').evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
  // The page cannot restyle the outline: its host's styles are !important inline and its root is closed.
  await page.addStyleTag({ content: 'div { display: none !important; }' });
  expect(await page.locator(HIGHLIGHT).evaluate((el) => [getComputedStyle(el).display, el.shadowRoot])).toEqual(['block', null]);

  await show('6. Image (inside a frame of this site)').click();
  await expect(show('3. Canvas')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator(HIGHLIGHT)).toHaveCount(0);
  await expect(page.frameLocator('#frame').locator(HIGHLIGHT)).toHaveCount(1);

  await popup.getByRole('button', { name: 'Close scan' }).click();
  await expect(page.frameLocator('#frame').locator(HIGHLIGHT)).toHaveCount(0);

  await popup.getByRole('button', { name: 'Scan this page' }).click();
  await show('2. Inline SVG').click();
  await expect(page.locator(HIGHLIGHT)).toHaveCount(1);
  await popup.close();
  await expect(page.locator(HIGHLIGHT)).toHaveCount(0);
});

test('Compare with last QR says whether content and size match the QR generated last', async ({ context, serviceWorker, openPopup }) => {
  const { page, tabId } = await openDemo(context, serviceWorker, pages.url);
  await expect(page.locator('body[data-ready="yes"]')).toHaveCount(1);
  const { page: popup } = await openPopup({ tab: String(tabId) });
  await popup.getByRole('button', { name: 'Scan this page' }).click();
  await expect(popup.getByText('QR codes and images found: 8')).toBeVisible({ timeout: 15_000 });
  const compare = (title: string) => entry(popup, title).getByRole('button', { name: 'Compare with last QR' });

  await compare('1. Image').click();
  await expect(entry(popup, '1. Image').getByText('There is no generated QR to compare with yet.')).toBeVisible();

  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(popup.getByRole('img', { name: 'QR preview' })).toBeVisible();
  await compare('1. Image').click();
  await expect(entry(popup, '1. Image').getByText('Same content as the last QR.')).toBeVisible();
  await expect(entry(popup, '1. Image').getByText('Same size as the last QR: 400×400 px.')).toBeVisible();
  await compare('2. Inline SVG').click();
  await expect(entry(popup, '2. Inline SVG').getByText('Different content from the last QR.')).toBeVisible();
  await expect(entry(popup, '2. Inline SVG').getByText('Different size: the page shows it at 200×200 px (CSS), the last QR is 400×400 px.')).toBeVisible();
  // The unreadable image has nothing to compare.
  await expect(entry(popup, '7. Image').getByRole('button', { name: 'Compare with last QR' })).toHaveCount(0);

  // For the README: the popup at its size, scrolled to the list.
  await entry(popup, '2. Inline SVG').getByRole('button', { name: 'Show on page' }).click();
  await popup.setViewportSize({ width: 800, height: 600 });
  await popup.getByRole('heading', { name: 'QR codes on this page' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await saveScreenshot(popup, 'scan-this-page');
});

test('a page without codes says so', async ({ context, serviceWorker, openPopup }) => {
  const { tabId } = await openDemo(context, serviceWorker, pages.emptyUrl);
  const { page: popup } = await openPopup({ tab: String(tabId) });
  await popup.getByRole('button', { name: 'Scan this page' }).click();
  await expect(popup.getByText('No QR code found on this page')).toBeVisible();
});

test('a hostile page: codes are shown as text only, with warnings for script links, long text and bidi characters', async ({ context, serviceWorker, openPopup }) => {
  const { page, tabId } = await openDemo(context, serviceWorker, pages.hostileUrl);
  let dialogs = 0;
  const { page: popup, errors } = await openPopup({ tab: String(tabId) });
  for (const p of [page, popup]) p.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs++));
  await popup.getByRole('button', { name: 'Scan this page' }).click();
  await expect(popup.getByText('QR codes and images found: 4')).toBeVisible({ timeout: 15_000 });

  const script = entry(popup, '1. Image');
  await expect(script.locator('.scan-decoded')).toHaveText('javascript:alert(document.domain)');
  await expect(script.getByText('not a web address but a javascript: link')).toBeVisible();
  await expect(script.getByRole('link')).toHaveCount(0);

  const long = entry(popup, '2. Image');
  await expect(long.getByText('Long text: the first 300 of its 4,096 characters are shown.')).toBeVisible();
  expect((await long.locator('.scan-decoded').innerText()).length).toBe(301);

  const bidi = entry(popup, '3. Image');
  await expect(bidi.locator('.scan-decoded')).toHaveText('https://good.example/ gnp.exe');
  await expect(bidi.getByText('invisible control or direction characters')).toBeVisible();

  const markup = entry(popup, '4. Image');
  await expect(markup.locator('.scan-decoded')).toHaveText('<img src=x onerror=alert(1)>');
  await expect(popup.locator('.scan-list img')).toHaveCount(0);
  expect(dialogs).toBe(0);
  expect(errors).toEqual([]);
});

test('a tricky page: the scan reads what is drawn, runs no page code, and one odd element or our marker attributes hide nothing', async ({ context, serviceWorker, openPopup }) => {
  const { page, tabId } = await openDemo(context, serviceWorker, pages.trickyUrl);
  expect(await page.evaluate(() => (window as unknown as { constructed: number }).constructed)).toBe(1);
  const { page: popup, errors } = await openPopup({ tab: String(tabId) });
  await popup.getByRole('button', { name: 'Scan this page' }).click();
  await expect(popup.getByText('QR codes and images found: 6')).toBeVisible({ timeout: 15_000 });
  await expect(entry(popup, '5. Image').locator('.scan-decoded')).toHaveText(SCAN_TEXTS.marked);
  // Below the fold, and nothing of the page cuts it: scrolling shows it.
  // What people see: the content URL's picture, and the SVG as the page's CSS places its parts.
  await expect(entry(popup, '3. Image').locator('.scan-decoded')).toHaveText(SCAN_TEXTS.contentOfImage);
  await expect(entry(popup, '4. Inline SVG').locator('.scan-decoded')).toHaveText(SCAN_TEXTS.cssShown);
  // Reading the SVG built no element of the page's: its custom element's constructor did not run again.
  expect(await page.evaluate(() => (window as unknown as { constructed: number }).constructed)).toBe(1);
  const below = entry(popup, '6. Image');
  await expect(below.locator('.scan-decoded')).toHaveText(SCAN_TEXTS.below);
  await expect(below.getByText('The QR lies outside the visible area, wholly or in part: scroll to it.')).toBeVisible();
  await expect(below.getByText('cut off', { exact: false })).toHaveCount(0);
  await expect(entry(popup, '1. Image').getByText('Cannot be read', { exact: false })).toBeVisible();
  await expect(entry(popup, '2. Image').locator('.scan-decoded')).toHaveText(SCAN_TEXTS.beside);
  await expect(popup.getByText('malformed', { exact: false })).toHaveCount(0);
  expect(errors).toEqual([]);
});
