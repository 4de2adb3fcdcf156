// The popup with the keyboard alone: few Tab presses to Generate, Ctrl+Enter from anywhere in the
// form, focus on the result or the error afterwards, and the confirmation before a first real call.
import type { Page } from '@playwright/test';
import { sandboxQrUrl } from '../../src/core/sandbox/render';
import { expect, expectSaved, test } from './harness';
import { value } from './messaging';

/** From the first field of the form, Tab presses until Generate has focus. With a tab stop for each of the 15 attributes it was 26. */
const TABS_TO_GENERATE = 12;

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return (el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim();
  });

async function localSandbox(openOptions: () => Promise<{ page: Page }>, baseUrl: string): Promise<string> {
  const { page: options } = await openOptions();
  const { id } = await value<{ id: string }>(options, 'ui-bg-environment-save', { name: 'Local sandbox', baseUrl });
  await value(options, 'ui-bg-credentials-set', { environmentId: id, clientId: 'sandbox-client', clientSecret: 'sandbox-secret' });
  return id;
}

test(`Generate is ${TABS_TO_GENERATE} Tab presses from the first field; the attributes are one stop the arrow keys walk`, async ({ openPopup }) => {
  const { page: popup, errors } = await openPopup();
  await popup.getByLabel('Redirect').focus();
  let presses = 0;
  while ((await focusedName(popup)) !== 'Generate' && presses < 60) {
    await popup.keyboard.press('Tab');
    presses++;
  }
  expect(presses).toBe(TABS_TO_GENERATE);

  // Back past the size fields: the group's one stop is its first checkbox until another is chosen.
  for (let i = 0; i < 10 && (await focusedName(popup)) !== 'Email'; i++) await popup.keyboard.press('Shift+Tab');
  expect(await focusedName(popup)).toBe('Email');
  await popup.keyboard.press('ArrowRight');
  expect(await focusedName(popup)).toBe('Mobile');
  await popup.keyboard.press('Space');
  await popup.keyboard.press('End');
  expect(await focusedName(popup)).toBe('BankAccountHolderName');
  await popup.keyboard.press('Home');
  expect(await focusedName(popup)).toBe('Email');
  await popup.keyboard.press('Control+Enter');
  const result = popup.getByRole('region', { name: 'Result', exact: true });
  await expect(popup.getByText(`Encodes: ${sandboxQrUrl(1, ['Email', 'FirstName', 'FamilyName', 'Mobile'])}`)).toBeVisible();
  await expect(result).toBeFocused();
  expect(errors).toEqual([]);
});

test('Ctrl+Enter generates from a text field; focus lands on the result, then on the error after a 503', async ({ openOptions, openPopup, sandbox }) => {
  await localSandbox(openOptions, sandbox.url);
  const { page: popup } = await openPopup();
  await popup.getByLabel('Environment').selectOption({ label: 'Local sandbox' });
  await expect(popup.getByRole('button', { name: 'Generate' })).toHaveAccessibleDescription('Shortcut: Ctrl+Enter');
  await popup.getByLabel('Description').focus();
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('region', { name: 'Result', exact: true })).toBeFocused();
  expect(await popup.getByLabel('Description').inputValue()).not.toContain('\n');

  sandbox.handler.configure({ faults: ['server-error=503'] });
  try {
    await popup.getByLabel('Title').focus();
    await popup.keyboard.press('Control+Enter');
    const alert = popup.getByRole('alert');
    await expect(alert).toContainText('HTTP 503');
    await expect(alert).toBeFocused();
  } finally {
    sandbox.handler.configure({ faults: [] });
  }
});

test('an environment set to confirm asks once per popup: Esc cancels without a call, a yes is not asked again', async ({ openOptions, openPopup, sandbox }) => {
  const { page: options } = await openOptions();
  await localSandbox(async () => ({ page: options }), sandbox.url);
  await options.reload();
  await options.getByRole('navigation', { name: 'Environments' }).getByRole('button', { name: /Local sandbox/ }).click();
  const confirmSetting = options.getByRole('checkbox', { name: 'Confirm before the first call of a popup session' });
  await expect(confirmSetting).not.toBeChecked();
  await confirmSetting.check();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(options);

  const { page: popup } = await openPopup();
  await popup.getByLabel('Environment').selectOption({ label: 'Local sandbox' });
  const before = sandbox.handler.stats().imageCalls;
  const generate = popup.getByRole('button', { name: 'Generate' });
  await generate.focus();
  await popup.keyboard.press('Enter');
  const dialog = popup.getByRole('dialog', { name: 'Create a real code with Local sandbox?' });
  await expect(dialog).toBeVisible();
  // Cancel has the focus: a second Enter (or Ctrl+Enter) meant for the form creates nothing.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(generate).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await popup.keyboard.press('Control+Enter');
  await popup.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(generate).toBeFocused();
  expect(sandbox.handler.stats().imageCalls).toBe(before);
  expect(await value<unknown[]>(popup, 'ui-bg-history-get')).toEqual([]);
  expect(await value<unknown[]>(popup, 'ui-bg-log-get')).toEqual([]);

  await popup.keyboard.press('Control+Enter');
  await expect(dialog).toBeVisible();
  await popup.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Create code' })).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('region', { name: 'Result', exact: true })).toBeFocused();
  await popup.getByLabel('Title').focus();
  await popup.keyboard.press('Control+Enter');
  await expect.poll(() => sandbox.handler.stats().imageCalls).toBe(before + 2);
  await expect(dialog).toBeHidden();
  // The sandbox counts a call when it arrives; its History entry lands after the answer.
  await expect.poll(async () => (await value<unknown[]>(popup, 'ui-bg-history-get')).length).toBe(2);

  // A new popup is a new session: it asks again.
  const { page: again } = await openPopup();
  await again.getByRole('button', { name: 'Generate' }).click();
  await expect(again.getByRole('dialog', { name: 'Create a real code with Local sandbox?' })).toBeVisible();
});

test('Production asks before its first call out of the box, and Cancel sends nothing', async ({ openPopup }) => {
  const { page: popup } = await openPopup();
  await popup.getByLabel('Environment').selectOption({ label: 'Production' });
  await popup.getByRole('button', { name: 'Generate' }).click();
  const dialog = popup.getByRole('dialog', { name: 'Create a real code with Production?' });
  await expect(dialog).toContainText('Generate now calls Production and creates a real PiM ID QR code.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await value<unknown[]>(popup, 'ui-bg-log-get')).toEqual([]);
  await expect(popup.getByRole('alert')).toHaveCount(0);
});
