// Placed QR codes in a Firefox tab, shared by the placement tests: the host element the extension puts
// in the page (its inside is a closed shadow root: see scripts/firefox-on-screen.ts), its box, what
// it decodes to, and what the extension remembered.
import type { ElementHandle, Page } from 'puppeteer-core';
import { DEFAULT_PARAMS, type QrParams } from '../../src/core/params';
import { decodeQrPng } from '../e2e/png';
import type { ExtensionPages } from './harness';

export const PLACEMENT = '[data-pim-qr-placement]';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The (first) placement, once it is in the page and visible. */
export async function placement(page: Page, selector = PLACEMENT): Promise<ElementHandle> {
  const handle = await page.waitForSelector(selector, { visible: true });
  if (!handle) throw new Error('no placement in the page');
  return handle as ElementHandle;
}

/** The element's box in the viewport, in whole CSS px. */
export async function box(handle: ElementHandle): Promise<Box> {
  const b = await handle.boundingBox();
  if (!b) throw new Error('the element has no box');
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) };
}

/** The QR in a screenshot of the element, read as a phone would; the page is brought to front and the pointer moved off it first. */
export async function decodePlaced(page: Page, handle: ElementHandle): Promise<string | undefined> {
  await page.bringToFront();
  await page.mouse.move(0, 0);
  return decodeQrPng(Buffer.from(await handle.screenshot()));
}

/** A QR from the built-in Sandbox, as the popup would get it. */
export const sandboxSvg = async (ext: ExtensionPages, params: QrParams = DEFAULT_PARAMS): Promise<string> =>
  (await ext.value<{ svg: string }>('ui-bg-generate', { requestId: crypto.randomUUID(), environmentId: 'sandbox', params })).svg;

/** The remembered placements as the extension stored them. */
export async function storedPlacements(ext: ExtensionPages): Promise<Record<string, unknown>[]> {
  const stored = (await ext.inExtension(() => chrome.storage.local.get('placements'))) as { placements?: { items?: Record<string, unknown>[] } };
  return stored.placements?.items ?? [];
}
