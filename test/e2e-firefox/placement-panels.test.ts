// The toolbar and the size badge (with the scannability warnings) sit beside a placed QR, never over
// the title and description the QR image carries: their boxes as Firefox draws them, for a small
// floating QR at each corner of the viewport, and for a QR that replaced an element or sits inside one.
import type { Page } from 'puppeteer-core';
import { type Box, clickOnScreen, onScreen } from '../../scripts/firefox-on-screen';
import { count, waitUntil } from '../../scripts/firefox-ui';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { expect, test } from './harness';
import { PLACEMENT, box, placement, sandboxSvg } from './placements';

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const viewportOf = (page: Page) => page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));

/** With the QR hovered or focused: the toolbar and the badge are inside the viewport, clear of the QR and of each other. */
async function expectPanelsBeside(page: Page, where: string): Promise<void> {
  const qr = await box(await placement(page));
  const toolbar = (await onScreen(page, 'toolbar', 'PiM QR controls')).box;
  const badge = (await onScreen(page, 'group', 'Size and scannability')).box;
  const viewport = await viewportOf(page);
  const boxes = JSON.stringify({ qr, toolbar, badge, viewport });
  for (const [name, panel] of [['toolbar', toolbar], ['badge', badge]] as const) {
    expect(intersects(panel, qr), `${where}: the ${name} is clear of the QR ${boxes}`).toBe(false);
    const inside = panel.x >= 0 && panel.y >= 0 && panel.x + panel.width <= viewport.width && panel.y + panel.height <= viewport.height;
    expect(inside, `${where}: the ${name} is inside the viewport ${boxes}`).toBe(true);
  }
  expect(intersects(toolbar, badge), `${where}: the badge is clear of the toolbar ${boxes}`).toBe(false);
}

async function dragTo(page: Page, x: number, y: number): Promise<void> {
  const from = await box(await placement(page));
  const middle = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(middle.x, middle.y);
  await page.mouse.down();
  await page.mouse.move(middle.x + x - from.x, middle.y + y - from.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => box(await placement(page))).toMatchObject({ x, y });
}

test('a small floating QR: toolbar and badge beside it at each corner of the viewport, with a warning, and from the keyboard', async ({ firefox, ext }) => {
  const { page, tabId } = await ext.openDemo('/demo/login.html');
  await page.setViewport({ width: 1000, height: 640 });
  await page.bringToFront();
  const side = 120;
  await ext.value('ui-bg-place', { tabId, svg: await sandboxSvg(ext, { ...DEFAULT_PARAMS, width: side, height: side }), mode: 'floating' });
  const placed = await placement(page);
  await placed.hover();
  await expectPanelsBeside(page, 'centred');

  // Faded to 10 %, the QR gets a warning: the badge grows by a line and still keeps clear.
  await clickOnScreen(page, 'slider', 'Opacity');
  await page.keyboard.press('Home');
  await expect.poll(() => placed.evaluate((host) => host.getAttribute('data-scan'))).toContain('transparent');
  await expectPanelsBeside(page, 'with a warning');

  const { width, height } = await viewportOf(page);
  const corners: [string, number, number][] = [['top left', 0, 0], ['top right', width - side, 0], ['bottom left', 0, height - side], ['bottom right', width - side, height - side]];
  for (const [corner, x, y] of corners) {
    await dragTo(page, x, y);
    await expectPanelsBeside(page, corner);
  }

  // From the keyboard: the toolbar shows while a control in it has the focus, and works.
  const qr = await box(placed);
  await page.mouse.click(qr.x + qr.width / 2, qr.y + qr.height / 2);
  await page.mouse.move(width / 2, height / 2);
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await onScreen(page, 'button', 'Remove QR')).focused).toBe(true);
  await expectPanelsBeside(page, 'keyboard');
  await page.keyboard.press('Enter');
  await waitUntil('the placement to go', async () => ((await count(page, PLACEMENT)) === 0 ? true : undefined));
  await placed.dispose();
  expect(firefox.errors).toEqual([]);
});

test('replace and inside: toolbar and badge beside the QR in a card that hides its overflow, also scrolled to an edge', async ({ firefox, ext }) => {
  const { page, tabId } = await ext.openDemo('/demo/login.html');
  await page.setViewport({ width: 900, height: 420 });
  await page.bringToFront();
  const svg = await sandboxSvg(ext);
  for (const mode of ['replace', 'inside'] as const) {
    await ext.value('ui-bg-place', { tabId, svg, mode, selector: '#pim-qr-slot' });
    const placed = await placement(page);
    for (const block of ['center', 'start', 'end'] as const) {
      await page.mouse.move(0, 0);
      await placed.evaluate((host, at) => host.scrollIntoView({ block: at }), block);
      await placed.hover();
      await expectPanelsBeside(page, `${mode}, scrolled to the ${block}`);
    }
    await clickOnScreen(page, 'button', 'Remove QR');
    await waitUntil('the placement to go', async () => ((await count(page, PLACEMENT)) === 0 ? true : undefined));
    await placed.dispose();
  }
  expect(firefox.errors).toEqual([]);
});
