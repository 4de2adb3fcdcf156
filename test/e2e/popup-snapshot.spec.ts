// The popup paints its first frame from a snapshot in storage.local (popup/snapshot.ts), in Chromium
// (Firefox reads a copy of it first: test/e2e-firefox/popup-snapshot.test.ts):
// it holds no secret and no client ID, and the worker drops it whenever settings change, so no popup
// offers an environment deleted since.
import type { Page, Worker } from '@playwright/test';
import { expect, expectSaved, test } from './harness';

const SECRET = 'snapshot-test-secret-0123456789';

const storedSnapshot = (worker: Worker) => worker.evaluate(async () => (await chrome.storage.local.get('popupSnapshot')).popupSnapshot);
const environmentNames = (popup: Page) => popup.getByLabel('Environment').locator('option');

test('the popup keeps a snapshot without secrets, and a deleted environment never comes back from it', async ({ openOptions, openPopup, serviceWorker, sandbox }) => {
  const { page: options } = await openOptions();
  await options.getByRole('button', { name: 'Add environment' }).click();
  await options.getByLabel('Name', { exact: true }).fill('Snapshot sandbox');
  await options.getByLabel('Base URL').fill(sandbox.url);
  await options.getByLabel('Client ID').fill('snapshot-client');
  await options.getByLabel('Client secret').fill(SECRET);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(options);
  await expect.poll(() => storedSnapshot(serviceWorker)).toBeUndefined();

  const first = await openPopup();
  await expect(environmentNames(first.page)).toHaveText(['Sandbox', 'Production', 'Snapshot sandbox']);
  await expect.poll(() => storedSnapshot(serviceWorker)).toBeTruthy();
  const kept = JSON.stringify(await storedSnapshot(serviceWorker));
  expect(kept).toContain('Snapshot sandbox');
  for (const leak of [SECRET, SECRET.slice(-4), 'snapshot-client', sandbox.url]) expect(kept).not.toContain(leak);
  // No copy in localStorage, as Firefox keeps: a service worker has no localStorage to drop it from.
  expect(await first.page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  await first.page.close();

  // Painted from the snapshot: the same list, before and after the worker's answers.
  const second = await openPopup();
  await expect(environmentNames(second.page)).toHaveText(['Sandbox', 'Production', 'Snapshot sandbox']);
  await second.page.close();

  await options.getByRole('navigation', { name: 'Environments' }).getByRole('button', { name: /Snapshot sandbox/ }).click();
  await options.getByRole('button', { name: 'Delete' }).click();
  await options.getByRole('group', { name: 'Delete' }).getByRole('button', { name: 'Yes, delete' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Environment deleted.' })).toBeVisible();
  expect(await storedSnapshot(serviceWorker)).toBeUndefined();

  const third = await openPopup();
  // No snapshot to paint from: this popup waited for the worker, and lists only what exists.
  await expect(third.page.getByRole('button', { name: 'Generate' })).toBeVisible();
  await expect(environmentNames(third.page)).toHaveText(['Sandbox', 'Production']);
  expect([...first.errors, ...second.errors, ...third.errors]).toEqual([]);
});
