import { expect, test } from './harness';

test('the service worker starts from the built extension', async ({ serviceWorker, extensionId }) => {
  expect(serviceWorker.url()).toBe(`chrome-extension://${extensionId}/service-worker-loader.js`);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.name).toBe('PiM QR');
});

test('the popup renders with no console errors', async ({ openPopup }) => {
  const { page, errors } = await openPopup();
  await expect(page.getByRole('button', { name: 'Generate' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the options page renders with no console errors', async ({ openOptions }) => {
  const { page, errors } = await openOptions();
  await expect(page.getByRole('button', { name: 'Add environment' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the sandbox server serves the demo login page', async ({ context, sandbox }) => {
  const page = await context.newPage();
  const response = await page.goto(`${sandbox.url}/demo/login.html`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('#pim-qr-slot')).toBeVisible();
});
