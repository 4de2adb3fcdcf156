// Placed QR codes in a Chromium tab, shared by the placement specs: the demo tab and its id, a QR from
// the built-in Sandbox, the host elements the extension puts in the page and their boxes.
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { DEFAULT_PARAMS, type QrParams } from '../../src/core/params';
import { value } from './messaging';

export interface DemoTab {
  page: Page;
  tabId: number;
}

export async function openDemo(context: BrowserContext, serviceWorker: Worker, url: string): Promise<DemoTab> {
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await serviceWorker.evaluate(async (href) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === href)?.id;
  }, page.url());
  if (tabId === undefined) throw new Error(`no tab for ${url}`);
  return { page, tabId };
}

/** A QR from the built-in Sandbox, as the popup would get it. */
export async function generate(ext: Page, params: QrParams = DEFAULT_PARAMS): Promise<string> {
  const result = await value<{ svg: string }>(ext, 'ui-bg-generate', { requestId: crypto.randomUUID(), environmentId: 'sandbox', params });
  return result.svg;
}

export const placements = (page: Page) => page.locator('[data-pim-qr-placement]');

export async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('placement has no box');
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) };
}
