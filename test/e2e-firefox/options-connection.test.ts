// "Test connection" in Firefox's Options tests what the form holds, saves none of it, and keeps the
// button row whole when it fails; another environment is opened only after asking when edits are unsaved.
import { createServer } from 'node:net';
import type { Page } from 'puppeteer-core';
import { click, field, fill, pageText, role, textOf, valueOf, visible } from '../../scripts/firefox-ui';
import { expect, test } from './harness';
import { SANDBOX_CLIENT_ID, SANDBOX_SECRET, addEnvironment } from './journeys';

/** A loopback port nothing listens on: a base URL there can never be reached. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Where the action buttons sit (one query: Firefox's ARIA queries cost a few hundred ms each). */
const buttonBoxes = (page: Page) =>
  page.$$eval('.form-actions button', (buttons) =>
    buttons
      .filter((button) => ['Save', 'Test connection', 'Delete'].includes(button.textContent?.trim() ?? ''))
      .map((button) => {
        const { x, y, width, height } = button.getBoundingClientRect();
        return { name: button.textContent?.trim(), x, y, width, height };
      }),
  );

// Two widths, each a full edit-and-test round: more steps than most tests.
test('an unsaved, unreachable base URL fails the test with a clear error below the buttons, and nothing is saved', { timeout: 120_000 }, async ({
  firefox,
  sandbox,
  ext,
}) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  const unreachable = `http://127.0.0.1:${await closedPort()}`;

  for (const width of [420, 1200]) {
    await options.setViewport({ width, height: 900 });
    await fill(options, role('textbox', 'Base URL'), unreachable);
    await fill(options, field('Client secret'), SANDBOX_SECRET);
    // puppeteer's click scrolls its target to the middle of the window: put the row there first, so
    // only a real move of the row counts.
    await options.$eval('.editor .form-actions', (row) => row.scrollIntoView({ block: 'center' }));
    const before = await buttonBoxes(options);
    await click(options, role('button', 'Test connection'));
    await expect.poll(() => textOf(options, role('alert'))).toContain('The API could not be reached.');
    const alert = await textOf(options, role('alert'));
    expect(alert).not.toContain('Options');
    expect(await textOf(options, role('status'))).not.toMatch(/Connected|Saved\./);

    const after = await buttonBoxes(options);
    expect(after.map((box) => box.name)).toEqual(['Save', 'Test connection', 'Delete']);
    expect(after).toEqual(before);
    const alertTop = await options.$eval('.connection-outcome [role="alert"]', (element) => element.getBoundingClientRect().top);
    expect(alertTop).toBeGreaterThanOrEqual(Math.max(...after.map((box) => box.y + box.height)));

    expect(await valueOf(options, role('textbox', 'Base URL'))).toBe(unreachable);
    const stored = await ext.value<{ name: string; baseUrl: string }[]>('ui-bg-environments-list');
    expect(stored.find((e) => e.name === 'Local sandbox')?.baseUrl).toBe(sandbox.url);
    await fill(options, role('textbox', 'Base URL'), sandbox.url);
    await fill(options, field('Client secret'), '');
  }
  // Only the save's own flow touched the server: the tests sent nothing there.
  expect(sandbox.handler.stats().tokenCalls).toBe(0);
  expect(firefox.errors).toEqual([]);
});

