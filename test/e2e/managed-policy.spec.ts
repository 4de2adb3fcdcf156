// Environments set by browser policy, in real Chromium: a policy file in Chromium's managed-policy
// folder names the keyed build's fixed id (keyed-build.ts), so only the browser launched here with
// that build sees it; the other tests load the unkeyed build, whose id no policy names.
import { randomUUID } from 'node:crypto';
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { extensionLaunchArgs } from '../../scripts/find-chromium';
import { DIST, expect, test } from './harness';
import { DIST_KEYED, extensionIdOf, TEST_PUBLIC_KEY } from './keyed-build';

const POLICY_FOLDER = '/etc/chromium/policies/managed';
const EXTENSION_ID = extensionIdOf(TEST_PUBLIC_KEY);

/** Why this machine cannot run the test, or undefined when it can. */
function policyFolderProblem(): string | undefined {
  try {
    mkdirSync(POLICY_FOLDER, { recursive: true });
    accessSync(POLICY_FOLDER, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return `Chromium reads browser policies only from ${POLICY_FOLDER}, which this user cannot write (${code}); run the suite as root to test managed environments`;
  }
}

/** Writes the policy under a name of its own, launches the keyed build, and always removes the file again. */
async function withPolicy(chromiumPath: string, environments: unknown, use: (context: BrowserContext) => Promise<void>) {
  const file = join(POLICY_FOLDER, `pim-qr-e2e-${randomUUID()}.json`);
  try {
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: { environments } } } }));
    const context = await chromium.launchPersistentContext('', { executablePath: chromiumPath, headless: true, args: extensionLaunchArgs(DIST_KEYED) });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      expect(new URL(worker.url()).host, 'the keyed build has the id the policy names').toBe(EXTENSION_ID);
      await use(context);
    } finally {
      await context.close();
    }
  } finally {
    rmSync(file, { force: true });
  }
}

test('environments from a browser policy are listed read-only, refused ones say why, and the popup marks them', async ({ chromiumPath }) => {
  const problem = policyFolderProblem();
  test.skip(problem !== undefined, problem);
  await withPolicy(
    chromiumPath,
    [
      { name: 'Team staging', baseUrl: 'https://staging.example.com', clientId: 'team-client' },
      { name: 'Plain', baseUrl: 'http://plain.example.com', clientId: 'plain-client' },
      { name: 'No client', baseUrl: 'https://noclient.example.com' },
    ],
    async (context) => {
      // The first page after install is the popup: it paints before Chromium's first policy read has
      // answered (seconds after the browser starts), and the policy's environment joins the list then.
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${EXTENSION_ID}/src/popup/index.html`);
      await expect(popup.getByRole('button', { name: 'Generate' })).toBeVisible();
      await expect(popup.getByLabel('Environment').getByRole('option')).toContainText(['Sandbox', 'Production', 'Team staging (managed by your organization)']);

      const options = await context.newPage();
      await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/index.html`);
      const refused = options.getByRole('alert').filter({ hasText: "Your organization's browser policy sets environments that cannot be used:" });
      await expect(refused.getByRole('listitem')).toHaveText([
        'Managed environment 2 (“Plain”): refused. Use https:// (plain http:// is allowed only for loopback hosts: localhost, 127.0.0.0/8 and [::1]).',
        'Managed environment 3 (“No client”): refused. Client ID is required.',
      ]);
      const list = options.getByRole('navigation', { name: 'Environments' });
      // Marked as the organization's, not as the user's own (custom) environment.
      await expect(list.getByRole('button', { name: 'Team staging (managed by your organization) MANAGED', exact: true })).toBeVisible();
      await list.getByRole('button', { name: /Team staging \(managed by your organization\)/ }).click();
      await expect(options.getByText('Managed by your organization: its name, address and client ID come from', { exact: false })).toBeVisible();
      for (const label of ['Name', 'Base URL', 'Client ID']) {
        await expect(options.getByLabel(label, { exact: true })).toHaveAttribute('readonly', '');
      }
      await expect(options.getByLabel('Client ID', { exact: true })).toHaveValue('team-client');
      await expect(options.getByLabel('Client secret')).toBeEditable();
      await expect(options.getByRole('button', { name: 'Delete' })).toHaveCount(0);
      await expect(list.getByRole('button', { name: /Plain|No client/ })).toHaveCount(0);


      // The build every other test loads has another id: the policy does not reach it, even now.
      const unkeyed = await chromium.launchPersistentContext('', { executablePath: chromiumPath, headless: true, args: extensionLaunchArgs(DIST) });
      try {
        const worker = unkeyed.serviceWorkers()[0] ?? (await unkeyed.waitForEvent('serviceworker'));
        expect(new URL(worker.url()).host).not.toBe(EXTENSION_ID);
        expect(await worker.evaluate(async () => chrome.storage.managed.get(null))).toEqual({});
      } finally {
        await unkeyed.close();
      }
    },
  );
});

// Chromium checks a policy against public/managed-schema.json before the extension sees it, and drops
// one with a value of the wrong type whole: the extension is handed nothing to report on (Firefox has
// no schema and hands it over; there each entry is refused with its reason, managed-storage.test.ts).
test('a policy whose values have the wrong type is dropped whole by Chromium, and nothing of it is used', async ({ chromiumPath }) => {
  const problem = policyFolderProblem();
  test.skip(problem !== undefined, problem);
  await withPolicy(chromiumPath, [{ name: 'Team staging', baseUrl: 42, clientId: 'team-client' }], async (context) => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/index.html`);
    const list = options.getByRole('navigation', { name: 'Environments' });
    await expect(list.getByRole('button')).toHaveText([/Sandbox/, /Production/, 'Add environment']);
    await expect(options.getByRole('alert')).toHaveCount(0);
    const policies = await context.newPage();
    await policies.goto('chrome://policy');
    await expect(policies.getByRole('table', { name: 'PiM QR' })).toContainText('No policies set');
  });
});
