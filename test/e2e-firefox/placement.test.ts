// Placing the QR on pages in Firefox: Insert into page (floating, dragged and removed), replace by
// selector and remember it across reloads, a strict CSP, hostile SVGs, and pages Firefox protects.
import { clickOnScreen, findOnScreen, onScreen, waitForTextOnScreen } from '../../scripts/firefox-on-screen';
import { click, count, fill, role, textOf, visible, waitUntil } from '../../scripts/firefox-ui';
import type { KeyInput } from 'puppeteer-core';
import { DEFAULT_PARAMS, type QrParams } from '../../src/core/params';
import { sandboxQrUrl } from '../../src/core/sandbox/render';
import { hostileSvgCorpus } from '../fixtures/hostile-svg/corpus';
import { styleAttackCorpus } from '../fixtures/hostile-svg/style-attacks';
import { type ExtensionPages, expect, test } from './harness';
import { generate } from './journeys';
import { PLACEMENT, box, decodePlaced, placement, sandboxSvg } from './placements';

const DEFAULT_URL = sandboxQrUrl(DEFAULT_PARAMS.redirect, DEFAULT_PARAMS.attributes);

test('Insert into page from the popup: floating, dragged, scannable in a screenshot, removed', async ({ firefox, ext }) => {
  const { page, tabId } = await ext.openDemo('/demo/login.html');
  const popup = await ext.openPopup({ tab: String(tabId) });
  await generate(popup);
  await click(popup, role('button', 'Insert into page'));
  await expect.poll(() => textOf(popup, role('status'))).toContain('Inserted into the page.');

  const placed = await placement(page);
  expect(await placed.evaluate((element) => [element.getAttribute('role'), element.getAttribute('aria-label')])).toEqual(['group', 'PiM QR placement']);
  expect(await decodePlaced(page, placed)).toBe(DEFAULT_URL);
  const start = await box(placed);
  expect(start).toMatchObject({ width: 400, height: 400 });

  // Dragged from the middle of the QR.
  await page.mouse.move(start.x + 200, start.y + 200);
  await page.mouse.down();
  await page.mouse.move(start.x + 80, start.y + 230, { steps: 6 });
  await page.mouse.up();
  expect(await box(placed)).toEqual({ ...start, x: start.x - 120, y: start.y + 30 });

  // The toolbar lives in the placement's closed shadow root, shown on hover; its Remove button takes the QR away.
  await placed.hover();
  await clickOnScreen(page, 'button', 'Remove QR');
  await waitUntil('the placement to go', async () => ((await count(page, PLACEMENT)) === 0 ? true : undefined));
  await placed.dispose();
  expect(firefox.errors).toEqual([]);
});

/** The image calls in the worker's request log (the sandbox environment answers inside the extension). */
const imageCalls = (ext: ExtensionPages) =>
  ext.inExtension(async () => {
    // The index lists the entries, each stored under a key of its own (background/request-log-store.ts).
    const { requestLog } = await chrome.storage.session.get('requestLog');
    const keys = ((requestLog as { ids?: string[] } | undefined)?.ids ?? []).map((id) => `requestLog:${id}`);
    const entries = Object.values(await chrome.storage.session.get(keys)) as { method: string; requestBody?: string }[];
    return entries.filter((e) => e.method === 'POST' && e.requestBody?.trimStart().startsWith('{')).length;
  });