test('an unsaved environment on the sandbox server connects with the typed credentials, and is still not saved', async ({
  firefox,
  sandbox,
  ext,
}) => {
  const options = await ext.openOptions();
  await click(options, role('button', 'Add environment'));
  await fill(options, role('textbox', 'Name'), 'Not saved yet');
  await fill(options, role('textbox', 'Base URL'), sandbox.url);
  await fill(options, role('textbox', 'Client ID'), SANDBOX_CLIENT_ID);
  await fill(options, field('Client secret'), SANDBOX_SECRET);
  // A gateway that quotes the typed secret back, as sent, percent-encoded and split: the alert shows none of it.
  sandbox.handler.configure({ faults: ['token:leak-credentials*1'] });
  await click(options, role('button', 'Test connection'));
  await expect
    .poll(() => textOf(options, role('alert')))
    .toContain('KPN says: “Request from app sandbox-client with secret [redacted] and token none was refused; received [redacted], [redacted], [redacted], [redacted], [redacted]; secret began [redacted] ([redacted] on)”');
  expect(await options.evaluate(() => document.body.innerHTML)).not.toMatch(/sandbox(-|%2d)secret|%73%61%6e%64|secret began sandbox/i);

  await click(options, role('button', 'Test connection'));
  await expect.poll(() => textOf(options, role('status'))).toMatch(/Connected: token valid for \d+ min .* Tested with what is in the form; it is not saved yet\./);
  expect(sandbox.handler.stats().tokenCalls).toBe(2);
  const stored = await ext.value<{ id: string }[]>('ui-bg-environments-list');
  expect(stored.map((e) => e.id)).toEqual(['sandbox', 'production']);
  expect(await textOf(options, role('navigation', 'Environments'))).not.toContain('Not saved yet');
  expect(await valueOf(options, field('Client secret'))).toBe(SANDBOX_SECRET);
  expect(firefox.errors).toEqual([]);
});

test('choosing another environment with unsaved edits asks first: keep them, or discard them', async ({ firefox, ext }) => {
  const options = await ext.openOptions();
  await click(options, role('button', 'Production PRODUCTION'));
  await fill(options, role('textbox', 'Client ID'), 'typed-but-not-saved');

  await click(options, role('button', 'Sandbox SANDBOX'));
  await expect.poll(() => textOf(options, role('alert'))).toContain('This environment has changes that are not saved.');
  expect(await options.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
  await click(options, role('button', 'Keep editing'));
  await expect.poll(() => pageText(options)).not.toContain('This environment has changes that are not saved.');
  expect(await valueOf(options, role('textbox', 'Client ID'))).toBe('typed-but-not-saved');

  await click(options, role('button', 'Sandbox SANDBOX'));
  await click(options, role('button', 'Discard changes'));
  await expect.poll(() => textOf(options, role('heading', 'Sandbox'))).toBe('Sandbox');
  await click(options, role('button', 'Production PRODUCTION'));
  expect(await valueOf(options, role('textbox', 'Client ID'))).toBe('');
  expect(firefox.errors).toEqual([]);
});

test('Test connection and Save pressed from the keyboard keep the focus, a new environment saved too, and each replaces the other’s outcome', async ({ firefox, ext }) => {
  const options = await ext.openOptions();
  await click(options, role('button', 'Add environment'));
  // The new environment's Name takes the focus: typing starts there.
  await expect.poll(() => options.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim())).toBe('Name');
  await fill(options, role('textbox', 'Name'), 'Unreachable');
  const unreachable = `http://127.0.0.1:${await closedPort()}`;
  await fill(options, role('textbox', 'Base URL'), unreachable);
  await fill(options, role('textbox', 'Client ID'), SANDBOX_CLIENT_ID);
  await fill(options, field('Client secret'), SANDBOX_SECRET);
  await (await visible(options, role('button', 'Test connection'))).focus();
  await options.keyboard.press('Enter');
  await expect.poll(() => textOf(options, role('alert'))).toContain('The API could not be reached.');
  expect(await options.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Test connection');

  // A Save that cannot go ahead says why in its field; the earlier test's answer is gone.
  await fill(options, role('textbox', 'Base URL'), 'ftp://files.example.com');
  await click(options, role('button', 'Save'));
  await expect.poll(() => pageText(options)).toContain('Base URL must start with https:// or http://.');
  expect(await pageText(options)).not.toContain('The API could not be reached.');

  // Saved from the keyboard, the new environment keeps the focus on Save; a later test takes "Saved." away.
  await fill(options, role('textbox', 'Base URL'), unreachable);
  await (await visible(options, role('button', 'Save'))).focus();
  await options.keyboard.press('Enter');
  await expect.poll(() => textOf(options, role('status'))).toContain('Saved.');
  expect(await textOf(options, role('heading', 'Unreachable'))).toBe('Unreachable');
  expect(await options.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Save');
  await click(options, role('button', 'Test connection'));
  await expect.poll(() => textOf(options, role('alert'))).toContain('The API could not be reached.');
  expect(await pageText(options)).not.toContain('Saved.');
  expect(firefox.errors).toEqual([]);
});
