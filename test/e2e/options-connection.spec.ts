// "Test connection" in Options tests what the form holds, saves none of it, and keeps the button row
// whole when it fails; another environment is opened only after asking when edits are unsaved.
import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { saveEnvironmentWithSecret } from './content-script-secret-probe';
import { expect, test } from './harness';
import { value } from './messaging';

const SECRET = 'sandbox-secret';
/** The secret as sent, percent-encoded in full or in part, or its first half. */
const SECRET_IN_ANY_FORM = /sandbox(-|%2d)secret|%73%61%6e%64|secret began sandbox/i;

/** A loopback port nothing listens on: a base URL there can never be reached. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const storedEnvironments = (page: Page) => value<{ id: string; name: string; baseUrl: string }[]>(page, 'ui-bg-environments-list');

/** Where the action buttons sit: the row must keep its shape whatever the test reports. */
async function buttonBoxes(page: Page) {
  const names = ['Save', 'Test connection', 'Delete'];
  return Promise.all(names.map(async (name) => page.getByRole('button', { name, exact: true }).boundingBox()));
}

test('an unsaved, unreachable base URL fails the test with a clear error below the buttons, and nothing is saved', async ({
  openOptions,
  sandbox,
}) => {
  const { page, errors } = await openOptions();
  await page.evaluate(saveEnvironmentWithSecret, { name: 'Local sandbox', baseUrl: sandbox.url, clientId: 'sandbox-client', clientSecret: SECRET });
  await page.reload();
  await page.getByRole('navigation', { name: 'Environments' }).getByRole('button', { name: /Local sandbox/ }).click();
  const unreachable = `http://127.0.0.1:${await closedPort()}`;

  for (const width of [420, 1200]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByLabel('Base URL').fill(unreachable);
    await page.getByLabel('Client secret').fill(SECRET);
    // In view first: the click would scroll a row at the window's edge, which is not the row moving.
    await page.getByRole('button', { name: 'Test connection' }).scrollIntoViewIfNeeded();
    const before = await buttonBoxes(page);
    await page.getByRole('button', { name: 'Test connection' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The API could not be reached.' });
    await expect(alert).toBeVisible();
    await expect(alert).not.toContainText('Options');
    await expect(page.getByText(/^Connected: token valid/)).toHaveCount(0);

    // The row keeps its place and shape; the error sits below it.
    const after = await buttonBoxes(page);
    expect(after).toEqual(before);
    const alertBox = await alert.boundingBox();
    const rowBottom = Math.max(...after.map((box) => (box ? box.y + box.height : Infinity)));
    expect(alertBox?.y).toBeGreaterThanOrEqual(rowBottom);

    await expect(page.getByLabel('Base URL')).toHaveValue(unreachable);
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveCount(0);
    expect((await storedEnvironments(page)).find((e) => e.name === 'Local sandbox')?.baseUrl).toBe(sandbox.url);
    // Back to what is saved before the next width, so each starts from the same row.
    await page.getByLabel('Base URL').fill(sandbox.url);
    await page.getByLabel('Client secret').fill('');
  }
  expect(sandbox.handler.stats().tokenCalls).toBe(0);
  expect(errors).toEqual([]);
});

test('an unsaved environment on the sandbox server connects with the typed credentials, and is still not saved', async ({
  openOptions,
  sandbox,
}) => {
  const { page, errors } = await openOptions();
  await page.getByRole('button', { name: 'Add environment' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Not saved yet');
  await page.getByLabel('Base URL').fill(sandbox.url);
  await page.getByLabel('Client ID').fill('sandbox-client');
  await page.getByLabel('Client secret').fill(SECRET);
  // A gateway that quotes the typed secret back, as sent, percent-encoded and split: the alert shows none of it.
  sandbox.handler.configure({ faults: ['token:leak-credentials*1'] });
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'KPN says: “Request from app sandbox-client with secret [redacted] and token none was refused; received [redacted], [redacted], [redacted], [redacted], [redacted]; secret began [redacted] ([redacted] on)”',
  );
  expect(await page.locator('body').innerHTML()).not.toMatch(SECRET_IN_ANY_FORM);

  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText(/^Connected: token valid for \d+ min .* Tested with what is in the form; it is not saved yet\.$/)).toBeVisible();
  expect(sandbox.handler.stats().tokenCalls).toBe(2);
  expect((await storedEnvironments(page)).map((e) => e.id)).toEqual(['sandbox', 'production']);
  await expect(page.getByRole('navigation', { name: 'Environments' }).getByRole('button', { name: /Not saved yet/ })).toHaveCount(0);
  expect(await page.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)))).not.toContain(SECRET);
  await expect(page.getByLabel('Client secret')).toHaveValue(SECRET);
  expect(errors).toEqual([]);
});

test('choosing another environment with unsaved edits asks first: keep them, or discard them', async ({ openOptions }) => {
  const { page, errors } = await openOptions();
  const list = page.getByRole('navigation', { name: 'Environments' });
  await list.getByRole('button', { name: /Production/ }).click();
  await page.getByLabel('Client ID').fill('typed-but-not-saved');

  await list.getByRole('button', { name: /Sandbox/ }).click();
  const question = page.getByRole('alert').filter({ hasText: 'This environment has changes that are not saved.' });
  await expect(question).toBeVisible();
  await expect(question).toBeFocused();
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByLabel('Client ID')).toHaveValue('typed-but-not-saved');
  await expect(page.getByRole('heading', { name: 'Production' })).toBeVisible();

  await list.getByRole('button', { name: /Sandbox/ }).click();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { name: 'Sandbox' })).toBeVisible();
  await list.getByRole('button', { name: /Production/ }).click();
  await expect(page.getByLabel('Client ID')).toHaveValue('');
  expect(errors).toEqual([]);
});

test('Test connection and Save pressed from the keyboard keep the focus, a new environment saved too, and each replaces the other’s outcome', async ({ openOptions }) => {
  const { page, errors } = await openOptions();
  await page.getByRole('button', { name: 'Add environment' }).click();
  // The new environment's Name takes the focus: typing starts there.
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.getByLabel('Name', { exact: true }).fill('Unreachable');
  const unreachable = `http://127.0.0.1:${await closedPort()}`;
  await page.getByLabel('Base URL').fill(unreachable);
  await page.getByLabel('Client ID').fill('sandbox-client');
  await page.getByLabel('Client secret').fill(SECRET);
  const test = page.getByRole('button', { name: 'Test connection' });
  await test.focus();
  await page.keyboard.press('Enter');
  const failed = page.getByRole('alert').filter({ hasText: 'The API could not be reached.' });
  await expect(failed).toBeVisible();
  await expect(test).toBeFocused();

  // A Save that cannot go ahead says why in its field; the earlier test's answer is gone.
  await page.getByLabel('Base URL').fill('ftp://files.example.com');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Base URL must start with https:// or http://.')).toBeVisible();
  await expect(failed).toHaveCount(0);

  // Saved from the keyboard, the new environment keeps the focus on Save; a later test takes "Saved." away.
  await page.getByLabel('Base URL').fill(unreachable);
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await save.focus();
  await page.keyboard.press('Enter');
  const saved = page.getByRole('status').filter({ hasText: 'Saved.' });
  await expect(saved).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Unreachable' })).toBeVisible();
  await expect(save).toBeFocused();
  await test.click();
  await expect(failed).toBeVisible();
  await expect(saved).toHaveCount(0);
  expect(errors).toEqual([]);
});
