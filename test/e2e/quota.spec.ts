// KPN's quota in the popup: the figures of the last answer under the result and in the request log,
// a warning near the limit, an error-like message once it is used up, and every open view following.
// The sandbox server counts the calls; its quota-used fault sets the count.
import type { Page } from '@playwright/test';
import type { RunningSandbox } from '../../scripts/sandbox-http';
import { expect, expectSaved, type ExtensionPage, test } from './harness';

async function addSandboxEnvironment(options: Page, baseUrl: string): Promise<void> {
  await options.getByRole('button', { name: 'Add environment' }).click();
  await options.getByLabel('Name', { exact: true }).fill('Local sandbox');
  await options.getByLabel('Base URL').fill(baseUrl);
  await options.getByLabel('Client ID').fill('sandbox-client');
  await options.getByLabel('Client secret').fill('sandbox-secret');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(options);
}

/** Options adds the sandbox server as "Local sandbox"; then a popup that uses it. */
async function popupOnSandboxServer(fixtures: {
  openOptions: () => Promise<ExtensionPage>;
  openPopup: () => Promise<ExtensionPage>;
  sandbox: RunningSandbox;
}): Promise<ExtensionPage> {
  const { page: options } = await fixtures.openOptions();
  await addSandboxEnvironment(options, fixtures.sandbox.url);
  const popup = await fixtures.openPopup();
  await popup.page.getByLabel('Environment').selectOption({ label: 'Local sandbox' });
  return popup;
}

async function generate(popup: Page): Promise<void> {
  const before = await popup.getByRole('img', { name: 'QR preview' }).count();
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(popup.getByRole('button', { name: 'Generate' })).not.toHaveAttribute('aria-busy', 'true');
  if (before === 0) await expect(popup.getByRole('img', { name: 'QR preview' })).toBeVisible();
}

test('the result and the request log show the quota; near the limit it warns, used up it says so, and other views follow', async ({
  openOptions,
  openPopup,
  sandbox,
}) => {
  const { page: popup, errors } = await popupOnSandboxServer({ openOptions, openPopup, sandbox });
  await generate(popup);
  const line = popup.locator('.result-quota');
  await expect(line).toHaveText(/^Quota: 1 of 1,000 this day · resets .+$/);
  await expect(popup.getByRole('status').filter({ hasText: 'Almost all' })).toHaveCount(0);

  await popup.getByRole('button', { name: 'Request log' }).click();
  await expect(popup.getByRole('region', { name: 'Request log' }).getByText(/^HTTP 200 · .* · quota 1 of 1,000 · /)).toBeVisible();

  // A second view showing the same environment's result follows the figures the first one brings in.
  const { page: other } = await openPopup({ view: 'sidepanel' });
  await other.getByLabel('Environment').selectOption({ label: 'Local sandbox' });
  sandbox.handler.configure({ faults: ['quota-used=898*1'] });
  await generate(other);
  await expect(other.locator('.result-quota')).toHaveText(/^Quota: 899 of 1,000 this day/);

  sandbox.handler.configure({ faults: ['quota-used=899*1'] });
  await popup.bringToFront();
  await generate(popup);
  const warning = popup.locator('.result-quota.alert-warning');
  await expect(warning).toContainText('Almost all of the quota is used.');
  await expect(warning).toContainText(/Quota: 900 of 1,000 this day · resets /);
  await expect(other.locator('.result-quota.alert-warning')).toContainText('Quota: 900 of 1,000');

  sandbox.handler.configure({ faults: ['quota-used=999*1'] });
  await generate(popup);
  await expect(popup.locator('.result-quota.alert-error')).toContainText('Quota used up: KPN refuses new QR codes until it resets.');
  await expect(popup.locator('.result-quota')).toContainText('Quota: 1,000 of 1,000 this day');

  // One more is refused by the gateway; the figures stay at used up.
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(popup.getByRole('alert')).toContainText('429');
  await expect(popup.locator('.result-quota.alert-error')).toContainText('Quota: 1,000 of 1,000');
  expect(errors).toEqual([]);
});

