// KPN's quota in the Firefox popup: the figures under the result and in the request log, a warning
// near the limit and an error-like message once it is used up. The sandbox server counts the calls;
// its quota-used fault sets the count.
import { click, role, textOf } from '../../scripts/firefox-ui';
import { expect, test } from './harness';
import { generate, popupOnSandboxServer, pressGenerate } from './journeys';

test('the result and the request log show the quota; near the limit it warns, used up it says so', async ({ firefox, sandbox, ext }) => {
  const popup = await popupOnSandboxServer(ext, sandbox);
  await generate(popup);
  await expect.poll(() => textOf(popup, '.result-quota')).toMatch(/^Quota: 1 of 1,000 this day · resets .+$/);

  await click(popup, role('button', 'Request log'));
  await expect.poll(() => textOf(popup, role('region', 'Request log'))).toMatch(/HTTP 200 · .* · quota 1 of 1,000 · /);

  sandbox.handler.configure({ faults: ['quota-used=899*1'] });
  await generate(popup);
  await expect.poll(() => textOf(popup, '.result-quota.alert-warning')).toMatch(/^Almost all of the quota is used\.\n+Quota: 900 of 1,000 this day · resets /);
  await expect.poll(() => textOf(popup, role('region', 'Request log'))).toContain('quota 900 of 1,000');

  sandbox.handler.configure({ faults: ['quota-used=999*1'] });
  await generate(popup);
  await expect.poll(() => textOf(popup, '.result-quota.alert-error')).toMatch(/^Quota used up: KPN refuses new QR codes until it resets\.\n+Quota: 1,000 of 1,000 this day/);
  expect(firefox.errors).toEqual([]);
});

test('Generate with the quota used up says so and when it resets, not "slow down", in a popup with no earlier result', async ({ firefox, sandbox, ext }) => {
  const popup = await popupOnSandboxServer(ext, sandbox);
  sandbox.handler.configure({ faults: ['quota-used=1000*1'] });
  const outcome = await pressGenerate(popup);
  expect(outcome).toMatchObject({ ok: false });
  const alert = outcome.ok ? '' : outcome.alert;
  // The sandbox's quota is a day's, reset at midnight UTC: a time today or a date, never a count of seconds.
  expect(alert).toMatch(/^Quota used up: KPN refuses new QR codes until it resets\.\n+The quota resets at .*\d{1,2}:\d{2}( [AP]M)?\.\n/);
  expect(alert).toContain('Try again after the reset.');
  expect(alert).toContain('HTTP 429');
  expect(alert).not.toMatch(/slow down|try again in|\d s\b/i);
  expect(firefox.errors).toEqual([]);
});

test('a per-minute limit under a result is a wait, not a quota used up; a spike arrest after the quota was used up says to slow down', async ({ firefox, sandbox, ext }) => {
  const popup = await popupOnSandboxServer(ext, sandbox);
  await generate(popup);

  // Apigee's per-minute refusal: the earlier result's quota line shows the minute's figures as plain facts.
  sandbox.handler.configure({ faults: ['rate-limit=30*1'] });
  const perMinute = await pressGenerate(popup);
  expect(perMinute.ok ? '' : perMinute.alert).toMatch(/^Too many requests: KPN asked to slow down\.\n/);
  expect(perMinute.ok ? '' : perMinute.alert).toContain('You can try again in 30 seconds.');
  expect(perMinute.ok ? '' : perMinute.alert).not.toContain('Wait a moment');
  await expect.poll(() => textOf(popup, '.result-quota')).toMatch(/^Quota: 60 of 60 this minute · resets /);
  expect(await textOf(popup, 'body')).not.toContain('Quota used up');

  // The daily quota used up, then Apigee's spike arrest: KPN's own reason is told, not the used-up quota.
  sandbox.handler.configure({ faults: ['quota-used=999*1'] });
  await generate(popup);
  await expect.poll(() => textOf(popup, '.result-quota.alert-error')).toContain('Quota: 1,000 of 1,000 this day');
  sandbox.handler.configure({ faults: ['spike-arrest*1'] });
  const spike = await pressGenerate(popup);
  const alert = spike.ok ? '' : spike.alert;
  expect(alert).toMatch(/^Too many requests: KPN asked to slow down\./);
  expect(alert).toContain('KPN says: “Spike arrest violation.');
  expect(alert).toContain('HTTP 429');
  expect(alert).not.toMatch(/Quota used up|resets at/);

  // A minute's limit refused while the day's quota is used up: the day's quota is what the next call
  // meets, so that is what the alert and the quota line say.
  sandbox.handler.configure({ faults: ['rate-limit=30*1'] });
  const minute = await pressGenerate(popup);
  expect(minute.ok ? '' : minute.alert).toMatch(/^Quota used up: KPN refuses new QR codes until it resets\.\n+The quota resets at /);
  await expect.poll(() => textOf(popup, '.result-quota.alert-error')).toContain('Quota: 1,000 of 1,000 this day');
  expect(firefox.errors).toEqual([]);
});
