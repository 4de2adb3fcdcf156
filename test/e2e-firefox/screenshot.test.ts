// "Screenshot page" in Firefox, through the permission a person really gives: Firefox's own toolbar
// action (what a click on PiM QR's button runs) grants activeTab. The popup UI is opened in a window
// of its own, aimed at the demo tab, so that tab stays the one in front of its window, as beside the
// toolbar popup or the sidebar.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'puppeteer-core';
import { afterAll, describe } from 'vitest';
import { clickToolbarButton } from '../../scripts/firefox-on-screen';
import { showExtensionPage } from '../../scripts/firefox-extension';
import { click, role, textOf } from '../../scripts/firefox-ui';
import { GECKO_ID } from '../../scripts/manifest-for-firefox';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { sandboxQrUrl } from '../../src/core/sandbox/render';
import { panelPixels, qrInArea } from '../e2e/png';
import { expect, test } from './harness';
import { generate } from './journeys';
import { PLACEMENT, box, placement } from './placements';

const downloads = mkdtempSync(join(tmpdir(), 'pim-qr-firefox-screenshot-'));
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

const screenshotOf = async (page: Page) => PNG.sync.read(Buffer.from(await page.screenshot({ type: 'png' })));

describe('Screenshot page', () => {
  // Saved files go to a folder of the test's, without asking.
  test.override('firefoxPrefs', {
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
  });

  test('refused with what to do until the toolbar button was used on the tab; then saves the page with the QR, without PiM QR’s controls', async ({ firefox, ext }) => {
    const { page, tabId } = await ext.openDemo('/demo/login.html');
    const popup = await firefox.browser.newPage({ type: 'window' });
    await showExtensionPage(popup, firefox.url(`src/popup/index.html?tab=${tabId}`));
    await generate(popup);
    await click(popup, role('button', 'Insert into page'));
    await expect.poll(() => textOf(popup, role('status'))).toContain('Inserted into the page.');

    // The demo tab in front of its window, as a person looks at the page they capture.
    await page.bringToFront();
    await click(popup, role('button', 'Screenshot page'));
    await expect.poll(() => textOf(popup, '.result [role="alert"]')).toContain('PiM QR may not take a screenshot of this tab yet.');
    expect(await textOf(popup, '.result [role="alert"]')).toContain(
      'Open PiM QR from its toolbar button on this page (or press Alt+Shift+Q), then press Screenshot page',
    );
    expect(readdirSync(downloads)).toEqual([]);

    // A click on the toolbar button on that tab gives access.
    await clickToolbarButton(page, GECKO_ID);
    const qr = await box(await placement(page, PLACEMENT));
    await page.mouse.move(qr.x + qr.width / 2, qr.y + qr.height / 2);
    const scale = await page.evaluate(() => devicePixelRatio);
    await expect.poll(async () => panelPixels(await screenshotOf(page), qr, scale)).toBeGreaterThan(500);

    await click(popup, role('button', 'Screenshot page'));
    let status = '';
    await expect.poll(async () => (status = await textOf(popup, role('status')))).toMatch(/^Saved /);
    await expect.poll(() => readdirSync(downloads).filter((f) => f.endsWith('.png')).length).toBe(1);
    const [name = ''] = readdirSync(downloads);
    expect(name).toMatch(/^pim-qr-127\.0\.0\.1-\d{4}-\d{2}-\d{2}-\d{4}\.png$/);
    expect(status).toBe(`Saved ${name} and copied it to the clipboard.`);
    // Firefox took the image (the write resolved); headless Firefox's clipboard keeps text only, so what it holds is not read back here.

    const saved = PNG.sync.read(readFileSync(join(downloads, name)));
    const view = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    expect({ width: saved.width, height: saved.height }).toEqual({ width: Math.round(view.width * scale), height: Math.round(view.height * scale) });
    expect(qrInArea(saved, qr, scale)).toBe(sandboxQrUrl(DEFAULT_PARAMS.redirect, DEFAULT_PARAMS.attributes));
    expect(panelPixels(saved, qr, scale)).toBe(0);
    // Shown again once the capture is done: the pointer is still on the QR.
    expect(panelPixels(await screenshotOf(page), qr, scale)).toBeGreaterThan(500);
    expect(firefox.errors).toEqual([]);
  });
});
