// Where the client secret is kept and where it may go, in real Firefox: out of every storage a
// content script can reach (in Firefox that includes storage.local, which is why the secret is not
// there), and never sent to a base URL on another origin than the one it was saved for.
import { click, fill, pageText, role, textOf } from '../../scripts/firefox-ui';
import { placesHoldingSecret, probeStoragesFromContentScript, readableText, saveEnvironmentWithSecret } from '../e2e/content-script-secret-probe';
import { expect, test } from './harness';
import { addEnvironment, recordRequests } from './journeys';

test('a content script finds the client secret in no storage, though it can read storage.local', async ({ firefox, sandbox, ext }) => {
  // Not the sandbox's public secret: one that can be found only where the extension put it.
  const secret = 'probe-secret-never-readable-by-pages-5d1';
  const id = await ext.inExtension(saveEnvironmentWithSecret, { name: 'Probe', baseUrl: sandbox.url, clientId: 'probe-client', clientSecret: secret });
  const environments = await ext.value<{ id: string; secretSet?: boolean }[]>('ui-bg-environments-list');
  expect(environments.find((environment) => environment.id === id)).toMatchObject({ secretSet: true });
  const { page } = await ext.openDemo('/demo/login.html');

  // Firefox has no switch to close storage.local to content scripts: there is nothing to open.
  const probe = await ext.inExtension(probeStoragesFromContentScript, { pageUrl: page.url() });
  // The probe did look where the extension keeps things: it read the client ID from storage.local…
  expect(readableText(probe, 'storage.local')).toContain('probe-client');
  // …and, in the page's origin, the secrets database it opened by name is empty.
  expect(readableText(probe, `indexedDB pim-qr-secrets (${sandbox.url})`)).toBe('{}');
  expect(placesHoldingSecret(probe, secret)).toEqual([]);
  expect(firefox.errors).toEqual([]);
});

test('Options warns before a new origin drops the secret, and Test connection never sends it there', async ({
  firefox,
  sandbox,
  otherSandbox,
  ext,
}) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  await click(options, role('button', 'Test connection'));
  await expect.poll(() => textOf(options, role('status'))).toMatch(/Connected: token valid/);
  expect(sandbox.handler.stats().tokenCalls).toBe(1);

  // Another server on another port: another origin, as a typo in the host would be.
  const sentThere = recordRequests(otherSandbox);
  await fill(options, role('textbox', 'Base URL'), otherSandbox.url);
  await expect.poll(() => pageText(options)).toContain(`The stored client secret belongs to ${sandbox.url}.`);
  // Tested before saving, the new origin gets no request: the stored secret is not sent there.
  await click(options, role('button', 'Test connection'));
  await expect.poll(() => textOf(options, role('alert'))).toContain('The stored client secret belongs to another address or client ID.');
  expect(otherSandbox.handler.stats().tokenCalls).toBe(0);
  await click(options, role('button', 'Save'));
  await expect.poll(() => pageText(options)).toContain('The stored client secret was removed because');
  expect(await pageText(options)).toContain('No secret is set yet.');

  await click(options, role('button', 'Test connection'));
  await expect.poll(() => textOf(options, role('alert'))).toContain('No client ID and secret are set for this environment.');
  expect(otherSandbox.handler.stats()).toMatchObject({ tokenCalls: 0, imageCalls: 0 });
  expect(sentThere).toEqual([]);
  expect(sandbox.handler.stats().tokenCalls).toBe(1);
  expect(firefox.errors).toEqual([]);
});
