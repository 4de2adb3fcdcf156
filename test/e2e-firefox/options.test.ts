// The Options page in Firefox: add, test, edit and delete an environment, by its labels; the secret
// stays write-only; the popup follows every change; a base URL must name one host.
import { attributeOf, choose, click, field, fill, role, textOf, valueOf, waitUntil } from '../../scripts/firefox-ui';
import { expect, test } from './harness';
import { SANDBOX_SECRET, addEnvironment, generate } from './journeys';

const environmentNames = async (page: Parameters<typeof textOf>[0], select = role('combobox', 'Environment')) => {
  const handle = await page.waitForSelector(select);
  const names = (await handle?.evaluate((element) => [...(element as HTMLSelectElement).options].map((option) => option.text.trim()))) ?? [];
  await handle?.dispose();
  return names;
};

test('add, test, edit and delete an environment; the popup follows; the secret is never shown', async ({ firefox, sandbox, ext }) => {
  const options = await ext.openOptions();
  const list = role('navigation', 'Environments');
  // The list arrives by a message after the page shows: read it once it is there.
  await expect.poll(() => textOf(options, list)).toMatch(/Sandbox[\s\S]*Production/);

  // A plain-http address other than localhost is refused before anything is saved.
  await click(options, role('button', 'Add environment'));
  await fill(options, role('textbox', 'Name'), 'Insecure');
  await fill(options, role('textbox', 'Base URL'), 'http://pim.example.com');
  await click(options, role('button', 'Save'));
  await expect.poll(() => textOf(options, 'form')).toContain('Use https:// (plain http:// is allowed only for loopback hosts: localhost, 127.0.0.0/8 and [::1]).');
  expect(await textOf(options, list)).not.toContain('Insecure');

  await addEnvironment(options, { baseUrl: sandbox.url });
  await expect.poll(() => textOf(options, list)).toContain('Local sandbox');
  expect(await textOf(options, 'form')).toContain('A secret is set. Type a new one to replace it');
  await click(options, role('button', 'Test connection'));
  await expect.poll(() => textOf(options, role('status'))).toMatch(/Connected: token valid for (59|60) min/);

  const popup = await ext.openPopup();
  await expect.poll(() => environmentNames(popup)).toEqual(['Sandbox', 'Production', 'Local sandbox']);
  await popup.close();

  // Edit: a new name; the secret field left empty keeps the stored secret.
  await fill(options, role('textbox', 'Name'), 'Renamed sandbox');
  await click(options, role('button', 'Save'));
  await expect.poll(() => textOf(options, list)).toContain('Renamed sandbox');
  expect(await textOf(options, list)).not.toContain('Local sandbox');
  const renamed = await ext.openPopup();
  await choose(renamed, role('combobox', 'Environment'), 'Renamed sandbox');
  await generate(renamed);
  expect(sandbox.handler.stats()).toMatchObject({ imageCalls: 1 });
  await renamed.close();

  // The secret cannot be read back: a fresh Options page neither shows it nor stores it where pages keep things.
  const fresh = await ext.openOptions();
  await click(fresh, role('button', 'Renamed sandbox CUSTOM'));
  await expect.poll(() => textOf(fresh, 'form')).toContain('A secret is set. Type a new one to replace it');
  expect(await fresh.content()).not.toContain(SANDBOX_SECRET);
  expect(await fresh.evaluate(() => JSON.stringify(localStorage))).not.toContain(SANDBOX_SECRET);
  await fresh.close();

  await click(options, role('button', 'Renamed sandbox CUSTOM'));
  await click(options, role('button', 'Delete'));
  await click(options, `${role('group', 'Delete')} >>> ${role('button', 'Yes, delete')}`);
  await expect.poll(() => textOf(options, role('status'))).toContain('Environment deleted.');
  await waitUntil('the list to drop it', async () => (!(await textOf(options, list)).includes('Renamed sandbox') ? true : undefined));
  const after = await ext.openPopup();
  await expect.poll(() => environmentNames(after)).toEqual(['Sandbox', 'Production']);
  expect(firefox.errors).toEqual([]);
});

test('a wildcard base URL is refused with its reason: nothing is saved or granted, nothing typed is lost', async ({ firefox, ext }) => {
  const options = await ext.openOptions();
  await click(options, role('button', 'Add environment'));
  await fill(options, role('textbox', 'Name'), 'Every .com site');
  await fill(options, role('textbox', 'Base URL'), 'https://*.com');
  await fill(options, role('textbox', 'Client ID'), 'typed-client');
  await fill(options, field('Client secret'), 'typed-secret-1234');
  await click(options, role('button', 'Save'));

  await expect.poll(() => textOf(options, 'form')).toContain('Base URL must name one host: wildcards such as "*" are not allowed.');
  const baseUrl = role('textbox', 'Base URL');
  expect(await attributeOf(options, baseUrl, 'aria-invalid')).toBe('true');
  expect(await textOf(options, role('status'))).not.toContain('Saved.');
  expect(await valueOf(options, baseUrl)).toBe('https://*.com');
  expect(await valueOf(options, role('textbox', 'Name'))).toBe('Every .com site');
  expect(await valueOf(options, field('Client secret'))).toBe('typed-secret-1234');

  const environments = await ext.value<{ id: string }[]>('ui-bg-environments-list');
  expect(environments.map((environment) => environment.id)).toEqual(['sandbox', 'production']);
  const stored = await ext.inExtension(async () => JSON.stringify(await chrome.storage.local.get(null)));
  expect(stored).not.toContain('*.com');
  expect(stored).not.toContain('typed-secret-1234');
  const granted = await ext.inExtension(async () => (await chrome.permissions.getAll()).origins ?? []);
  expect(granted.filter((origin) => origin.includes('*.com') || origin.startsWith('https://*/'))).toEqual([]);
  expect(firefox.errors).toEqual([]);
});
