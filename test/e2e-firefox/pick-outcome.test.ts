// After "Pick an element", in Firefox: the popup opened for the tab and a side panel view beside it
// follow the pick live (mouse and keyboard), in view at the popup's largest size and the sidebar's; a
// popup opened again on the tab still says where the QR went, Esc says it was cancelled, and a pick
// the QR cannot go on says why.
import type { KeyInput, Page } from 'puppeteer-core';
import { waitForTextOnScreen } from '../../scripts/firefox-on-screen';
import { click, count, pageText, role, textOf, valueOf } from '../../scripts/firefox-ui';
import { expect, test } from './harness';
import { generate } from './journeys';
import { PLACEMENT, placement } from './placements';

/** What the view's notes say now: the pick's outcome is one of them. */
const notes = (view: Page) => textOf(view, 'p.note');
const HINT = 'Click an element on the page (Esc cancels).';
const POPUP = { width: 800, height: 600 };
const SIDEBAR = { width: 360, height: 800 };

/**
 * Where the pick's outcome line stands now, without scrolling: wholly inside the window and inside
 * the part of the page that scrolls (the status line below it covers nothing of it).
 */
const outcomeInView = (view: Page) =>
  view.evaluate(() => {
    const line = document.querySelector('.pick-status p')?.getBoundingClientRect();
    const page = document.querySelector('main.page')?.getBoundingClientRect();
    if (!line || !page || line.height === 0) return 'no outcome line';
    const inside = (outer: { top: number; left: number; bottom: number; right: number }) =>
      line.top >= outer.top && line.left >= outer.left && line.bottom <= outer.bottom && line.right <= outer.right;
    const window = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
    return inside(window) && inside(page) ? 'in view' : `at y ${line.top}–${line.bottom} in ${innerWidth}×${innerHeight}`;
  });

/** The view shows the outcome in view, and the picking hint nowhere (not in the status line either). */
async function toldInView(view: Page, text: string): Promise<void> {
  await expect.poll(() => notes(view)).toContain(text);
  await expect.poll(() => outcomeInView(view)).toBe('in view');
  expect(await pageText(view)).not.toContain(HINT);
}

test('the popup and a side panel view follow a mouse pick and a keyboard pick, in view; a popup opened again still tells it; Esc and a failed pick are told', async ({
  firefox,
  ext,
}) => {
  const { page, tabId } = await ext.openDemo('/demo/login.html');
  const popup = await ext.openPopup({ tab: String(tabId) });
  await popup.setViewport(POPUP);
  await generate(popup);
  // Beside it, the side panel's view: it follows the active tab, the demo page once that is in front.
  const panel = await ext.openPopup({ view: 'sidepanel' });
  await panel.setViewport(SIDEBAR);
  await popup.bringToFront();
  await click(popup, role('radio', 'Replace element'));
  await click(popup, role('button', 'Pick an element'));
  await expect.poll(() => notes(popup)).toContain(HINT);
  // What to do is in view, though Generate left the view scrolled down to the result's buttons.
  await expect.poll(() => outcomeInView(popup)).toBe('in view');

  await page.bringToFront();
  await page.click('#login-title');
  await placement(page);
  await toldInView(popup, 'Placed on: #login-title');
  expect(await textOf(popup, 'p.note code')).toBe('#login-title');
  expect(await valueOf(popup, role('textbox', 'CSS selector'))).toBe('#login-title');
  await toldInView(panel, 'Placed on: #login-title');

  // From the keyboard: Insert inside, then walk from the body to the slot and press Enter.
  await popup.bringToFront();
  await click(popup, role('radio', 'Insert inside'));
  await click(popup, role('button', 'Pick an element'));
  await expect.poll(() => notes(popup)).toContain(HINT);
  await page.bringToFront();
  await waitForTextOnScreen(page, /arrow keys .* Esc cancels/);
  const walk: KeyInput[] = ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'ArrowRight'];
  for (const key of walk) await page.keyboard.press(key);
  await waitForTextOnScreen(page, /^#pim-qr-slot · 240×240$/);
  await page.keyboard.press('Enter');
  await placement(page, `#pim-qr-slot > ${PLACEMENT}`);
  await toldInView(popup, 'Placed on: #pim-qr-slot');
  expect(await valueOf(popup, role('textbox', 'CSS selector'))).toBe('#pim-qr-slot');
  expect(await valueOf(popup, role('radio', 'Insert inside'))).toBe(true);
  await toldInView(panel, 'Placed on: #pim-qr-slot');
  await popup.close();

  // A popup opened again on the tab, with no QR on show yet, still says where the QR went.
  const again = await ext.openPopup({ tab: String(tabId) });
  await again.setViewport(POPUP);
  await toldInView(again, 'Placed on: #pim-qr-slot');
  await generate(again);
  expect(await valueOf(again, role('textbox', 'CSS selector'))).toBe('#pim-qr-slot');

  await click(again, role('button', 'Pick an element'));
  await page.bringToFront();
  await waitForTextOnScreen(page, /Esc cancels/);
  await page.keyboard.press('Escape');
  await toldInView(again, 'Picking cancelled; nothing was placed.');
  expect(await notes(again)).not.toContain('Placed on:');
  expect(await count(page, '[data-pim-qr-ui="picker"]')).toBe(0);

  // The body, picked from the keyboard, cannot be replaced: the page says so, and so do the views.
  await again.bringToFront();
  await click(again, role('radio', 'Replace element'));
  await click(again, role('button', 'Pick an element'));
  await expect.poll(() => notes(again)).toContain(HINT);
  await page.bringToFront();
  await waitForTextOnScreen(page, /arrow keys .* Esc cancels/);
  await page.keyboard.press('ArrowDown');
  await waitForTextOnScreen(page, /^body · \d+×\d+$/);
  await page.keyboard.press('Enter');
  await waitForTextOnScreen(page, /^The QR could not be placed: The QR cannot go there\.$/);
  await toldInView(again, 'Nothing was placed: The QR cannot go there.');
  await toldInView(panel, 'Nothing was placed: The QR cannot go there.');
  expect(await notes(again)).not.toContain('Picking cancelled');
  expect(await count(page, '[data-pim-qr-ui="picker"]')).toBe(0);
  expect(firefox.errors).toEqual([]);
});
