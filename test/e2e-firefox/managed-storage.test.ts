// Environments set by policy in Firefox, which reads managed storage from a native manifest in
// ~/.mozilla/managed-storage/<add-on id>.json. This Firefox gets a HOME of its own holding one, so no
// other test's browser sees it. Firefox checks no schema: a wrong type reaches the extension, which
// refuses that entry with its reason and uses the rest.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { GECKO_ID } from '../../scripts/manifest-for-firefox';
import { attributeOf, click, count, role, textOf, visible } from '../../scripts/firefox-ui';
import { expect, test } from './harness';

const home = mkdtempSync(join(tmpdir(), 'pim-qr-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
mkdirSync(join(home, '.mozilla', 'managed-storage'), { recursive: true });
writeFileSync(
  join(home, '.mozilla', 'managed-storage', `${GECKO_ID}.json`),
  JSON.stringify({
    name: GECKO_ID,
    description: 'PiM QR environments for the e2e test',
    type: 'storage',
    data: {
      environments: [
        { name: 'Team staging', baseUrl: 'https://staging.example.com', clientId: 'team-client', clientSecret: 'policy-secret-0001' },
        { name: 'Typed wrong', baseUrl: 42, clientId: 'x' },
        { name: 'Plain', baseUrl: 'http://plain.example.com', clientId: 'x' },
        { name: 'Numbered client', baseUrl: 'https://n.example.com', clientId: 5 },
        { name: 'Quoted', baseUrl: 'https://q.example.com', clientId: '"><b>x' },
      ],
    },
  }),
);

describe('with a managed-storage manifest', () => {
  test.override('firefoxEnv', { HOME: home });

  test('managed environments are listed read-only, marked in the popup, and refused ones say why', async ({ firefox, ext }) => {
    const options = await ext.openOptions();
    const refused = role('alert');
    await expect.poll(() => textOf(options, refused)).toContain("Your organization's browser policy sets environments that cannot be used:");
    const text = await textOf(options, refused);
    expect(text).toContain('Managed environment 2 (“Typed wrong”): refused. Base URL must be text, not a number, list or other value.');
    expect(text).toContain('Managed environment 3 (“Plain”): refused. Use https://');
    expect(text).toContain('Managed environment 1 (“Team staging”): the client secret in the policy was ignored: it is never stored. Enter your own.');
    expect(text).toContain('Managed environment 4 (“Numbered client”): refused. Client ID must be text, not a number, list or other value.');
    expect(text).toContain('Managed environment 5 (“Quoted”): refused. Client ID may not contain markup (text such as <b> or <img …>).');

    const list = role('navigation', 'Environments');
    await expect.poll(() => textOf(options, list)).toContain('Team staging (managed by your organization)');
    await click(options, role('button', 'Team staging (managed by your organization) MANAGED'));
    await expect.poll(() => textOf(options, 'form')).toContain('Managed by your organization: its name, address and client ID come from');
    for (const name of ['Name', 'Base URL', 'Client ID']) expect(await attributeOf(options, role('textbox', name), 'readonly')).toBe('');
    expect(await count(options, role('button', 'Delete'))).toBe(0);

    const popup = await ext.openPopup();
    const picker = await visible(popup, role('combobox', 'Environment'));
    await expect
      .poll(() => picker.evaluate((select) => [...(select as HTMLSelectElement).options].map((option) => option.text.trim())))
      .toEqual(['Sandbox', 'Production', 'Team staging (managed by your organization)']);
    await picker.dispose();
    expect(firefox.errors).toEqual([]);
  });
});

test('without a policy Firefox has no managed storage, and the list is the usual one', async ({ firefox, ext }) => {
  const options = await ext.openOptions();
  await expect.poll(() => textOf(options, role('navigation', 'Environments'))).toMatch(/Sandbox[\s\S]*Production/);
  expect(await textOf(options, role('navigation', 'Environments'))).not.toContain('managed');
  expect(await count(options, role('alert'))).toBe(0);
  expect(firefox.errors).toEqual([]);
});
