// "Scan this page" in Firefox: the popup reads the codes of a staging page (image, inline SVG,
// canvas, shadow root, same-origin frame), says the image of another site cannot be read, and
// outlines a chosen code on the page until the scan closes.
import type { ElementHandle } from 'puppeteer-core';
import { click, count, pageText, role, waitUntil } from '../../scripts/firefox-ui';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { sandboxQrUrl } from '../../src/core/sandbox/render';
import { SCAN_TEXTS, startScanPages } from '../fixtures/scan-pages';
import { expect, test } from './harness';

const LATEST = sandboxQrUrl(DEFAULT_PARAMS.redirect, DEFAULT_PARAMS.attributes);
const HIGHLIGHT = '[data-pim-qr-ui="scan-highlight"]';

test('Scan this page reads img, svg, canvas and more, reports the image of another site, and outlines a code', async ({ firefox, ext, onTestFinished }) => {
  const pages = await startScanPages(LATEST, DEFAULT_PARAMS.width);
  onTestFinished(() => pages.close());
  const page = await firefox.newPage();
  await page.goto(pages.url);
  await page.waitForSelector('body[data-ready="yes"]');
  const tabId = await ext.inExtension(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, page.url());
  const popup = await ext.openPopup({ tab: String(tabId) });

  await click(popup, role('button', 'Scan this page'));
  const text = await waitUntil('the scan to list its codes', async () => {
    const shown = await pageText(popup);
    return shown.includes('QR codes and images found: 8') ? shown : undefined;
  }, { timeoutMs: 20_000 });
  for (const expected of [LATEST, SCAN_TEXTS.svg, SCAN_TEXTS.canvas, SCAN_TEXTS.background, SCAN_TEXTS.shadow, SCAN_TEXTS.frame, SCAN_TEXTS.clipped]) {
    expect(text).toContain(expected);
  }
  expect(text).not.toContain(SCAN_TEXTS.cross);
  expect(text).toMatch(/7\. Image\n+Cannot be read: the image comes from another site/);
  expect(text).toContain(`From: ${pages.otherOrigin}`);
  expect(text).toContain('Frames of other sites, not scanned: 1.');
  expect(text).toMatch(/2\. Inline SVG\n+Encodes: https:\/\/staging\.example\/inline-svg\n+200×200 CSS px · 200×200 device px\n+\d+×\d+ modules · module [\d.]+ CSS px · quiet zone [\d.]+ modules · contrast 21:1/);

  const shows = (await popup.$$(role('button', 'Show on page'))) as ElementHandle[];
  expect(shows).toHaveLength(8);
  await shows[2]?.click();
  await waitUntil('the outline on the page', async () => ((await count(page, HIGHLIGHT)) === 1 ? true : undefined));
  const [outline, canvas] = await Promise.all([
    page.$eval(HIGHLIGHT, (el) => el.getBoundingClientRect().toJSON() as DOMRect),
    page.$eval('#canvas', (el) => el.getBoundingClientRect().toJSON() as DOMRect),
  ]);
  expect(outline.left).toBeLessThan(canvas.left);
  expect(outline.right).toBeGreaterThan(canvas.right);
  expect(await shows[2]?.evaluate((button) => button.getAttribute('aria-pressed'))).toBe('true');

  await shows[1]?.click();
  await waitUntil('the outline to move to the SVG', async () => {
    const box = await page.$eval(HIGHLIGHT, (el) => el.getBoundingClientRect().toJSON() as DOMRect);
    const svg = await page.$eval('#svg svg', (el) => el.getBoundingClientRect().toJSON() as DOMRect);
    return box.left < svg.left && box.right > svg.right && (await count(page, HIGHLIGHT)) === 1 ? true : undefined;
  });
  await Promise.all(shows.map((handle) => handle.dispose()));

  await click(popup, role('button', 'Close scan'));
  await waitUntil('the outline to go', async () => ((await count(page, HIGHLIGHT)) === 0 ? true : undefined));
  expect(firefox.errors).toEqual([]);
});
