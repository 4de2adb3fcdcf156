// The toolbar and the size badge (with the scannability warnings) sit beside a placed QR, never over
// it: the QR image carries its own title and description, above and below the code. Their boxes are
// read as drawn, for a floating QR at each corner of the viewport (large and small), and for a QR
// that replaced an element or sits inside one, also where the page scrolled it to an edge.
import type { Page } from '@playwright/test';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { expect, test } from './harness';
import { value } from './messaging';
import { type Box, clickOnScreen, onScreen } from './on-screen';
import { box, generate, openDemo, placements } from './placements';
import { saveScreenshot } from './screenshots';

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function viewportOf(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
}

/** With the QR hovered or focused: the toolbar and the badge are inside the viewport, clear of the QR image and of each other. */
async function expectPanelsBeside(page: Page, where: string): Promise<void> {
  const qr = (await onScreen(page, 'image', /PiM QR code/)).box;
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

/** Drags the floating QR from its middle until its top-left corner is at `x`, `y`; the pointer stays over it. */
async function dragTo(page: Page, x: number, y: number): Promise<void> {
  const from = await box(placements(page));
  const middle = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(middle.x, middle.y);
  await page.mouse.down();
  await page.mouse.move(middle.x + x - from.x, middle.y + y - from.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => box(placements(page))).toMatchObject({ x, y });
}

test.describe('the toolbar and the size badge beside the QR', () => {
  test('a floating QR, 400 and 120 px, in the middle and at each corner of the viewport, with a warning showing', async ({
    context,
    serviceWorker,
    sandbox,
    openOptions,
  }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    await page.setViewportSize({ width: 1100, height: 700 });
    await page.bringToFront();
    for (const side of [400, 120]) {
      await value(ext, 'ui-bg-place', { tabId, svg: await generate(ext, { ...DEFAULT_PARAMS, width: side, height: side }), mode: 'floating' });
      const placement = placements(page);
      await expect(placement).toHaveCount(1);
      await placement.hover();
      await expectPanelsBeside(page, `${side} px, centred`);

      // Faded to 10 %, the QR gets a warning: the badge grows by a line and still keeps clear.
      await clickOnScreen(page, 'slider', 'Opacity');
      await page.keyboard.press('Home');
      await expect(placement).toHaveAttribute('data-scan', /transparent/);
      await expectPanelsBeside(page, `${side} px, with a warning`);

      const { width, height } = await viewportOf(page);
      const corners = { 'top left': [0, 0], 'top right': [width - side, 0], 'bottom left': [0, height - side], 'bottom right': [width - side, height - side] };
      for (const [corner, [x, y]] of Object.entries(corners) as [string, [number, number]][]) {
        await dragTo(page, x, y);
        await expectPanelsBeside(page, `${side} px, ${corner}`);
      }

      // From the keyboard: the toolbar shows while a control in it has the focus, and works.
      await page.mouse.move(width / 2, height - 1);
      const qr = await box(placement);
      await page.mouse.click(qr.x + qr.width / 2, qr.y + qr.height / 2);
      await page.mouse.move(width / 2, height - 1);
      await page.keyboard.press('Tab');
      await expect.poll(async () => (await onScreen(page, 'button', 'Remove QR')).properties.focused).toBe('true');
      await expectPanelsBeside(page, `${side} px, keyboard`);
      await page.keyboard.press('Enter');
      await expect(placement).toHaveCount(0);
    }
  });

  for (const mode of ['replace', 'inside'] as const) {
    test(`a QR placed with "${mode}" in a card that hides its overflow, also scrolled to the top and bottom edge`, async ({
      context,
      serviceWorker,
      sandbox,
      openOptions,
    }) => {
      const { page: ext } = await openOptions();
      const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
      await page.setViewportSize({ width: 900, height: 420 });
      await value(ext, 'ui-bg-place', { tabId, svg: await generate(ext), mode, selector: '#pim-qr-slot' });
      await page.bringToFront();
      const placement = placements(page);
      await expect(placement).toHaveCount(1);
      for (const block of ['center', 'start', 'end'] as const) {
        await page.mouse.move(0, 0);
        await placement.evaluate((host, at) => host.scrollIntoView({ block: at }), block);
        await placement.hover();
        await expectPanelsBeside(page, `${mode}, scrolled to the ${block}`);
        if (mode === 'replace' && block === 'center') await saveScreenshot(page, 'toolbar-beside-qr');
      }
    });
  }
});
