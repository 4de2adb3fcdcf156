// Two views open at once, in Firefox: what one changes, the other shows without a reload (Options and
// the popup, the popup and the sidebar's view, a page and the popup), and each keeps its own draft.
import type { Page } from 'puppeteer-core';
import { centre, onScreen } from '../../scripts/firefox-on-screen';
import { choose, click, fill, role, textOf, valueOf, waitUntil } from '../../scripts/firefox-ui';
import { expect, test } from './harness';
import { addEnvironment, generate } from './journeys';
import { placement } from './placements';

const environmentNames = async (popup: Page) => {
  const handle = await popup.waitForSelector(role('combobox', 'Environment'));
  const names = (await handle?.evaluate((element) => [...(element as HTMLSelectElement).options].map((option) => option.text.trim()))) ?? [];
  await handle?.dispose();
  return names;
};

/** Waits until `read` gives `expected`: the other view follows on its own, nothing reloads it. */
const follows = <T>(what: string, read: () => Promise<T>, expected: T) =>
  waitUntil(what, async () => (JSON.stringify(await read()) === JSON.stringify(expected) ? true : undefined));

test('environments added, renamed and deleted in Options appear in the open popup; a deleted one in use is replaced, and it says so', async ({
  firefox,
  sandbox,
  ext,
}) => {
  const popup = await ext.openPopup();
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  await follows('the popup to list it', () => environmentNames(popup), ['Sandbox', 'Production', 'Local sandbox']);

  await fill(options, role('textbox', 'Name'), 'Staging sandbox');
  await click(options, role('button', 'Save'));
  await follows('the popup to show the new name', () => environmentNames(popup), ['Sandbox', 'Production', 'Staging sandbox']);

  await popup.bringToFront();
  await choose(popup, role('combobox', 'Environment'), 'Staging sandbox');
  await options.bringToFront();
  await click(options, role('button', 'Delete'));
  await click(options, `${role('group', 'Delete')} >>> ${role('button', 'Yes, delete')}`);
  await popup.bringToFront();
  await waitUntil('the popup to say so', async () =>
    (await textOf(popup, 'main')).includes('The environment “Staging sandbox” was deleted, so PiM QR now uses “Sandbox”.') ? true : undefined,
  );
  expect(await environmentNames(popup)).toEqual(['Sandbox', 'Production']);
  expect(await valueOf(popup, role('combobox', 'Environment'))).toBe('sandbox');
  await generate(popup);
  expect(firefox.errors).toEqual([]);
});

test('a generate in one view fills History and the request log of the other; defaults reach an unedited form; drafts stay apart', async ({
  firefox,
  ext,
}) => {
  const panel = await ext.openPopup({ view: 'sidepanel' });
  await click(panel, role('button', 'History'));
  await click(panel, role('button', 'Request log'));
  await waitUntil('both to be empty', async () =>
    (await textOf(panel, role('region', 'History'))).includes('No QR codes yet.') &&
    (await textOf(panel, role('region', 'Request log'))).includes('No requests yet.')
      ? true
      : undefined,
  );

  const popup = await ext.openPopup();
  await fill(popup, role('textbox', 'Title'), 'Made in the other view');
  await generate(popup);
  await waitUntil('the other view to list it', async () => {
    const history = await textOf(panel, role('region', 'History'));
    const log = await textOf(panel, role('region', 'Request log'));
    return history.includes('Made in the other view') && log.includes('/kpn/qrcodegenerator/image') && !log.includes('No requests yet.') ? true : undefined;
  });

  // The popup's form was edited; a fresh view's form was not. Options changes the defaults.
  await panel.bringToFront();
  await fill(panel, role('textbox', 'Title'), 'Typed in the sidebar view');
  const fresh = await ext.openPopup({ tab: '1' });
  const options = await ext.openOptions();
  await fill(options, `${role('form', 'Defaults')} >>> ${role('textbox', 'Title')}`, 'Sign in to Example Bank');
  await click(options, role('button', 'Save defaults'));
  await follows('the fresh form to take the new defaults', () => valueOf(fresh, role('textbox', 'Title')), 'Sign in to Example Bank');
  expect(await valueOf(popup, role('textbox', 'Title'))).toBe('Made in the other view');
  expect(await valueOf(panel, role('textbox', 'Title'))).toBe('Typed in the sidebar view');

  // Each view's draft is its own, reopened or not.
  await Promise.all([popup.close(), panel.close()]);
  const popupAgain = await ext.openPopup();
  expect(await valueOf(popupAgain, role('textbox', 'Title'))).toBe('Made in the other view');
  const panelAgain = await ext.openPopup({ view: 'sidepanel' });
  expect(await valueOf(panelAgain, role('textbox', 'Title'))).toBe('Typed in the sidebar view');
  expect(firefox.errors).toEqual([]);
});

test('a remembered placement resized in the page shows its new size in the popup', async ({ firefox, ext }) => {
  const { page, tabId } = await ext.openDemo('/demo/login.html');
  const popup = await ext.openPopup({ tab: String(tabId) });
  await generate(popup);
  await click(popup, role('checkbox', 'Remember on this site'));
  await click(popup, role('button', 'Insert into page'));
  const remembered = role('region', 'Remembered on this site');
  await waitUntil('the popup to list it', async () => ((await textOf(popup, remembered)).includes('Floating · 400×400 px') ? true : undefined));

  await page.bringToFront();
  const placed = await placement(page);
  await placed.hover();
  const corner = centre((await onScreen(page, 'button', 'Resize QR')).box);
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  await page.mouse.move(corner.x - 50, corner.y - 50, { steps: 5 });
  await page.mouse.move(corner.x - 100, corner.y - 100, { steps: 5 });
  await page.mouse.up();
  await placed.dispose();

  await waitUntil('the popup to show the new size', async () => ((await textOf(popup, remembered)).includes('Floating · 300×300 px') ? true : undefined));
  expect(firefox.errors).toEqual([]);
});
