// "Screenshot page" through the permission a person really gives: the extension's action, run as a
// click on the toolbar button does (CDP Extensions.triggerAction, which grants activeTab and opens the
// real toolbar popup). Playwright does not attach to the toolbar popup or the side panel, so this
// file drives Chromium with puppeteer-core over a pipe, which the protocol method needs.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import puppeteer, { type Browser, type Extension, type Page } from 'puppeteer-core';
import { findChromium } from '../../scripts/find-chromium';
import { DIST, expect, test } from './harness';
import { panelPixels, qrInArea } from './png';

const FILE_NAME = /^pim-qr-127\.0\.0\.1-\d{4}-\d{2}-\d{2}-\d{4}\.png$/;

interface Running {
  browser: Browser;
  extension: Extension;
  downloads: string;
  /** Console errors and uncaught exceptions of the extension's pages. */
  errors: string[];
}

async function launch(): Promise<Running> {
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    defaultViewport: null,
    args: ['--no-sandbox', '--enable-unsafe-extension-debugging', '--window-size=1000,760', '--disable-background-networking', '--no-first-run', '--disable-sync'],
  });
  const id = await browser.installExtension(DIST);
  const extension = (await browser.extensions()).get(id);
  if (!extension) throw new Error(`${DIST} did not install`);
  const downloads = mkdtempSync(join(tmpdir(), 'pim-qr-screenshot-'));
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  return { browser, extension, downloads, errors: [] };
}

function watchErrors(page: Page, errors: string[]): Page {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return page;
}

/** The extension page at `path` (the toolbar popup, the side panel), once it is there. */
async function extensionView(run: Running, path: string): Promise<Page> {
  const url = `chrome-extension://${run.extension.id}/${path}`;
  const target = await run.browser.waitForTarget((t) => t.url() === url, { timeout: 10_000 });
  const page = await target.asPage();
  return watchErrors(page, run.errors);
}

/** A click on the PiM QR toolbar button while `page` is in front: activeTab for its tab, and the popup. */
async function clickToolbarButton(run: Running, page: Page): Promise<Page> {
  await page.bringToFront();
  await page.triggerExtensionAction(run.extension);
  const popup = await extensionView(run, 'src/popup/index.html');
  await popup.waitForSelector('::-p-aria(Generate[role="button"])');
  return popup;
}

const button = (view: Page, name: string) => view.locator(`::-p-aria(${name}[role="button"])`);

/**
 * A real click on the button named `name`, at its middle. For a side panel beside another tab, which
 * the headless browser paints too seldom for a locator's wait for a still element.
 */
async function press(view: Page, name: string): Promise<void> {
  const handle = await view.waitForSelector(`::-p-aria(${name}[role="button"])`, { visible: false });
  const box = await handle?.evaluate((element) => {
    element.scrollIntoView({ block: 'center' });
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x: x + width / 2, y: y + height / 2 };
  });
  if (!box) throw new Error(`no button ${name}`);
  await view.mouse.click(box.x, box.y);
}
const statusText = (view: Page) => view.$eval('.status-bar', (element) => element.textContent ?? '');

async function generate(view: Page): Promise<string> {
  await button(view, 'Generate').click();
  const decoded = await view.waitForSelector('.result-decoded ::-p-text(Encodes:)');
  return ((await decoded?.evaluate((element) => element.textContent)) ?? '').replace(/^Encodes:\s*/, '');
}

async function savedPngs(dir: string, count: number): Promise<string[]> {
  await expect.poll(() => readdirSync(dir).filter((f) => f.endsWith('.png')).length, { timeout: 10_000 }).toBe(count);
  return readdirSync(dir).filter((f) => f.endsWith('.png'));
}

const viewOf = async (page: Page) => page.evaluate(() => ({ width: innerWidth, height: innerHeight, scale: devicePixelRatio }));
const qrBox = (page: Page) =>
  page.$eval('[data-pim-qr-placement]', (host) => {
    const { x, y, width, height } = host.getBoundingClientRect();
    return { x, y, width, height };
  });
const screenshotOf = async (page: Page) => PNG.sync.read(Buffer.from(await page.screenshot({ type: 'png' })));

