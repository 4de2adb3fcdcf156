// Sharing the set-up in the built extension: Options exports one file without any secret, imports a
// file with good and bad entries and reports each, and refuses a hostile file as a whole.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './harness';
import { value } from './messaging';
import { saveScreenshot } from './screenshots';

const SECRET = 'team-secret-0123456789-WXYZ';
const placement = {
  id: 'shop-login',
  origin: 'https://shop.example',
  path: '/login',
  mode: 'replace',
  selector: '#pim-qr-slot',
  size: { width: 240, height: 240 },
  opacity: 1,
  svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  createdAt: 1,
};

const mixedFile = {
  format: 'pim-qr-setup',
  version: 1,
  exportedAt: '2026-11-30T10:00:00.000Z',
  environments: [
    { name: 'Staging', baseUrl: 'https://staging.example.com', clientId: 'team-client' },
    { name: 'Plain', baseUrl: 'http://plain.example.com' },
    { baseUrl: 'https://nameless.example.com' },
    { name: 'Sandbox', baseUrl: 'https://sandbox.example.com' },
  ],
  defaults: {
    params: { redirect: 1, title: 'Log in with PiM', description: 'Team ACME', attributes: ['Email'], width: 400, height: 400 },
    historySize: 12,
    keepHistory: true,
  },
  placements: [placement, { ...placement, id: 'broken', mode: 'sideways' }],
};

const fileOf = (content: unknown) => ({
  name: 'pim-qr-setup-2026-11-30.json',
  mimeType: 'application/json',
  buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
});

test('Export set-up downloads one file with the environments, defaults and placements, and no secret', async ({ openOptions }) => {
  const { page, errors } = await openOptions();
  const env = await value<{ id: string }>(page, 'ui-bg-environment-save', { name: 'Staging', baseUrl: 'https://staging.example.com' });
  await value(page, 'ui-bg-credentials-set', { environmentId: env.id, clientId: 'team-client', clientSecret: SECRET });
  await value(page, 'ui-bg-placement-take', placement);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export set-up' }).click();
  const file = await download;

  expect(file.suggestedFilename()).toMatch(/^pim-qr-setup-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain('WXYZ');
  expect(JSON.parse(text)).toMatchObject({
    format: 'pim-qr-setup',
    version: 1,
    environments: [{ name: 'Staging', baseUrl: 'https://staging.example.com', clientId: 'team-client' }],
    defaults: { historySize: 20, keepHistory: true },
    placements: [placement],
  });
  await expect(page.getByRole('status').filter({ hasText: `Set-up saved as ${file.suggestedFilename()}.` })).toBeVisible();
  expect(errors).toEqual([]);
});

test('importing a file with good and bad entries reports each one and takes only the good ones', async ({ openOptions }) => {
  const { page, errors } = await openOptions();
  await page.getByLabel('Import a set-up file').setInputFiles(fileOf(mixedFile));

  const report = page.getByRole('region', { name: 'What the import did' }).getByRole('listitem');
  await expect(report).toHaveText([
    'Environment “Staging”: taken. Enter its client secret before you use it.',
    'Environment “Plain”: refused. Use https:// (plain http:// is allowed only for loopback hosts: localhost, 127.0.0.0/8 and [::1]).',
    'Environment 3: refused. Name is required.',
    'Environment “Sandbox”: already there, kept yours.',
    'Defaults: taken, in place of yours.',
    'Placement on https://shop.example/login: taken.',
    'Placement 2: refused. This entry is not a remembered placement this version can read.',
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Import done: 3 taken, 1 kept as you had them, 3 refused.' })).toBeVisible();
  // Every open view follows: the new environment is in the list without a reload.
  await expect(page.getByRole('navigation', { name: 'Environments' }).getByRole('button', { name: /Staging/ })).toBeVisible();
  await expect(page.getByLabel('History size')).toHaveValue('12');
  await saveScreenshot(page.locator('section.share'), 'import-report');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).include('section.share').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  const environments = await value<{ name: string; clientId: string; secretSet: boolean }[]>(page, 'ui-bg-environments-list');
  expect(environments.map((e) => [e.name, e.clientId, e.secretSet])).toEqual([
    ['Sandbox', expect.any(String), true],
    ['Production', '', false],
    ['Staging', 'team-client', false],
  ]);
  expect(await value<{ id: string }[]>(page, 'ui-bg-placements-all')).toEqual([placement]);
  expect(errors).toEqual([]);
});

test('a hostile file gets one message and changes nothing', async ({ openOptions, serviceWorker }) => {
  const { page, errors } = await openOptions();
  await value(page, 'ui-bg-environment-save', { name: 'Mine', baseUrl: 'https://mine.example.com' });
  const stored = () => serviceWorker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
  const before = await stored();

  const hostile = '{"format":"pim-qr-setup","version":1,"environments":[{"name":"Staging\u202Egnp.exe","baseUrl":"https://s.example.com","__proto__":{"admin":true}}]}';
  await page.getByLabel('Import a set-up file').setInputFiles(fileOf(hostile));
  await expect(page.getByRole('alert')).toHaveText(
    'This file holds hidden control characters, markup or object keys that no set-up file has. Nothing was changed.',
  );
  await page.getByLabel('Import a set-up file').setInputFiles(fileOf('{"format":"pim-qr-setup","version":7}'));
  await expect(page.getByRole('alert')).toHaveText(
    'This set-up file comes from a newer version of PiM QR: update the extension to import it. Nothing was changed.',
  );
  await page.getByLabel('Import a set-up file').setInputFiles(fileOf(`[${'['.repeat(50_000)}${']'.repeat(50_000)}]`));
  await expect(page.getByRole('alert')).toHaveText('This file is nested far deeper than a set-up file is. Nothing was changed.');

  await expect(page.getByRole('region', { name: 'What the import did' })).toHaveCount(0);
  expect(await stored()).toBe(before);
  expect(errors).toEqual([]);
});