test('Generate with the quota used up says so and when it resets, not "slow down", in a popup with no earlier result', async ({
  openOptions,
  openPopup,
  sandbox,
}) => {
  const { page: popup, errors } = await popupOnSandboxServer({ openOptions, openPopup, sandbox });
  sandbox.handler.configure({ faults: ['quota-used=1000*1'] });
  await popup.getByRole('button', { name: 'Generate' }).click();
  const alert = popup.getByRole('alert');
  await expect(alert).toContainText('Quota used up: KPN refuses new QR codes until it resets.');
  // The sandbox's quota is a day's, reset at midnight UTC: a time today or a date, never a count of seconds.
  await expect(alert).toContainText(/The quota resets at .*\d{1,2}:\d{2}( [AP]M)?\./);
  await expect(alert).toContainText('Try again after the reset.');
  await expect(alert).toContainText('HTTP 429');
  await expect(alert).not.toContainText(/slow down|try again in|\d s\b/i);
  await expect(popup.getByRole('img', { name: 'QR preview' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a per-minute limit refused says how long to wait, not that the quota is used up, and the daily figures come back', async ({
  openOptions,
  openPopup,
  sandbox,
}) => {
  const { page: popup, errors } = await popupOnSandboxServer({ openOptions, openPopup, sandbox });
  await generate(popup);
  // Apigee's per-minute refusal: 60 of 60 this minute, Retry-After 30 s (too long to wait for here).
  sandbox.handler.configure({ faults: ['rate-limit=30*1'] });
  await popup.getByRole('button', { name: 'Generate' }).click();
  const alert = popup.getByRole('alert').filter({ hasText: 'Too many requests' });
  await expect(alert).toContainText('Too many requests: KPN asked to slow down.');
  await expect(alert).toContainText('You can try again in 30 seconds.');
  await expect(alert).not.toContainText('Wait a moment');
  await expect(alert).toContainText('HTTP 429');
  // The earlier result's quota line shows the minute's figures as plain facts, not as a quota used up.
  await expect(popup.locator('.result-quota')).toHaveText(/^Quota: 60 of 60 this minute · resets /);
  await expect(popup.getByText('Quota used up', { exact: false })).toHaveCount(0);

  await generate(popup);
  await expect(popup.locator('.result-quota')).toHaveText(/^Quota: 2 of 1,000 this day/);
  expect(errors).toEqual([]);
});

test('a spike arrest after the quota was used up says to slow down, as KPN says; a minute’s limit then says the day’s quota is used up', async ({
  openOptions,
  openPopup,
  sandbox,
}) => {
  const { page: popup, errors } = await popupOnSandboxServer({ openOptions, openPopup, sandbox });
  sandbox.handler.configure({ faults: ['quota-used=999*1'] });
  await generate(popup);
  await expect(popup.locator('.result-quota.alert-error')).toContainText('Quota: 1,000 of 1,000 this day');

  sandbox.handler.configure({ faults: ['spike-arrest*1'] });
  await popup.getByRole('button', { name: 'Generate' }).click();
  const alert = popup.getByRole('alert').filter({ hasText: 'HTTP 429' });
  await expect(alert).toContainText('Too many requests: KPN asked to slow down.');
  await expect(alert).toContainText('KPN says: “Spike arrest violation.');
  await expect(alert).not.toContainText('Quota used up');
  await expect(alert).not.toContainText('resets at');

  // A minute's limit refused while the day's quota is used up: the day's quota is what the next call
  // meets, so that is what the alert and the quota line say.
  sandbox.handler.configure({ faults: ['rate-limit=30*1'] });
  await popup.getByRole('button', { name: 'Generate' }).click();
  const usedUp = popup.getByRole('alert').filter({ hasText: 'Quota used up' });
  await expect(usedUp).toContainText('The quota resets at');
  await expect(popup.locator('.result-quota.alert-error')).toContainText('Quota: 1,000 of 1,000 this day');
  expect(errors).toEqual([]);
});
