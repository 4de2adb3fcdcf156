// The popup with the keyboard alone, in Firefox: few Tab presses to Generate, Ctrl+Enter from the
// form, focus on the result or the error afterwards, and the confirmation before a first real call.
import type { Page } from 'puppeteer-core';
import { choose, click, count, role, textOf, waitUntil } from '../../scripts/firefox-ui';
import { sandboxQrUrl } from '../../src/core/sandbox/render';
import { expect, test } from './harness';
import { addEnvironment } from './journeys';

/** From the first field of the form, Tab presses until Generate has focus. With a tab stop for each of the 15 attributes it was 26. */
const TABS_TO_GENERATE = 12;

/** The focused element's accessible name, as far as the popup gives one: label, aria-label or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const labelledBy = el?.getAttribute('aria-labelledby');
    const name = labelledBy ? document.getElementById(labelledBy)?.textContent : (el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? el?.textContent);
    return { name: (name ?? '').trim(), role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '' };
  });

async function ctrlEnter(page: Page): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
}

const focusLandsOn = (page: Page, what: string, check: (f: { name: string; role: string }) => boolean) =>
  waitUntil(`focus on ${what}`, async () => (check(await focused(page)) ? true : undefined));

test(`Generate is ${TABS_TO_GENERATE} Tab presses from the first field; arrows walk the attributes; focus goes to the result, then to the error after a 503`, async ({
  firefox,
  sandbox,
  ext,
}) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  const popup = await ext.openPopup();
  await choose(popup, role('combobox', 'Environment'), 'Local sandbox');
  await popup.focus(role('spinbutton', 'Redirect'));
  let presses = 0;
  while ((await focused(popup)).name !== 'Generate' && presses < 60) {
    await popup.keyboard.press('Tab');
    presses++;
  }
  expect(presses).toBe(TABS_TO_GENERATE);

  for (let i = 0; i < 10 && (await focused(popup)).name !== 'Email'; i++) {
    await popup.keyboard.down('Shift');
    await popup.keyboard.press('Tab');
    await popup.keyboard.up('Shift');
  }
  expect((await focused(popup)).name).toBe('Email');
  await popup.keyboard.press('ArrowRight');
  expect((await focused(popup)).name).toBe('Mobile');
  await popup.keyboard.press(' ');
  await popup.keyboard.press('End');
  expect((await focused(popup)).name).toBe('BankAccountHolderName');
  await ctrlEnter(popup);
  await expect.poll(() => textOf(popup, 'body')).toContain(`Encodes: ${sandboxQrUrl(1, ['Email', 'FirstName', 'FamilyName', 'Mobile'])}`);
  await focusLandsOn(popup, 'the result', (f) => f.role === 'section' && f.name === 'Result');

  sandbox.handler.configure({ faults: ['server-error=503'] });
  await popup.focus(role('textbox', 'Title'));
  await ctrlEnter(popup);
  await focusLandsOn(popup, 'the error', (f) => f.role === 'alert' && f.name.includes('HTTP 503'));
  expect(firefox.errors).toEqual([]);
});

test('Production asks before its first call, Esc cancels without a call; a yes for an environment is not asked again', async ({ firefox, sandbox, ext }) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  await click(options, role('checkbox', 'Confirm before the first call of a popup session'));
  await click(options, role('button', 'Save'));
  await waitUntil('the setting to be saved', async () => {
    const list = await ext.value<{ name: string; confirmFirstCall: boolean }[]>('ui-bg-environments-list');
    return list.find((e) => e.name === 'Local sandbox')?.confirmFirstCall === true ? true : undefined;
  });

  const popup = await ext.openPopup();
  await choose(popup, role('combobox', 'Environment'), 'Production');
  await popup.focus(role('button', 'Generate'));
  await popup.keyboard.press('Enter');
  const production = role('dialog', 'Create a real code with Production?');
  await waitUntil('the Production dialog', async () => ((await count(popup, production)) === 1 ? true : undefined));
  await popup.keyboard.press('Escape');
  await waitUntil('the dialog to close', async () => ((await count(popup, role('dialog'))) === 0 ? true : undefined));
  expect((await focused(popup)).name).toBe('Generate');
  expect(await ext.value<unknown[]>('ui-bg-log-get')).toEqual([]);

  await choose(popup, role('combobox', 'Environment'), 'Local sandbox');
  await popup.focus(role('textbox', 'Title'));
  await ctrlEnter(popup);
  const local = role('dialog', 'Create a real code with Local sandbox?');
  await waitUntil('the dialog', async () => ((await count(popup, local)) === 1 ? true : undefined));
  await popup.keyboard.press('Escape');
  await waitUntil('the dialog to close', async () => ((await count(popup, role('dialog'))) === 0 ? true : undefined));
  expect(sandbox.handler.stats().imageCalls).toBe(0);
  expect(await ext.value<unknown[]>('ui-bg-history-get')).toEqual([]);

  // Cancel has the focus: Ctrl+Enter pressed twice creates nothing.
  await ctrlEnter(popup);
  await waitUntil('the dialog again', async () => ((await count(popup, local)) === 1 ? true : undefined));
  expect((await focused(popup)).name).toBe('Cancel');
  await ctrlEnter(popup);
  await waitUntil('the dialog to close', async () => ((await count(popup, role('dialog'))) === 0 ? true : undefined));
  expect(sandbox.handler.stats().imageCalls).toBe(0);

  await ctrlEnter(popup);
  await waitUntil('the dialog once more', async () => ((await count(popup, local)) === 1 ? true : undefined));
  await popup.keyboard.press('Tab');
  expect((await focused(popup)).name).toBe('Create code');
  await popup.keyboard.press('Enter');
  await focusLandsOn(popup, 'the result', (f) => f.role === 'section' && f.name === 'Result');
  await popup.focus(role('textbox', 'Title'));
  await ctrlEnter(popup);
  await waitUntil('a second call, unasked', async () => (sandbox.handler.stats().imageCalls === 2 ? true : undefined));
  expect(await count(popup, role('dialog'))).toBe(0);
  // The sandbox counts a call when it arrives; its History entry lands after the answer.
  await waitUntil('the second History entry', async () => ((await ext.value<unknown[]>('ui-bg-history-get')).length === 2 ? true : undefined));
  expect(firefox.errors).toEqual([]);
});
