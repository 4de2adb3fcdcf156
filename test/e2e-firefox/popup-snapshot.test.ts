// The popup's first paint in Firefox: its snapshot and draft have a copy in the extension's
// localStorage, which answers at once (storage.local answers a page's first read late). The copy
// holds no secret, no client ID and no address, and the event page drops it with the snapshot, so no
// popup offers an environment deleted since. Closing the popup right after typing loses no key.
import type { Page } from 'puppeteer-core';
import { click, fill, role, textOf, waitUntil } from '../../scripts/firefox-ui';
import { expect, test } from './harness';
import { addEnvironment, SANDBOX_CLIENT_ID } from './journeys';

const SECRET = 'snapshot-copy-secret-0123456789';

const copyOf = (page: Page, key: string) => page.evaluate((name) => localStorage.getItem(`pim-qr-copy:${name}`), key);

const environmentNames = async (popup: Page) => {
  const handle = await popup.waitForSelector(role('combobox', 'Environment'));
  const names = (await handle?.evaluate((element) => [...(element as HTMLSelectElement).options].map((option) => option.text.trim()))) ?? [];
  await handle?.dispose();
  return names;
};

test('the popup paints from a copy without secrets; a deleted environment never comes back from it; a draft survives in it', async ({
  firefox,
  sandbox,
  ext,
}) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { name: 'Snapshot sandbox', baseUrl: sandbox.url, secret: SECRET });
  // Saving an environment changed the settings: the event page dropped the snapshot, and its copy says so.
  expect(await copyOf(options, 'popupSnapshot')).toBe('[]');

  const first = await ext.openPopup();
  expect(await environmentNames(first)).toEqual(['Sandbox', 'Production', 'Snapshot sandbox']);
  const kept = await waitUntil('the popup to keep its snapshot', async () => {
    const copy = await copyOf(first, 'popupSnapshot');
    return copy && copy !== '[]' ? copy : undefined;
  });
  expect(kept).toContain('Snapshot sandbox');
  for (const leak of [SECRET, SECRET.slice(-4), SANDBOX_CLIENT_ID, sandbox.url]) expect(kept).not.toContain(leak);
  // The record the copy stands for: the same snapshot in storage.local.
  const record = await ext.inExtension(async () => (await chrome.storage.local.get('popupSnapshot')).popupSnapshot);
  expect(JSON.parse(kept)).toEqual([record]);

  await fill(first, role('textbox', 'Title'), 'Kept in the copy');
  await waitUntil('the draft to reach the copy', async () => ((await copyOf(first, 'draft')) ?? '').includes('Kept in the copy') || undefined);
  await first.close();

  // Painted from the copy: the same list and the draft as it was left.
  const second = await ext.openPopup();
  expect(await environmentNames(second)).toEqual(['Sandbox', 'Production', 'Snapshot sandbox']);
  expect(await second.$eval(role('textbox', 'Title'), (input) => (input as HTMLInputElement).value)).toBe('Kept in the copy');
  await second.close();

  await options.bringToFront();
  await click(options, role('button', 'Delete'));
  await click(options, `${role('group', 'Delete')} >>> ${role('button', 'Yes, delete')}`);
  await waitUntil('Options to say so', async () => ((await textOf(options, role('status'))).includes('Environment deleted.') ? true : undefined));
  expect(await copyOf(options, 'popupSnapshot')).toBe('[]');

  const third = await ext.openPopup();
  // The copy said there is no snapshot: this popup waited for the event page, and lists only what exists.
  expect(await environmentNames(third)).toEqual(['Sandbox', 'Production']);

  // Typed key by key and closed at once: storage.local, not only the copy, has every key.
  const typed = 'Typed just before closing 0123456789';
  await fill(third, role('textbox', 'Title'), typed);
  await third.close();
  const storedTitle = () => ext.inExtension(async () => ((await chrome.storage.local.get('draft')).draft as { title?: string } | undefined)?.title);
  await waitUntil('storage.local to hold the whole title', async () => ((await storedTitle()) === typed ? true : undefined));
  expect(firefox.errors).toEqual([]);
});
