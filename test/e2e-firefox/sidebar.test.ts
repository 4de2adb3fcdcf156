// Firefox's sidebar, its stand-in for Chrome's side panel: the same popup UI, opened beside the page,
// generating a QR and placing it in the tab the user is looking at. The sidebar is no tab, so
// WebDriver BiDi cannot reach it; its document is reached from an extension page of the same origin.
import type { Page } from 'puppeteer-core';
import { role, waitUntil } from '../../scripts/firefox-ui';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { sandboxQrUrl } from '../../src/core/sandbox/render';
import { decodeQrPng } from '../e2e/png';
import { expect, test } from './harness';

type SidebarApi = { sidebarAction: { open(): Promise<void>; isOpen(details: object): Promise<boolean> } };

/** What the sidebar shows now, read from its document. */
const sidebarState = (opener: Page) =>
  opener.evaluate(() => {
    const views = (chrome.extension.getViews as (filter: { type: string }) => Window[])({ type: 'sidebar' });
    const view = views[0];
    if (!view) return undefined;
    const buttons = [...view.document.querySelectorAll('button')].map((button) => button.textContent?.trim() ?? '');
    const preview = view.document.querySelector('img[alt="QR preview"][src^="data:image/svg+xml;base64,"]');
    return { href: view.location.href, buttons, preview: preview !== null, status: view.document.body.innerText };
  });

/** Clicks the sidebar's button with this text. */
const clickInSidebar = (opener: Page, text: string) =>
  opener.evaluate((label) => {
    const view = (chrome.extension.getViews as (filter: { type: string }) => Window[])({ type: 'sidebar' })[0];
    const button = [...(view?.document.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent?.trim() === label);
    if (!button) throw new Error(`the sidebar has no "${label}" button`);
    button.click();
  }, text);

test('the sidebar shows the popup UI, generates and inserts the QR into the page beside it', async ({ firefox, ext }) => {
  const manifest = await ext.inExtension(() => chrome.runtime.getManifest() as chrome.runtime.Manifest & { sidebar_action?: { default_panel?: string } });
  expect(manifest.sidebar_action?.default_panel).toBe(firefox.url('src/popup/index.html?view=sidepanel'));

  const { page: demo } = await ext.openDemo('/demo/login.html');
  // sidebarAction.open() needs a user action: a real click in an extension page asks for it.
  const opener = await ext.openOptions();
  await opener.evaluate(() => {
    document.addEventListener('click', () => void (globalThis as unknown as { browser: SidebarApi }).browser.sidebarAction.open(), { once: true });
  });
  await opener.mouse.click(5, 5);
  const opened = await waitUntil('the sidebar to show the popup UI', async () => {
    const state = await sidebarState(opener);
    return state?.buttons.includes('Generate') ? state : undefined;
  });
  expect(opened.href).toBe(firefox.url('src/popup/index.html?view=sidepanel'));
  // Chrome's "Open in side panel" has no place in Firefox, least of all in the sidebar itself.
  expect(opened.buttons).not.toContain('Open in side panel');

  // The user looks at the login page; the sidebar stays open beside it and targets it.
  await demo.bringToFront();
  await clickInSidebar(opener, 'Generate');
  await waitUntil('the sidebar to show the QR', async () => ((await sidebarState(opener))?.preview ? true : undefined));
  await clickInSidebar(opener, 'Insert into page');
  const placed = await demo.waitForSelector('[data-pim-qr-placement]', { visible: true });
  await demo.mouse.move(0, 0);
  expect(decodeQrPng(Buffer.from((await placed?.screenshot()) ?? []))).toBe(sandboxQrUrl(DEFAULT_PARAMS.redirect, DEFAULT_PARAMS.attributes));
  await placed?.dispose();
  expect(firefox.errors).toEqual([]);
});

test('the popup offers no side panel in Firefox, and its page renders without errors', async ({ firefox, ext }) => {
  const popup = await ext.openPopup();
  await popup.waitForSelector(role('button', 'Generate'), { visible: true });
  expect(await popup.$(role('button', 'Open in side panel'))).toBeNull();
  const options = await ext.openOptions();
  await options.waitForSelector(role('button', 'Add environment'), { visible: true });
  const manifest = await ext.inExtension(() => chrome.runtime.getManifest());
  // An event page, not a service worker: Firefox's MV3 background.
  expect(manifest.background).toMatchObject({ scripts: [firefox.url('service-worker-loader.js')], service_worker: null, type: 'module' });
  expect(firefox.errors).toEqual([]);
});
