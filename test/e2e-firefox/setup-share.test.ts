// Sharing the set-up in Firefox: Options exports one file without any secret, a second browser imports
// it with a report per entry, and a hostile file changes nothing.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, describe } from 'vitest';
import { click, role, textOf, visible } from '../../scripts/firefox-ui';
import { expect, test } from './harness';

const SECRET = 'team-secret-0123456789-WXYZ';
const folder = mkdtempSync(join(tmpdir(), 'pim-qr-setup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

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

async function importFile(options: Page, name: string, text: string): Promise<void> {
  const path = join(folder, name);
  writeFileSync(path, text);
  // Found by its label: Firefox names a file field after its "Browse…" button, not after the label.
  const label = await visible(options, 'label::-p-text(Import a set-up file)');
  const input = (await label.evaluateHandle((element) => (element as HTMLLabelElement).control)) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
  await Promise.all([input.dispose(), label.dispose()]);
}

describe('exporting', () => {
  const downloads = join(folder, 'downloads');
  mkdirSync(downloads);
  // Downloads go straight to a folder of the test's own, as a person's "Save" would put them.
  test.override('firefoxPrefs', {
    'browser.download.dir': downloads,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
  });

  test('Export set-up saves one file with environments, defaults and placements, and no secret', async ({ firefox, ext }) => {
    const env = await ext.value<{ id: string }>('ui-bg-environment-save', { name: 'Staging', baseUrl: 'https://staging.example.com' });
    await ext.value('ui-bg-credentials-set', { environmentId: env.id, clientId: 'team-client', clientSecret: SECRET });
    await ext.value('ui-bg-placement-take', placement);
    const options = await ext.openOptions();

    await click(options, role('button', 'Export set-up'));

    await expect.poll(() => textOf(options, role('status'))).toMatch(/Set-up saved as pim-qr-setup-\d{4}-\d{2}-\d{2}\.json\./);
    let saved = '';
    await expect.poll(() => (saved = readdirSync(downloads).find((name) => /^pim-qr-setup-.*\.json$/.test(name)) ?? '')).not.toBe('');
    await expect.poll(() => readFileSync(join(downloads, saved), 'utf8')).toMatch(/\}\n$/);
    const text = readFileSync(join(downloads, saved), 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('WXYZ');
    expect(JSON.parse(text)).toMatchObject({
      format: 'pim-qr-setup',
      version: 1,
      environments: [{ name: 'Staging', baseUrl: 'https://staging.example.com', clientId: 'team-client' }],
      placements: [placement],
    });
    expect(firefox.errors).toEqual([]);
  });
});

test('importing reports each entry, takes the good ones without a secret, and the popup lists them', async ({ firefox, ext }) => {
  const options = await ext.openOptions();
  const file = {
    format: 'pim-qr-setup',
    version: 1,
    environments: [
      { name: 'Staging', baseUrl: 'https://staging.example.com', clientId: 'team-client' },
      { name: 'Plain', baseUrl: 'http://plain.example.com' },
    ],
    placements: [placement],
  };

  await importFile(options, 'mixed.json', JSON.stringify(file));

  const report = role('region', 'What the import did');
  await expect.poll(() => textOf(options, report)).toContain('Environment “Staging”: taken. Enter its client secret before you use it.');
  const text = await textOf(options, report);
  expect(text).toContain('Environment “Plain”: refused. Use https://');
  expect(text).toContain('Placement on https://shop.example/login: taken.');
  const environments = await ext.value<{ name: string; clientId: string; secretSet: boolean }[]>('ui-bg-environments-list');
  expect(environments.find((e) => e.name === 'Staging')).toMatchObject({ clientId: 'team-client', secretSet: false });
  expect(environments.some((e) => e.name === 'Plain')).toBe(false);
  await expect.poll(() => textOf(options, role('navigation', 'Environments'))).toContain('Staging');
  const popup = await ext.openPopup();
  const picker = await visible(popup, role('combobox', 'Environment'));
  await expect.poll(() => picker.evaluate((select) => [...(select as HTMLSelectElement).options].map((option) => option.text.trim()))).toContain('Staging');
  await picker.dispose();
  expect(firefox.errors).toEqual([]);
});

test('a hostile file gets one message and changes nothing', async ({ firefox, ext }) => {
  const options = await ext.openOptions();
  await ext.value('ui-bg-environment-save', { name: 'Mine', baseUrl: 'https://mine.example.com' });
  const stored = () => ext.inExtension(async () => JSON.stringify(await chrome.storage.local.get(null)));
  const before = await stored();

  await importFile(
    options,
    'hostile.json',
    '{"format":"pim-qr-setup","version":1,"environments":[{"name":"<img src=x onerror=alert(1)>","baseUrl":"https://s.example.com","__proto__":{"admin":true}}]}',
  );

  await expect
    .poll(() => textOf(options, role('alert')))
    .toBe('This file holds hidden control characters, markup or object keys that no set-up file has. Nothing was changed.');
  expect(await stored()).toBe(before);
  expect(firefox.errors).toEqual([]);
});
