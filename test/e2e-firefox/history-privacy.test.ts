// History privacy in Firefox: switched off in Options, a generate leaves History empty; one entry
// deleted in one view is gone from every other open view.
import type { Page } from 'puppeteer-core';
import { click, fill, role, textOf, valueOf, waitUntil } from '../../scripts/firefox-ui';
import { expect, test } from './harness';
import { generate, storedHistory } from './journeys';

const defaultsPart = (name: string, accessibleName: string) => `${role('form', 'Defaults')} >>> ${role(name, accessibleName)}`;

const deleteNames = (view: Page) =>
  view.$$eval('.history-row button[aria-label]', (buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));

async function generateTitled(view: Page, title: string): Promise<void> {
  await fill(view, role('textbox', 'Title'), title);
  await generate(view);
}

test('Keep history off in Options: a generate in the popup leaves History empty; Clear history empties it', async ({ firefox, ext }) => {
  const popup = await ext.openPopup();
  await generateTitled(popup, 'Kept before');
  await expect.poll(() => storedHistory(ext)).toBe(1);

  const options = await ext.openOptions();
  await click(options, defaultsPart('checkbox', 'Keep history'));
  await click(options, defaultsPart('button', 'Save defaults'));
  await waitUntil('the defaults to be saved', async () => ((await textOf(options, 'main')).includes('Defaults saved.') ? true : undefined));
  await click(options, defaultsPart('button', 'Clear history'));
  await waitUntil('history to be cleared', async () => ((await textOf(options, 'main')).includes('History cleared.') ? true : undefined));
  expect(await storedHistory(ext)).toBe(0);

  await popup.bringToFront();
  await generateTitled(popup, 'Not to be kept');
  await click(popup, role('button', 'History'));
  await waitUntil('History to say it is empty', async () => ((await textOf(popup, role('region', 'History'))).includes('No QR codes yet.') ? true : undefined));
  expect(await storedHistory(ext)).toBe(0);

  const optionsAgain = await ext.openOptions();
  expect(await valueOf(optionsAgain, defaultsPart('checkbox', 'Keep history'))).toBe(false);
  expect(firefox.errors).toEqual([]);
});

test('one history entry deleted by keyboard is gone in every open view, the others stay', async ({ firefox, ext }) => {
  const popup = await ext.openPopup();
  for (const title of ['First code', 'Second code', 'Third code']) await generateTitled(popup, title);
  const panel = await ext.openPopup({ view: 'sidepanel' });
  await click(panel, role('button', 'History'));
  await waitUntil('the other view to list all three', async () => ((await deleteNames(panel)).length === 3 ? true : undefined));

  await popup.bringToFront();
  await click(popup, role('button', 'History'));
  await waitUntil('the popup to list all three', async () => ((await deleteNames(popup)).length === 3 ? true : undefined));
  const names = await deleteNames(popup);
  expect(new Set(names).size).toBe(3);
  const second = names.find((name) => name.startsWith('Delete Second code, '));
  expect(second).toBeDefined();
  const button = await popup.waitForSelector(role('button', second));
  await button?.focus();
  await button?.dispose();
  await popup.keyboard.press('Enter');

  for (const view of [popup, panel]) {
    await waitUntil('the entry to be gone', async () => {
      const text = await textOf(view, role('region', 'History'));
      return !text.includes('Second code') && text.includes('First code') && text.includes('Third code') ? true : undefined;
    });
  }
  expect(await storedHistory(ext)).toBe(2);
  expect(firefox.errors).toEqual([]);
});
