// Where the client secret is kept and where it may go, in real Chromium: out of every storage a
// content script can reach, moved out of storage.local when an older version left it there, and
// never sent to a base URL on another origin than the one it was saved for.
import type { Page } from '@playwright/test';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { placesHoldingSecret, probeStoragesFromContentScript, readableText, saveEnvironmentWithSecret } from './content-script-secret-probe';
import { expect, test } from './harness';
import { value } from './messaging';

const SECRET = 'sandbox-secret';

/** What an extension page can read of storage.local, as text. */
const storageLocalText = (page: Page) => page.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));

test('a content script finds the client secret in no storage, even with storage.local opened to content scripts', async ({
  context,
  openOptions,
  sandbox,
}) => {
  const { page: options } = await openOptions();
  // Not the sandbox's public secret: one that can be found only where the extension put it.
  const secret = 'probe-secret-never-readable-by-pages-5d1';
  await options.evaluate(saveEnvironmentWithSecret, { name: 'Probe', baseUrl: sandbox.url, clientId: 'probe-client', clientSecret: secret });
  const web = await context.newPage();
  await web.goto(`${sandbox.url}/demo/login.html`);

  const locked = await options.evaluate(probeStoragesFromContentScript, { pageUrl: web.url() });
  expect(readableText(locked, 'storage.local')).toBeUndefined();
  expect(placesHoldingSecret(locked, secret)).toEqual([]);

  // Firefox has no switch to keep content scripts out of storage.local, nor had Chrome before 102.
  const open = await options.evaluate(probeStoragesFromContentScript, { pageUrl: web.url(), openStorageLocal: true });
  expect(open.storageLocalOpened).toBe(true);
  expect(readableText(open, 'storage.local')).toContain('probe-client');
  expect(placesHoldingSecret(open, secret)).toEqual([]);
  // The probe did look where the secret is: in the page's origin, that database is empty.
  expect(readableText(open, `indexedDB pim-qr-secrets (${sandbox.url})`)).toBe('{}');
});

test('a secret an older version left in storage.local is moved out when the worker starts, and still works', async ({
  context,
  serviceWorker,
  openOptions,
  sandbox,
}) => {
  // Written while no page of the extension is open: an open one follows storage and would ask the
  // worker for the settings at once, moving the secret before the worker ever stops. Written after
  // the worker's own first read has stored the defaults, which would otherwise overwrite it.
  await expect.poll(() => serviceWorker.evaluate(async () => (await chrome.storage.local.get('settings')).settings !== undefined)).toBe(true);
  await serviceWorker.evaluate(
    async ({ baseUrl, secret }) =>
      chrome.storage.local.set({
        settings: {
          schemaVersion: 2,
          selectedEnvironmentId: 'custom-old',
          customEnvironments: [
            {
              id: 'custom-old',
              name: 'Saved by 0.1',
              kind: 'custom',
              baseUrl,
              tokenPath: '/oauth/client_credential/accesstoken',
              imagePath: '/kpn/qrcodegenerator/image',
            },
          ],
          credentials: { 'custom-old': { clientId: 'sandbox-client', clientSecret: secret } },
        },
      }),
    { baseUrl: sandbox.url, secret: SECRET },
  );
  expect(await serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)))).toContain(SECRET);

  const cdp = await context.newCDPSession(await context.newPage());
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  // Opening Options starts the worker again.
  const { page } = await openOptions();
  await value(page, 'ui-bg-history-get');
  await expect.poll(() => storageLocalText(page)).not.toContain(SECRET);

  const result = await value<{ svg: string }>(page, 'ui-bg-generate', { requestId: 'after-move', environmentId: 'custom-old', params: DEFAULT_PARAMS });
  expect(result.svg).toContain('SANDBOX');
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
  // Where it went: the extension origin's IndexedDB, bound to the origin and client ID it was used with.
  const moved = await page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const request = indexedDB.open('pim-qr-secrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const read = request.result.transaction('client-secrets').objectStore('client-secrets').get('custom-old');
          read.onsuccess = () => resolve(read.result);
          read.onerror = () => reject(read.error);
        };
      }),
  );
  expect(moved).toEqual({ clientSecret: SECRET, clientId: 'sandbox-client', origin: sandbox.url });
});

test('Options warns before a new origin drops the secret, and Test connection never sends it there', async ({ openOptions, sandbox }) => {
  const { page, errors } = await openOptions();
  await page.evaluate(saveEnvironmentWithSecret, { name: 'Local sandbox', baseUrl: sandbox.url, clientId: 'sandbox-client', clientSecret: SECRET });
  await page.reload();
  await page.getByRole('navigation', { name: 'Environments' }).getByRole('button', { name: /Local sandbox/ }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText(/^Connected: token valid/)).toBeVisible();
  expect(sandbox.handler.stats().tokenCalls).toBe(1);

  // Same server, another origin: what a typo in the host looks like to the browser.
  const moved = sandbox.url.replace('127.0.0.1', 'localhost');
  await page.getByLabel('Base URL').fill(moved);
  const warning = page.getByText(`The stored client secret belongs to ${sandbox.url}.`, { exact: false });
  await expect(warning).toBeVisible();
  // Tested before saving, the new origin gets no request: the stored secret is not sent there.
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('alert').getByText('The stored client secret belongs to another address or client ID.')).toBeVisible();
  await expect(page.getByText('Type the client secret again to use it with this address and client ID.')).toBeVisible();
  expect(sandbox.handler.stats().tokenCalls).toBe(1);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('The stored client secret was removed because', { exact: false })).toBeVisible();
  await expect(page.getByText('No secret is set yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('alert').getByText('No client ID and secret are set for this environment.')).toBeVisible();
  expect(sandbox.handler.stats().tokenCalls).toBe(1);
  expect(errors).toEqual([]);
});
