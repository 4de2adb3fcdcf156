// History privacy in Chromium: switched off in Options, a generate leaves History empty; one entry
// deleted in one view is gone from every other open view.
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './harness';

const storedHistory = (worker: Worker) =>
  worker.evaluate(async () => ((await chrome.storage.local.get('history')).history as { entries?: unknown[] } | undefined)?.entries?.length ?? 0);

async function generate(view: Page, title: string): Promise<void> {
  await view.getByLabel('Title').fill(title);
  await view.getByRole('button', { name: 'Generate' }).click();
  await expect(view.getByRole('img', { name: 'QR preview' })).toBeVisible();
}

test('Keep history off in Options: a generate in the popup leaves History empty; Clear history empties it', async ({ openOptions, openPopup, serviceWorker }) => {
  const { page: popup, errors } = await openPopup();
  await generate(popup, 'Kept before');
  await expect.poll(() => storedHistory(serviceWorker)).toBe(1);

  const { page: options } = await openOptions();
  const defaults = options.getByRole('form', { name: 'Defaults' });
  await defaults.getByRole('checkbox', { name: 'Keep history' }).uncheck();
  await defaults.getByRole('button', { name: 'Save defaults' }).click();
  await expect(options.getByText('Defaults saved.')).toBeVisible();
  await defaults.getByRole('button', { name: 'Clear history' }).click();
  await expect(options.getByText('History cleared.')).toBeVisible();
  expect(await storedHistory(serviceWorker)).toBe(0);

  await popup.bringToFront();
  await generate(popup, 'Not to be kept');
  await popup.getByRole('button', { name: 'History' }).click();
  await expect(popup.getByRole('region', { name: 'History' }).getByText('No QR codes yet.')).toBeVisible();
  expect(await storedHistory(serviceWorker)).toBe(0);

  await options.reload();
  await expect(options.getByRole('form', { name: 'Defaults' }).getByRole('checkbox', { name: 'Keep history' })).not.toBeChecked();
  expect(errors).toEqual([]);
});

test('one history entry deleted by keyboard is gone in every open view, the others stay', async ({ openPopup, serviceWorker }) => {
  const { page: popup, errors } = await openPopup();
  for (const title of ['First code', 'Second code', 'Third code']) await generate(popup, title);
  const { page: panel } = await openPopup({ view: 'sidepanel' });
  await panel.getByRole('button', { name: 'History' }).click();
  const panelHistory = panel.getByRole('region', { name: 'History' });
  await expect(panelHistory.getByRole('button', { name: /^Second code/ })).toBeVisible();

  await popup.bringToFront();
  await popup.getByRole('button', { name: 'History' }).click();
  const history = popup.getByRole('region', { name: 'History' });
  const deletes = history.getByRole('button', { name: /^Delete / });
  await expect(deletes).toHaveCount(3);
  const names = await deletes.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  expect(new Set(names).size).toBe(3);
  await history.getByRole('button', { name: /^Delete Second code, / }).focus();
  await popup.keyboard.press('Enter');

  await expect(history.getByRole('button', { name: /^Second code/ })).toHaveCount(0);
  await expect(panelHistory.getByRole('button', { name: /^Second code/ })).toHaveCount(0);
  await expect(panelHistory.getByRole('button', { name: /^(First|Third) code/ })).toHaveCount(2);
  expect(await storedHistory(serviceWorker)).toBe(2);
  expect(errors).toEqual([]);
});