test('keyboard only: Enter in the selector places without a new call; the picker walks with the arrow keys and Enter picks', async ({ firefox, ext }) => {
  const { page, tabId } = await ext.openDemo('/demo/login.html');
  const popup = await ext.openPopup({ tab: String(tabId) });
  const press = async (selector: string, ...keys: KeyInput[]) => {
    await (await visible(popup, selector)).focus();
    for (const key of keys) await popup.keyboard.press(key);
  };
  await press(role('button', 'Generate'), 'Enter');
  await visible(popup, role('image', 'QR preview'));
  expect(await imageCalls(ext)).toBe(1);

  await press(role('radio', 'Floating'), 'ArrowDown');
  await press(role('textbox', 'CSS selector'));
  await popup.keyboard.type('#login-title');
  await popup.keyboard.press('Enter');
  await expect.poll(() => textOf(popup, role('status'))).toContain('Inserted into the page.');
  expect(await page.$eval('#login-title', (heading) => getComputedStyle(heading).display)).toBe('none');
  expect(await imageCalls(ext)).toBe(1);

  // Pick from the keyboard: Insert inside, then walk from the body to the slot.
  await press(role('radio', 'Replace element'), 'ArrowDown');
  await press(role('button', 'Pick an element'), 'Enter');
  await page.bringToFront();
  await waitForTextOnScreen(page, /arrow keys .* Esc cancels/);
  // The body, the staging banner, header, main, the card, its first pane, the second pane, its heading, its lead.
  const walk: KeyInput[] = ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight'];
  for (const key of [...walk, 'ArrowRight', 'ArrowRight', 'ArrowLeft'] as const) await page.keyboard.press(key);
  await waitForTextOnScreen(page, /^#pim-qr-slot · 240×240$/);
  await page.keyboard.press('Enter');
  await placement(page, `#pim-qr-slot > ${PLACEMENT}`);
  expect(await count(page, '[data-pim-qr-ui="picker"]')).toBe(0);
  expect(await imageCalls(ext)).toBe(1);
  expect(firefox.errors).toEqual([]);
});

test('replace #pim-qr-slot by selector and remember it: listed, back after a reload, removed from the popup', async ({ firefox, ext }) => {
  const { page, tabId } = await ext.openDemo('/demo/login.html');
  const popup = await ext.openPopup({ tab: String(tabId) });
  await generate(popup);
  const remembered = role('region', 'Remembered on this site');
  await expect.poll(() => textOf(popup, remembered)).toContain('Nothing is remembered on this site.');

  const slotHidden = () => page.$eval('#pim-qr-slot', (slot) => getComputedStyle(slot).display === 'none');
  const slotBox = await page.$eval('#pim-qr-slot', (slot) => slot.getBoundingClientRect().toJSON() as DOMRect);
  await click(popup, role('radio', 'Replace element'));
  await fill(popup, role('textbox', 'CSS selector'), '#pim-qr-slot');
  await click(popup, role('checkbox', 'Remember on this site'));
  await click(popup, role('button', 'Insert into page'));
  await expect.poll(() => textOf(popup, role('status'))).toContain('Placed, and remembered on this site.');

  const placed = await placement(page);
  expect(await slotHidden()).toBe(true);
  expect(await box(placed)).toEqual({ x: Math.round(slotBox.x), y: Math.round(slotBox.y), width: 240, height: 240 });
  expect(await decodePlaced(page, placed)).toBe(DEFAULT_URL);
  await placed.dispose();
  await expect.poll(() => textOf(popup, `${remembered} >>> ${role('listitem')}`)).toMatch(/^Replace element · #pim-qr-slot · 240×240 px/);

  // Firefox runs the restoring content script on the next load of the page.
  await page.reload();
  const restored = await placement(page);
  expect(await slotHidden()).toBe(true);
  expect(await decodePlaced(page, restored)).toBe(DEFAULT_URL);
  await restored.dispose();

  await click(popup, `${remembered} >>> ${role('button', 'Remove')}`);
  await expect.poll(() => textOf(popup, remembered)).toContain('Nothing is remembered on this site.');
  await waitUntil('the placement to go', async () => ((await count(page, PLACEMENT)) === 0 ? true : undefined));
  expect(await slotHidden()).toBe(false);
  await page.reload();
  await page.waitForSelector('#pim-qr-slot', { visible: true });
  // The restoring script would have run by now: nothing comes back.
  await new Promise((resolveWait) => setTimeout(resolveWait, 500));
  expect(await count(page, PLACEMENT)).toBe(0);
  expect(await ext.inExtension(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
  expect(firefox.errors).toEqual([]);
});

test('the strict-CSP page still shows a scannable QR', async ({ firefox, ext }) => {
  const { page, tabId } = await ext.openDemo('/demo/strict-csp.html');
  const params: QrParams = { ...DEFAULT_PARAMS, attributes: ['Email', 'FamilyName'] };
  await ext.value('ui-bg-place', { tabId, svg: await sandboxSvg(ext, params), mode: 'replace', selector: '#pim-qr-slot' });
  const placed = await placement(page);
  expect(await decodePlaced(page, placed)).toBe(sandboxQrUrl(params.redirect, params.attributes));
  // The toolbar's look comes from an adopted stylesheet, which CSP does not block: hidden until the
  // QR is hovered, then a 22 px button beside the QR (not over the title the image carries).
  await page.mouse.move(0, 0);
  await onScreen(page, 'group', 'PiM QR placement');
  expect(await findOnScreen(page, 'button', 'Remove QR')).toEqual([]);
  const qr = await box(placed);
  await placed.hover();
  const remove = (await onScreen(page, 'button', 'Remove QR')).box;
  expect(remove).toMatchObject({ width: 22, height: 22 });
  const beside = remove.y + remove.height <= qr.y || remove.y >= qr.y + qr.height || remove.x + remove.width <= qr.x || remove.x >= qr.x + qr.width;
  expect(beside, JSON.stringify({ remove, qr })).toBe(true);
  await placed.dispose();
  expect(firefox.errors).toEqual([]);
});

test('no hostile SVG runs script or loads anything in the page', { timeout: 120_000 }, async ({ firefox, sandbox, ext }) => {
  const { page, tabId } = await ext.openDemo('/demo/login.html');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.bringToFront();
  const corpus = [...hostileSvgCorpus(`${sandbox.url}/__sandbox/beacon`), ...styleAttackCorpus(`${sandbox.url}/__sandbox/beacon`)];
  expect(corpus.length).toBeGreaterThanOrEqual(25);
  const outcomes: Record<string, string> = {};
  for (const vector of corpus) {
    const reply = await ext.send('ui-bg-place', { tabId, svg: vector.svg, mode: 'floating' });
    if (!reply.ok) {
      outcomes[vector.name] = `refused: ${reply.error?.code ?? ''}`;
      expect(reply.error, vector.name).toMatchObject({ kind: 'unreadable-response', code: 'svg-refused' });
      continue;
    }
    outcomes[vector.name] = 'rendered';
    const all = await page.$$(PLACEMENT);
    const last = all.at(-1);
    if (!last) throw new Error(`${vector.name}: no placement`);
    // Give handlers their chance: hover, click, and a move inside.
    const b = await box(last);
    expect(b.width, vector.name).toBeLessThanOrEqual(1280);
    expect(b.height, vector.name).toBeLessThanOrEqual(720);
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.move(b.x + 5, b.y + b.height - 5);
    await Promise.all(all.map((handle) => handle.dispose()));
  }
  await new Promise((resolveWait) => setTimeout(resolveWait, 500));
  expect({
    pwned: await page.evaluate(() => (window as { __pwned?: unknown }).__pwned),
    extPwned: await ext.inExtension(() => (window as { __pwned?: unknown }).__pwned),
    dialogs,
    beacons: sandbox.handler.stats().beacons,
  }).toEqual({ pwned: undefined, extPwned: undefined, dialogs: [], beacons: 0 });
  expect(firefox.errors.filter((line) => /pwned/i.test(line))).toEqual([]);
  // A <use> that repeats a <use> is refused before it can freeze the tab.
  expect(outcomes['<use> bomb']).toBe('refused: svg-refused');
  expect(outcomes['nothing but a script']).toMatch(/^refused/);
  expect(outcomes['script element']).toBe('rendered');
  expect(await count(page, PLACEMENT)).toBe(Object.values(outcomes).filter((outcome) => outcome === 'rendered').length);
  // The page itself is untouched: every vector, the layout-hijacking styles too, stayed inside its placement.
  expect(await page.$eval('#login-title', (heading) => (heading as HTMLElement).innerText)).toBe('Inloggen');
});

test('a page Firefox keeps extensions out of is refused with a clear reason', async ({ firefox, ext }) => {
  const tabIds = () => ext.inExtension(async () => (await chrome.tabs.query({})).map((tab) => tab.id));
  const before = await tabIds();
  const page = await firefox.newPage();
  // The extension may not read the address of a page it cannot touch: the new tab is the one to find.
  const tabId = (await tabIds()).find((id) => !before.includes(id));
  expect(tabId).toBeDefined();
  const insert = () => ext.send('ui-bg-place', { tabId, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', mode: 'floating' });
  // A fresh tab is about:blank, which the extension may not change without a click on its button.
  expect(await insert()).toMatchObject({ ok: false, error: { kind: 'permission-denied', code: 'tab-access-missing' } });
  // Firefox's BiDi reports no navigation to its own about: pages (see showExtensionPage) and the
  // extension may not read their address or title: the answer itself tells when about:robots is there.
  page.goto('about:robots', { timeout: 0 }).catch(() => {});
  const refused = await waitUntil('about:robots to be refused', async () => {
    const reply = await insert();
    return reply.error?.code === 'tab-access-missing' ? undefined : reply;
  });
  expect(refused).toMatchObject({ ok: false, error: { kind: 'permission-denied', code: 'page-forbids-extensions' } });
  expect(firefox.errors).toEqual([]);
});
