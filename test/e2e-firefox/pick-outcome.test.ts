// After "Pick an element", in Firefox: the popup opened for the tab and a side panel view beside it
// follow the pick live (mouse and keyboard), a popup opened again on the tab still says where the QR
// went, and Esc says it was cancelled.
import type { KeyInput, Page } from 'puppeteer-core';
import { waitForTextOnScreen } from '../../scripts/firefox-on-screen';
import { click, count, role, textOf, valueOf } from '../../scripts/firefox-ui';
import { expect, test } from './harness';
import { generate } from './journeys';
import { PLACEMENT, placement } from './placements';

/** What the view's notes say now: the pick's outcome is one of them. */
const notes = (view: Page) => textOf(view, 'p.note');
const HINT = 'Click an element on the page (Esc cancels).';

test('the popup and a side panel view follow a mouse pick and a keyboard pick; a popup opened again still tells it; Esc is told', async ({
  firefox,
  ext,
}) => {
  const { page, tabId } = await ext.openDemo('/demo/login.html');
  const popup = await ext.openPopup({ tab: String(tabId) });
  await generate(popup);
  // Beside it, the side panel's view: it follows the active tab, the demo page once that is in front.
  const panel = await ext.openPopup({ view: 'sidepanel' });
  await popup.bringToFront();
  await click(popup, role('radio', 'Replace element'));
  await click(popup, role('button', 'Pick an element'));
  await expect.poll(() => notes(popup)).toContain(HINT);

  await page.bringToFront();
  await page.click('#login-title');
  await placement(page);
  await expect.poll(() => notes(popup)).toContain('Placed on: #login-title');
  expect(await notes(popup)).not.toContain(HINT);
  expect(await textOf(popup, 'p.note code')).toBe('#login-title');
  expect(await valueOf(popup, role('textbox', 'CSS selector'))).toBe('#login-title');
  await expect.poll(() => notes(panel)).toContain('Placed on: #login-title');

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
  await expect.poll(() => notes(popup)).toContain('Placed on: #pim-qr-slot');
  expect(await valueOf(popup, role('textbox', 'CSS selector'))).toBe('#pim-qr-slot');
  expect(await valueOf(popup, role('radio', 'Insert inside'))).toBe(true);
  await expect.poll(() => notes(panel)).toContain('Placed on: #pim-qr-slot');
  await popup.close();

  // A popup opened again on the tab, with no QR on show yet, still says where the QR went.
  const again = await ext.openPopup({ tab: String(tabId) });
  await expect.poll(() => notes(again)).toContain('Placed on: #pim-qr-slot');
  await generate(again);
  expect(await valueOf(again, role('textbox', 'CSS selector'))).toBe('#pim-qr-slot');

  await click(again, role('button', 'Pick an element'));
  await page.bringToFront();
  await waitForTextOnScreen(page, /Esc cancels/);
  await page.keyboard.press('Escape');
  await expect.poll(() => notes(again)).toContain('Picking cancelled; nothing was placed.');
  expect(await notes(again)).not.toContain(HINT);
  expect(await notes(again)).not.toContain('Placed on:');
  expect(await count(page, '[data-pim-qr-ui="picker"]')).toBe(0);
  expect(firefox.errors).toEqual([]);
});