test('the toolbar popup saves and copies a PNG of the page with the placed QR, without PiM QR’s own controls', async ({ sandbox }) => {
  const run = await launch();
  try {
    const page = await run.browser.newPage();
    await page.goto(`${sandbox.url}/demo/login.html`);
    const popup = await clickToolbarButton(run, page);
    const encoded = await generate(popup);
    await button(popup, 'Insert into page').click();
    await page.waitForSelector('[data-pim-qr-placement]');

    // Pointed at, the QR shows its toolbar above and its size badge below: in the page, not in the picture.
    const qr = await qrBox(page);
    await page.mouse.move(qr.x + qr.width / 2, qr.y + qr.height / 2);
    const { scale } = await viewOf(page);
    const panelsIn = (png: PNG) => panelPixels(png, qr, scale);
    await expect.poll(async () => panelsIn(await screenshotOf(page))).toBeGreaterThan(500);

    await button(popup, 'Screenshot page').click();
    let status = '';
    await expect.poll(async () => (status = await statusText(popup))).toMatch(/^Saved pim-qr-127\.0\.0\.1-\d{4}-\d{2}-\d{2}-\d{4}\.png and copied it to the clipboard\.$/);
    const [name = ''] = await savedPngs(run.downloads, 1);
    expect(name).toMatch(FILE_NAME);
    expect(status).toBe(`Saved ${name} and copied it to the clipboard.`);

    const saved = PNG.sync.read(readFileSync(join(run.downloads, name)));
    const view = await viewOf(page);
    expect({ width: saved.width, height: saved.height }).toEqual({ width: Math.round(view.width * scale), height: Math.round(view.height * scale) });
    expect(qrInArea(saved, qr, scale)).toBe(encoded);
    expect(panelsIn(saved)).toBe(0);
    // Shown again once the capture is done: the pointer is still on the QR.
    expect(panelsIn(await screenshotOf(page))).toBeGreaterThan(500);

    // The clipboard holds the same picture.
    await run.browser.defaultBrowserContext().overridePermissions(`chrome-extension://${run.extension.id}`, ['clipboard-read']);
    const copied = await popup.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item) return null;
      const bitmap = await createImageBitmap(await item.getType('image/png'));
      return { types: item.types, width: bitmap.width, height: bitmap.height };
    });
    expect(copied).toEqual({ types: ['image/png'], width: saved.width, height: saved.height });
    expect(run.errors).toEqual([]);
  } finally {
    await run.browser.close();
    rmSync(run.downloads, { recursive: true, force: true });
  }
});

test('the side panel, which grants no access, says to use the toolbar button; after that click it captures the tab', async ({ sandbox }) => {
  const run = await launch();
  try {
    const first = await run.browser.newPage();
    await first.goto(`${sandbox.url}/demo/login.html`);
    const popup = await clickToolbarButton(run, first);
    await button(popup, 'Open in side panel').click();
    const panel = await extensionView(run, 'src/popup/index.html?view=sidepanel');
    await panel.waitForSelector('::-p-aria(Generate[role="button"])');
    await generate(panel);

    // Another tab, never given access: the side panel beside it cannot capture it, and says what to do.
    const second = await run.browser.newPage();
    await second.goto(`${sandbox.url}/demo/spa.html`);
    await second.bringToFront();
    await press(panel, 'Screenshot page');
    // The side panel beside another tab is not painted often: its text is read, not waited for by frame.
    const alertText = () => panel.evaluate(() => document.querySelector('.result [role="alert"]')?.textContent ?? '');
    await expect.poll(alertText).toContain('PiM QR may not take a screenshot of this tab yet.');
    const words = await alertText();
    expect(words).toContain('PiM QR may not take a screenshot of this tab yet.');
    expect(words).toContain('Open PiM QR from its toolbar button on this page (or press Alt+Shift+Q), then press Screenshot page');
    expect(readdirSync(run.downloads)).toEqual([]);

    // The toolbar button on that tab gives access: the side panel's Screenshot page now works there too.
    const again = await clickToolbarButton(run, second);
    await again.close();
    await second.bringToFront();
    await press(panel, 'Screenshot page');
    await expect.poll(() => statusText(panel)).toMatch(/^Saved pim-qr-127\.0\.0\.1-.+\.png and copied it to the clipboard\.$/);
    const [name = ''] = await savedPngs(run.downloads, 1);
    expect(name).toMatch(FILE_NAME);
    expect(run.errors).toEqual([]);
  } finally {
    await run.browser.close();
    rmSync(run.downloads, { recursive: true, force: true });
  }
});
