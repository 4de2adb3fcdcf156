// A custom environment's base URL becomes a request for access to its host, so Options must refuse
// one that names more than one site, say why, and neither save nor ask for anything.
import { expect, expectSaved, test } from './harness';
import { value } from './messaging';

test('a wildcard base URL is refused with its reason: nothing is saved or granted, nothing typed is lost', async ({
  openOptions,
  serviceWorker,
}) => {
  const { page, errors } = await openOptions();
  await page.getByRole('button', { name: 'Add environment' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Every .com site');
  await page.getByLabel('Base URL').fill('https://*.com');
  await page.getByLabel('Client ID').fill('typed-client');
  await page.getByLabel('Client secret').fill('typed-secret-1234');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const baseUrl = page.getByLabel('Base URL');
  await expect(page.getByText('Base URL must name one host: wildcards such as "*" are not allowed.', { exact: true })).toBeVisible();
  await expect(baseUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveCount(0);
  await expect(baseUrl).toHaveValue('https://*.com');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Every .com site');
  await expect(page.getByLabel('Client secret')).toHaveValue('typed-secret-1234');

  const environments = await value<{ id: string }[]>(page, 'ui-bg-environments-list');
  expect(environments.map((e) => e.id)).toEqual(['sandbox', 'production']);
  const stored = await serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  expect(stored).not.toContain('*.com');
  expect(stored).not.toContain('typed-secret-1234');
  const granted = await serviceWorker.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);
  expect(granted.filter((origin) => origin.includes('*.com') || origin.startsWith('https://*/'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('a name that hides a text-direction override is refused with its reason, as an import or a policy would be', async ({ openOptions }) => {
  const { page, errors } = await openOptions();
  await page.getByRole('button', { name: 'Add environment' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Staging\u202Egnp.exe');
  await page.getByLabel('Base URL').fill('https://staging.example');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(page.getByText('Name may not contain invisible control or text-direction characters.', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Staging\u202Egnp.exe');
  const environments = await value<{ id: string }[]>(page, 'ui-bg-environments-list');
  expect(environments.map((e) => e.id)).toEqual(['sandbox', 'production']);
  expect(errors).toEqual([]);
});

test('a new environment shows https:// only as a hint: an address pasted into Base URL is taken as it is', async ({ openOptions }) => {
  const { page, errors } = await openOptions();
  await page.getByRole('button', { name: 'Add environment' }).click();
  const baseUrl = page.getByLabel('Base URL');
  await expect(baseUrl).toHaveValue('');
  await expect(baseUrl).toHaveAttribute('placeholder', 'https://');
  await page.getByLabel('Name', { exact: true }).fill('Local');
  // Typed where the field's text ends, as a paste is: nothing is put before it.
  await baseUrl.click();
  await baseUrl.press('End');
  await baseUrl.pressSequentially('http://127.0.0.1:8787');
  await expect(baseUrl).toHaveValue('http://127.0.0.1:8787');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
  const environments = await value<{ name: string; baseUrl: string }[]>(page, 'ui-bg-environments-list');
  expect(environments.find((e) => e.name === 'Local')?.baseUrl).toBe('http://127.0.0.1:8787');
  expect(errors).toEqual([]);
});

test('a base URL with two schemes is refused with its reason, and no access is asked for a host named "http"', async ({ openOptions, serviceWorker }) => {
  const { page, errors } = await openOptions();
  await page.getByRole('button', { name: 'Add environment' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Local');
  await page.getByLabel('Base URL').fill('https://http://127.0.0.1:8787');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(
    page.getByText('Base URL starts with two schemes ("https://http://"): keep only one, such as http://127.0.0.1:8787 or https://api.example.com.', { exact: true }),
  ).toBeVisible();
  await expect(page.getByLabel('Base URL')).toHaveAttribute('aria-invalid', 'true');
  const environments = await value<{ id: string }[]>(page, 'ui-bg-environments-list');
  expect(environments.map((e) => e.id)).toEqual(['sandbox', 'production']);
  const granted = await serviceWorker.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);
  expect(granted.filter((origin) => origin.includes('//http/'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('a name that reads as one already there is refused: a hidden zero-width space, or a built-in name in the other language', async ({ openOptions }) => {
  const { page, errors } = await openOptions();
  await page.getByRole('button', { name: 'Add environment' }).click();
  const name = page.getByLabel('Name', { exact: true });
  await name.fill('Production\u200B');
  await page.getByLabel('Base URL').fill('https://look-alike.example');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Name may not contain characters that show as nothing, such as zero-width spaces or soft hyphens.', { exact: true })).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await name.fill('Productie');
  await expect(page.getByText('An environment named "Productie" already exists.', { exact: true })).toBeVisible();
  const environments = await value<{ id: string }[]>(page, 'ui-bg-environments-list');
  expect(environments.map((e) => e.id)).toEqual(['sandbox', 'production']);
  expect(errors).toEqual([]);
});
