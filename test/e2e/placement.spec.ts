// Placing the QR on real pages in Chromium: insert, move, resize, nudge, remove, pick and replace,
// selectors, several at once, a strict CSP, remembered placements across reloads and SPA routes,
// the context menu, hostile SVGs, and a screenshot that still scans.
import type { Locator, Page, Worker } from '@playwright/test';
import { DEFAULT_PARAMS, type QrParams } from '../../src/core/params';
import { DOM_DEBOUNCE_MS } from '../../src/content/page-watch';
import { sandboxQrUrl } from '../../src/core/sandbox/render';
import { hostileSvgCorpus } from '../fixtures/hostile-svg/corpus';
import { styleAttackCorpus } from '../fixtures/hostile-svg/style-attacks';
import { expect, test } from './harness';
import { send, value } from './messaging';
import { box, generate, openDemo, placements } from './placements';
import { clickOnScreen, computedStyleOnScreen, expectTextOnScreen, onScreen } from './on-screen';
import { PNG } from 'pngjs';
import { decodeQrPng } from './png';
import { attackPlacement, busyPageWithLateSlot, hookShadowRoots } from './page-attacks';

/** What the browser does when the user chooses one of our context-menu items in the tab. */
function menuClick(serviceWorker: Worker, tabId: number, menuItemId: string, extra: Record<string, unknown> = {}): Promise<void> {
  return serviceWorker.evaluate(
    async ([id, item, more]) => {
      const tab = await chrome.tabs.get(id);
      (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(
        { menuItemId: item, editable: false, pageUrl: tab.url, frameId: 0, ...more },
        tab,
      );
    },
    [tabId, menuItemId, extra] as const,
  );
}

/** The remembered placements as the extension stored them. */
async function storedPlacements(serviceWorker: Worker): Promise<Record<string, unknown>[]> {
  const stored = (await serviceWorker.evaluate(() => chrome.storage.local.get('placements'))) as { placements?: { items?: Record<string, unknown>[] } };
  return stored.placements?.items ?? [];
}

/** A person's press on the middle of a placement: it takes the focus without moving it. */
async function pressOn(page: Page, placement: Locator): Promise<void> {
  const b = await box(placement);
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}

/** Decodes the QR in a screenshot of the element. */
async function decode(locator: Locator): Promise<string | undefined> {
  return decodeQrPng(await locator.screenshot());
}

test.describe('placing a QR', () => {
  test('the popup opened for a tab generates and inserts the QR into that page', async ({ context, serviceWorker, sandbox, openPopup }) => {
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    const { page: popup, errors } = await openPopup({ tab: String(tabId) });
    await popup.getByRole('button', { name: 'Generate' }).click();
    await popup.getByRole('button', { name: 'Insert into page' }).click();
    await expect(placements(page)).toHaveCount(1);
    await page.bringToFront();
    await page.mouse.move(0, 0);
    expect(await decode(placements(page))).toBe(sandboxQrUrl(DEFAULT_PARAMS.redirect, DEFAULT_PARAMS.attributes));
    expect(errors).toEqual([]);
  });

  test('insert floating, drag it, resize it from the corner, nudge it with the keyboard, remove it', async ({
    context,
    serviceWorker,
    sandbox,
    openOptions,
  }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    const svg = await generate(ext);
    expect(await value(ext, 'ui-bg-place', { tabId, svg, mode: 'floating' })).toMatchObject({ tabId, picking: false, remembered: false });
    await page.bringToFront();

    const placement = placements(page);
    await expect(placement).toHaveCount(1);
    await expect(placement).toHaveAttribute('role', 'group');
    await expect(placement).toHaveAttribute('aria-label', 'PiM QR placement');
    await onScreen(page, 'image', /PiM QR code/);
    const start = await box(placement);
    expect(start).toMatchObject({ width: 400, height: 400 });

    // Drag from the middle of the QR.
    await page.mouse.move(start.x + 200, start.y + 200);
    await page.mouse.down();
    await page.mouse.move(start.x + 200 - 120, start.y + 200 + 30, { steps: 6 });
    await page.mouse.up();
    const moved = await box(placement);
    expect(moved).toEqual({ ...start, x: start.x - 120, y: start.y + 30 });

    // The corner handle keeps the aspect ratio.
    await page.mouse.move(moved.x + 100, moved.y + 100);
    const { box: corner } = await onScreen(page, 'button', 'Resize QR');
    await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
    await page.mouse.down();
    await page.mouse.move(corner.x + corner.width / 2 - 150, corner.y + corner.height / 2 - 60, { steps: 6 });
    await page.mouse.up();
    const resized = await box(placement);
    expect(resized).toEqual({ x: moved.x, y: moved.y, width: 340, height: 340 });

    // Arrow keys nudge 1 px, Shift+arrow 10 px, when the person gave the placement the focus (a press on it).
    await pressOn(page, placement);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await box(placement)).toEqual({ ...resized, x: resized.x + 2, y: resized.y + 9 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    // The scannability badge tells the size in CSS and device pixels.
    await placement.hover();
    await expect(placement).toHaveAttribute('aria-description', /^340×340 CSS px · 340×340 device px/);

    await clickOnScreen(page, 'button', 'Remove QR');
    await expect(placement).toHaveCount(0);
  });

  test('the toolbar fades the QR and pins it to the element under it', async ({ context, serviceWorker, sandbox, openOptions }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    await page.setViewportSize({ width: 1280, height: 500 });
    await value(ext, 'ui-bg-place', { tabId, svg: await generate(ext, { ...DEFAULT_PARAMS, width: 200, height: 200 }), mode: 'floating' });
    await page.bringToFront();
    const placement = placements(page);
    await placement.hover();
    // The slider goes from 10 to 100 in steps of 5: a click focuses it, Home and six steps make 40.
    await clickOnScreen(page, 'slider', 'Opacity');
    await page.keyboard.press('Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await expect(placement).toHaveCSS('opacity', '0.4');
    await expect(placement).toHaveAttribute('data-scan', /transparent/);
    await page.keyboard.press('End');
    await expect(placement).toHaveCSS('opacity', '1');

    // The icons are drawn as SVG strokes in the button's white, with or without an emoji font. Without
    // one, an emoji pin is an empty box: its top edge would be a full line, the pin's is a round tip.
    for (const name of ['Pin to element', 'Remove QR']) {
      const { box: button } = await onScreen(page, 'button', name);
      const shot = PNG.sync.read(await page.screenshot({ clip: button }));
      const light = (x: number, y: number) => Math.min(...shot.data.subarray((y * shot.width + x) * 4, (y * shot.width + x) * 4 + 3)) > 180;
      const points = Array.from({ length: shot.width * shot.height }, (_, i) => ({ x: i % shot.width, y: Math.floor(i / shot.width) })).filter((p) => light(p.x, p.y));
      expect(points.length, `${name} shows its icon`).toBeGreaterThan(10);
      const top = Math.min(...points.map((p) => p.y));
      const [left, right] = [Math.min(...points.map((p) => p.x)), Math.max(...points.map((p) => p.x))];
      expect(points.filter((p) => p.y === top).length, `${name}: an icon, not an empty box`).toBeLessThan(0.6 * (right - left + 1));
    }

    const pressed = async () => (await onScreen(page, 'button', 'Pin to element')).properties.pressed;
    await expect.poll(pressed).toBe('false');
    await clickOnScreen(page, 'button', 'Pin to element');
    await expect.poll(pressed).toBe('true');
    const before = await box(placement);
    await page.mouse.wheel(0, 120);
    await expect.poll(async () => (await box(placement)).y).toBe(before.y - 120);
    await clickOnScreen(page, 'button', 'Pin to element');
    await expect.poll(pressed).toBe('false');
  });

  test('pick an element and replace it; Esc cancels picking', async ({ context, serviceWorker, sandbox, openOptions }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    const svg = await generate(ext);
    const slot = page.locator('#pim-qr-slot');
    const slotBox = await box(slot);

    // Cancel first.
    expect(await value(ext, 'ui-bg-place', { tabId, svg, mode: 'replace', pick: true })).toMatchObject({ tabId, picking: true, remembered: false });
    await page.bringToFront();
    await expectTextOnScreen(page, /Esc cancels/);
    await page.keyboard.press('Escape');
    await expectTextOnScreen(page, /Esc cancels/, 0);
    await expect(placements(page)).toHaveCount(0);

    const picked = await value<{ placementId: string }>(ext, 'ui-bg-place', { tabId, svg, mode: 'replace', pick: true });
    await page.bringToFront();
    await page.mouse.move(slotBox.x + 20, slotBox.y + 20);
    await expectTextOnScreen(page, /^#pim-qr-slot · 240×240$/);
    await page.mouse.click(slotBox.x + 20, slotBox.y + 20);

    const placement = placements(page);
    await expect(placement).toHaveCount(1);
    await expect(placement).toHaveAttribute('data-pim-qr-placement', picked.placementId);
    await expect(slot).toBeHidden();
    expect(await box(placement)).toEqual(slotBox);
    expect(await decode(placement)).toBe(sandboxQrUrl(DEFAULT_PARAMS.redirect, DEFAULT_PARAMS.attributes));

    await placement.hover();
    await clickOnScreen(page, 'button', 'Remove QR');
    await expect(placements(page)).toHaveCount(0);
    await expect(slot).toBeVisible();
    expect(await slot.evaluate((e) => (e as HTMLElement).style.display)).toBe('');
  });

  test('insert by CSS selector, two placements at once, and a clear error for a selector that matches nothing', async ({
    context,
    serviceWorker,
    sandbox,
    openOptions,
  }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    const svg = await generate(ext);
    const inside = await value<{ placementId: string }>(ext, 'ui-bg-place', { tabId, svg, mode: 'inside', selector: '#pim-qr-slot' });
    const floating = await value<{ placementId: string }>(ext, 'ui-bg-place', { tabId, svg, mode: 'floating' });
    expect(inside.placementId).not.toBe(floating.placementId);
    await expect(placements(page)).toHaveCount(2);
    const inSlot = page.locator('#pim-qr-slot > [data-pim-qr-placement]');
    await expect(inSlot).toHaveAttribute('data-pim-qr-placement', inside.placementId);
    expect(await box(inSlot)).toMatchObject({ width: 236, height: 236 });

    const replaced = await value(ext, 'ui-bg-place', { tabId, svg, mode: 'replace', selector: 'form button[type="submit"]' });
    expect(replaced).toMatchObject({ picking: false });
    await expect(placements(page)).toHaveCount(3);
    await expect(page.locator('form button[type="submit"]')).toBeHidden();

    const missing = await send(ext, 'ui-bg-place', { tabId, svg, mode: 'replace', selector: '#does-not-exist' });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'invalid-parameters', code: 'selector-no-match', params: { selector: '#does-not-exist' } } });
    const invalid = await send(ext, 'ui-bg-place', { tabId, svg, mode: 'inside', selector: 'div[' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'selector-invalid', params: { selector: 'div[' } } });
    await expect(placements(page)).toHaveCount(3);
  });

  test('the strict-CSP page still shows a scannable QR, with no CSP complaint', async ({ context, serviceWorker, sandbox, openOptions }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/strict-csp.html`);
    const csp: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) csp.push(message.text());
    });
    const params = { ...DEFAULT_PARAMS, attributes: ['Email', 'FamilyName'] as QrParams['attributes'] };
    await value(ext, 'ui-bg-place', { tabId, svg: await generate(ext, params), mode: 'replace', selector: '#pim-qr-slot' });
    await page.bringToFront();
    const placement = placements(page);
    await expect(placement).toBeVisible();
    await page.mouse.move(0, 0);
    expect(await decode(placement)).toBe(sandboxQrUrl(DEFAULT_PARAMS.redirect, ['Email', 'FamilyName']));
    // The toolbar's look comes from an adopted stylesheet, which CSP does not block.
    await placement.hover();
    await onScreen(page, 'button', 'Remove QR');
    expect(await computedStyleOnScreen(page, 'button', 'Remove QR', 'border-top-left-radius')).toBe('4px');
    expect(csp).toEqual([]);
  });

  test('a screenshot of the placed QR decodes back to the sandbox URL', async ({ context, serviceWorker, sandbox, openOptions }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    const params: QrParams = { ...DEFAULT_PARAMS, redirect: 1, attributes: ['FirstName', 'Email', 'Mobile'], width: 300, height: 300 };
    await value(ext, 'ui-bg-place', { tabId, svg: await generate(ext, params), mode: 'floating' });
    await page.bringToFront();
    await page.mouse.move(0, 0);
    const placement = placements(page);
    await expect(placement).toHaveAttribute('data-scan', 'ok');
    expect(await decode(placement)).toBe(sandboxQrUrl(params.redirect, params.attributes));
  });

  test('the scannability hint warns when modules are under 2 device px or something covers the QR', async ({
    context,
    serviceWorker,
    sandbox,
    openOptions,
  }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    await value(ext, 'ui-bg-place', { tabId, svg: await generate(ext), mode: 'floating' });
    await page.bringToFront();
    const placement = placements(page);
    await expect(placement).toHaveAttribute('data-scan', 'ok');
    await placement.hover();
    const { box: corner } = await onScreen(page, 'button', 'Resize QR');
    await page.mouse.move(corner.x + 9, corner.y + 9);
    await page.mouse.down();
    await page.mouse.move(corner.x + 9 - 320, corner.y + 9 - 320, { steps: 4 });
    await page.mouse.up();
    expect(await box(placement)).toMatchObject({ width: 80, height: 80 });
    await expect(placement).toHaveAttribute('data-scan', /too-small/);
    await expect(placement).toHaveAttribute('aria-description', /QR modules are only [\d.]+ device px \(below 2\)/);
    await expectTextOnScreen(page, /QR modules are only/);

    await page.evaluate(() => {
      const cover = document.createElement('div');
      cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.1)';
      document.body.append(cover);
    });
    await expect(placement).toHaveAttribute('data-scan', /covered/);
  });

  test('injecting twice leaves one controller that cannot read extension storage; a chrome:// page is refused clearly', async ({ context, serviceWorker, sandbox, openOptions }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    await serviceWorker.evaluate(async (id) => {
      for (let i = 0; i < 3; i++) await chrome.scripting.executeScript({ target: { tabId: id }, files: ['src/content/content-script.js'] });
    }, tabId);
    await value(ext, 'ui-bg-place', { tabId, svg: await generate(ext), mode: 'floating' });
    await expect(placements(page)).toHaveCount(1);

    // The injected script's world cannot read extension storage (credentials live in storage.local).
    const [read] = await serviceWorker.evaluate(
      (id) =>
        chrome.scripting.executeScript({
          target: { tabId: id },
          func: async () => {
            try {
              return JSON.stringify(await chrome.storage.local.get(null));
            } catch (error) {
              return `refused: ${String(error)}`;
            }
          },
        }),
      tabId,
    );
    expect(read?.result).toMatch(/^refused: .*not allowed/);

    const chromePage = await context.newPage();
    await chromePage.goto('chrome://version/');
    const chromeTab = await serviceWorker.evaluate(async () => (await chrome.tabs.query({})).find((t) => t.url?.startsWith('chrome://version') || t.pendingUrl?.startsWith('chrome://version'))?.id);
    const refused = await send(ext, 'ui-bg-place', { tabId: chromeTab, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', mode: 'floating' });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: 'permission-denied', code: 'page-forbids-extensions' },
    });
  });
});

test.describe('remembered placements', () => {
  test('return after a reload, are listed for the site, and are forgotten', async ({ context, serviceWorker, sandbox, openOptions }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    const svg = await generate(ext);
    const placed = await value<{ placementId: string; remembered: boolean }>(ext, 'ui-bg-place', {
      tabId,
      svg,
      mode: 'replace',
      selector: '#pim-qr-slot',
      remember: true,
    });
    expect(placed.remembered).toBe(true);
    const scripts = await serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts).toMatchObject([{ id: 'pim-qr-remembered', matches: ['http://127.0.0.1/*'], persistAcrossSessions: true }]);

    await page.reload();
    const placement = placements(page);
    await expect(placement).toHaveAttribute('data-pim-qr-placement', placed.placementId);
    await expect(page.locator('#pim-qr-slot')).toBeHidden();

    const list = await value<{ origin: string; placements: { id: string; onThisPage: boolean; selector: string }[] }>(ext, 'ui-bg-placements-list', { tabId });
    expect(list).toMatchObject({ origin: sandbox.url, page: `${sandbox.url}/demo/login.html` });
    expect(list.placements).toMatchObject([{ id: placed.placementId, onThisPage: true, selector: '#pim-qr-slot', mode: 'replace' }]);

    // Moving a remembered floating QR is remembered too.
    const floating = await value<{ placementId: string }>(ext, 'ui-bg-place', { tabId, svg, mode: 'floating', remember: true });
    await page.bringToFront();
    const second = page.locator(`[data-pim-qr-placement="${floating.placementId}"]`);
    await pressOn(page, second);
    await page.keyboard.press('Shift+ArrowLeft');
    const movedTo = await box(second);
    await expect.poll(async () => (await serviceWorker.evaluate(() => chrome.storage.local.get('placements'))) as unknown).toMatchObject({
      placements: { items: [{}, { position: { x: movedTo.x, y: movedTo.y } }] },
    });
    await page.reload();
    await expect(placements(page)).toHaveCount(2);
    expect(await box(page.locator(`[data-pim-qr-placement="${floating.placementId}"]`))).toEqual(movedTo);

    const afterForget = await value<{ placements: unknown[] }>(ext, 'ui-bg-placement-forget', { id: floating.placementId, tabId });
    expect(afterForget.placements).toHaveLength(1);
    await expect(placements(page)).toHaveCount(1);
    const cleared = await value<{ placements: unknown[] }>(ext, 'ui-bg-placements-forget-page', { tabId });
    expect(cleared.placements).toEqual([]);
    await expect(placements(page)).toHaveCount(0);
    await expect(page.locator('#pim-qr-slot')).toBeVisible();
    expect(await serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    await page.reload();
    await page.waitForTimeout(300);
    await expect(placements(page)).toHaveCount(0);
  });

  test('return after a single-page-app route change that re-renders the target', async ({ context, serviceWorker, sandbox, openOptions }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/spa.html`);
    await page.getByRole('link', { name: 'Login' }).click();
    await expect(page).toHaveURL(/\/demo\/spa\/login$/);
    const placed = await value<{ placementId: string }>(ext, 'ui-bg-place', {
      tabId,
      svg: await generate(ext),
      mode: 'replace',
      selector: '#pim-qr-slot',
      remember: true,
    });
    await page.bringToFront();
    const placement = page.locator(`[data-pim-qr-placement="${placed.placementId}"]`);
    await expect(placement).toHaveCount(1);

    // Home: the route has no slot and the placement belongs to another page.
    await page.getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome to Voorbeeld Shop' })).toBeVisible();
    await expect(placement).toHaveCount(0);

    // Back to Login: new DOM nodes, and the QR takes the new slot's place.
    await page.getByRole('link', { name: 'Login' }).click();
    await expect(placement).toHaveCount(1);
    await expect(page.locator('#pim-qr-slot')).toBeHidden();

    // The framework re-renders the same route: the slot is replaced again, so is the QR.
    const renders = Number(await page.locator('body').getAttribute('data-renders'));
    await page.getByRole('link', { name: 'Login' }).click();
    await expect(page.locator('body')).toHaveAttribute('data-renders', String(renders + 1));
    await expect(placement).toHaveCount(1);
    await expect(page.locator('#pim-qr-slot')).toBeHidden();

    // History back and forward (popstate).
    await page.goBack();
    await expect(placement).toHaveCount(0);
    await page.goForward();
    await expect(placement).toHaveCount(1);

    // A fresh load of the deep link restores it through the registered script.
    await page.reload();
    await expect(placement).toHaveCount(1);
    await page.mouse.move(0, 0);
    expect(await decode(placement)).toBe(sandboxQrUrl(DEFAULT_PARAMS.redirect, DEFAULT_PARAMS.attributes));
  });

  test('come back on a page that changes every few milliseconds, and follow the target when it is rendered again', async ({
    context,
    serviceWorker,
    sandbox,
    openOptions,
  }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    const svg = await generate(ext);
    const inSlot = await value<{ placementId: string }>(ext, 'ui-bg-place', { tabId, svg, mode: 'replace', selector: '#pim-qr-slot', remember: true });
    const floating = await value<{ placementId: string }>(ext, 'ui-bg-place', { tabId, svg, mode: 'floating', remember: true });

    // From the next load on the page behaves like a busy app: a clock ticks into the DOM every few
    // milliseconds, and the QR slot is rendered only when the test says (again and again if asked).
    await page.addInitScript(busyPageWithLateSlot);
    await page.reload();
    await page.bringToFront();
    const renderSlot = () => page.evaluate(() => (window as { renderSlot?: () => void }).renderSlot?.());

    // The floating one needs no element: once it is back, the restore ran and found no slot.
    await expect(page.locator(`[data-pim-qr-placement="${floating.placementId}"]`)).toHaveCount(1);
    const slotted = page.locator(`[data-pim-qr-placement="${inSlot.placementId}"]`);
    await expect(slotted).toHaveCount(0);
    await renderSlot();
    const slot = page.locator('#pim-qr-slot');
    await expect(slotted).toHaveCount(1);
    await expect(slot).toBeHidden();

    // The app renders a new slot: the QR leaves the old one's place and takes the new one's.
    await renderSlot();
    await expect.poll(() => slot.evaluate((el) => [el.previousElementSibling?.getAttribute('data-pim-qr-placement'), (el as HTMLElement).style.display])).toEqual([
      inSlot.placementId,
      'none',
    ]);
    await expect(slotted).toHaveCount(1);

    // The page really kept changing: on average far more often than the DOM debounce.
    const { count, span } = await page.evaluate(() => {
      const ticks = (window as { ticks?: number[] }).ticks ?? [];
      return { count: ticks.length, span: (ticks.at(-1) ?? 0) - (ticks[0] ?? 0) };
    });
    expect(count).toBeGreaterThan(20);
    expect(span / count).toBeLessThan(DOM_DEBOUNCE_MS / 4);
  });

  test('pick-and-remember stores the picked element once it is chosen', async ({ context, serviceWorker, sandbox, openOptions }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    const placed = await value<{ placementId: string }>(ext, 'ui-bg-place', { tabId, svg: await generate(ext), mode: 'inside', pick: true, remember: true });
    await page.bringToFront();
    await page.locator('#pim-qr-slot').click({ position: { x: 10, y: 10 } });
    await expect(placements(page)).toHaveCount(1);
    await expect.poll(async () => (await value<{ placements: { id: string; selector?: string }[] }>(ext, 'ui-bg-placements-list', { tabId })).placements).toMatchObject([
      { id: placed.placementId, selector: '#pim-qr-slot', mode: 'inside' },
    ]);
    await page.reload();
    await expect(page.locator('#pim-qr-slot > [data-pim-qr-placement]')).toHaveCount(1);
  });
});

test.describe('context menu', () => {
  test('"Place PiM QR here" puts the last QR in place of the right-clicked element, or asks to pick it', async ({
    context,
    serviceWorker,
    sandbox,
    openOptions,
  }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    const dispatch = (menuItemId: string) => menuClick(serviceWorker, tabId, menuItemId);

    // Nothing generated yet: the page says so.
    await dispatch('pim-qr-place-over');
    await expectTextOnScreen(page, /Generate a QR code in the PiM QR popup first/);

    await generate(ext);
    // The controller is there now and recorded nothing: "over" asks the user to pick.
    await dispatch('pim-qr-place-over');
    await page.bringToFront();
    await expectTextOnScreen(page, /Esc cancels/);
    const slot = page.locator('#pim-qr-slot');
    const slotBox = await box(slot);
    await slot.click({ position: { x: 5, y: 5 } });
    const over = placements(page);
    await expect(over).toHaveCount(1);
    expect(await box(over)).toEqual(slotBox);
    await over.hover();
    expect((await onScreen(page, 'button', 'Pin to element')).properties.pressed).toBe('true');
    await clickOnScreen(page, 'button', 'Remove QR');
    await expect(over).toHaveCount(0);

    // A right-click the controller saw names the element exactly.
    await page.getByRole('heading', { name: 'Inloggen' }).click({ button: 'right' });
    await dispatch('pim-qr-place-replace');
    await expect(placements(page)).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeHidden();
  });

  test('finds a link from the menu data when nothing was recorded', async ({ context, serviceWorker, sandbox, openOptions }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    await generate(ext);
    const link = page.getByRole('link', { name: 'Wachtwoord vergeten?' });
    const linkUrl = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    await menuClick(serviceWorker, tabId, 'pim-qr-place-replace', { linkUrl, pageUrl: undefined });
    await expect(placements(page)).toHaveCount(1);
    await expect(link).toBeHidden();
  });
});

test.describe('scripts of the page', () => {
  test('cannot open, remove, fade, pin, move or resize a remembered placement; real input still can', async ({
    context,
    serviceWorker,
    sandbox,
    openOptions,
  }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    // A script on the site (an ad, say) hooks shadow-root creation to keep hold of every root.
    await page.evaluate(hookShadowRoots);
    const svg = await generate(ext, { ...DEFAULT_PARAMS, width: 200, height: 200 });
    await value(ext, 'ui-bg-place', { tabId, svg, mode: 'floating', remember: true });
    await page.bringToFront();
    const placement = placements(page);
    await expect(placement).toHaveCount(1);
    const start = await box(placement);
    const [before] = await storedPlacements(serviceWorker);
    expect(before).toMatchObject({ mode: 'floating', position: { x: start.x, y: start.y }, opacity: 1 });

    const seen = await page.evaluate(attackPlacement);
    expect(seen).toEqual({ shadowRoot: false, captured: 0 });
    await expect(placement).toHaveCount(1);
    expect(await box(placement)).toEqual(start);
    await expect(placement).toHaveCSS('opacity', '1');

    // The page aims the person's own keys at the QR: it moves the focus there on every key in its form.
    await page.evaluate(() => {
      const host = document.querySelector('[data-pim-qr-placement]') as HTMLElement;
      document.querySelector('#email')?.addEventListener('keydown', () => host.focus(), { capture: true });
    });
    await page.locator('#email').click();
    await page.keyboard.type('ab');
    for (const key of ['Backspace', 'Delete', 'Shift+ArrowLeft', 'Shift+ArrowDown']) await page.keyboard.press(key);
    await expect(placement).toHaveCount(1);
    expect(await box(placement)).toEqual(start);
    expect(await storedPlacements(serviceWorker)).toEqual([before]);

    // A real key press, after the person put the focus on the QR, moves it, and exactly that move is
    // stored: nothing the script did got through.
    await page.mouse.click(start.x + start.width / 2, start.y + start.height / 2);
    await page.keyboard.press('Shift+ArrowRight');
    const after = { x: start.x + 10, y: start.y };
    await expect.poll(async () => (await storedPlacements(serviceWorker))[0]?.position).toEqual(after);
    expect(await storedPlacements(serviceWorker)).toEqual([{ ...before, position: after }]);

    // And a real click on Remove QR removes it, and forgets it.
    await placement.hover();
    await clickOnScreen(page, 'button', 'Remove QR');
    await expect(placement).toHaveCount(0);
    await expect.poll(() => storedPlacements(serviceWorker)).toEqual([]);
  });

  test('cannot steer the element picker or choose where "Place PiM QR here" goes; real input still can', async ({
    context,
    serviceWorker,
    sandbox,
    openOptions,
  }) => {
    const { page: ext } = await openOptions();
    const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
    const svg = await generate(ext);
    await value(ext, 'ui-bg-place', { tabId, svg, mode: 'replace', pick: true });
    await page.bringToFront();
    await expectTextOnScreen(page, /Esc cancels/);
    const heading = page.getByRole('heading', { name: 'Inloggen' });
    const slot = page.locator('#pim-qr-slot');
    const slotBox = await box(slot);
    await page.mouse.move(slotBox.x + 20, slotBox.y + 20);
    await expectTextOnScreen(page, /^#pim-qr-slot · 240×240$/);

    // Made-up hover, Enter, arrows, click and Esc on the heading: the picker neither moves, chooses nor stops.
    await heading.evaluate((h) => {
      const rect = h.getBoundingClientRect();
      const at = { clientX: rect.left + 5, clientY: rect.top + 5, bubbles: true, composed: true, cancelable: true, view: window };
      h.dispatchEvent(new PointerEvent('pointermove', at));
      h.dispatchEvent(new MouseEvent('mouseover', at));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      for (const key of ['ArrowUp', 'ArrowLeft']) document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      h.dispatchEvent(new MouseEvent('click', at));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    await expectTextOnScreen(page, /^#pim-qr-slot · 240×240$/);
    await expectTextOnScreen(page, /Esc cancels/);
    await expect(placements(page)).toHaveCount(0);
    await expect(heading).toBeVisible();

    // The person's click chooses.
    await page.mouse.click(slotBox.x + 20, slotBox.y + 20);
    await expect(placements(page)).toHaveCount(1);
    await expect(slot).toBeHidden();

    // A made-up right-click does not name the element: the menu asks the person to pick instead.
    await heading.evaluate((h) => h.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true })));
    await menuClick(serviceWorker, tabId, 'pim-qr-place-replace');
    await expectTextOnScreen(page, /Esc cancels/);
    await expect(heading).toBeVisible();
    await expect(placements(page)).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expectTextOnScreen(page, /Esc cancels/, 0);

    // A real right-click does.
    await heading.click({ button: 'right' });
    await menuClick(serviceWorker, tabId, 'pim-qr-place-replace');
    await expect(heading).toBeHidden();
    await expect(placements(page)).toHaveCount(2);
  });
});

test('no hostile SVG runs script or loads anything, in the page or the extension page', async ({ context, serviceWorker, sandbox, openOptions }) => {
  test.setTimeout(90_000);
  const { page: ext, errors: extErrors } = await openOptions();
  const { page, tabId } = await openDemo(context, serviceWorker, `${sandbox.url}/demo/login.html`);
  const dialogs: string[] = [];
  const requests: string[] = [];
  const consoleLines: string[] = [];
  for (const p of [page, ext]) {
    p.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    p.on('console', (message) => consoleLines.push(message.text()));
  }
  context.on('request', (request) => {
    if (request.url().includes('/__sandbox/beacon')) requests.push(request.url());
  });
  await page.bringToFront();

  const corpus = [...hostileSvgCorpus(`${sandbox.url}/__sandbox/beacon`), ...styleAttackCorpus(`${sandbox.url}/__sandbox/beacon`)];
  expect(corpus.length).toBeGreaterThanOrEqual(25);
  const outcomes: Record<string, string> = {};
  for (const vector of corpus) {
    const reply = await send(ext, 'ui-bg-place', { tabId, svg: vector.svg, mode: 'floating' });
    if (reply.ok) {
      outcomes[vector.name] = 'rendered';
      const placement = placements(page).last();
      await expect(placement).toBeVisible();
      // Give handlers their chance: hover, click and wait for animations.
      const b = await box(placement);
      expect(b.width).toBeLessThanOrEqual(1280);
      expect(b.height).toBeLessThanOrEqual(720);
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
      await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
      await page.mouse.move(b.x + 5, b.y + b.height - 5);
    } else {
      outcomes[vector.name] = `refused: ${reply.error?.code ?? ''}`;
      expect(reply.error).toMatchObject({ kind: 'unreadable-response', code: 'svg-refused' });
    }
  }
  await page.waitForTimeout(500);
  const pwned = await page.evaluate(() => (window as { __pwned?: unknown }).__pwned);
  const extPwned = await ext.evaluate(() => (window as { __pwned?: unknown }).__pwned);
  expect({ pwned, extPwned, dialogs, requests, beacons: sandbox.handler.stats().beacons }).toEqual({
    pwned: undefined,
    extPwned: undefined,
    dialogs: [],
    requests: [],
    beacons: 0,
  });
  expect(consoleLines.filter((line) => /pwned/i.test(line))).toEqual([]);
  expect(extErrors).toEqual([]);
  // A <use> that repeats a <use> is refused before it can freeze the tab.
  expect(outcomes['<use> bomb']).toBe('refused: svg-refused');
  expect(outcomes['nothing but a script']).toMatch(/^refused/);
  expect(outcomes['script element']).toBe('rendered');
  // The layout-hijacking style stayed inside its own nested shadow root.
  expect(await page.locator('[data-pim-qr-placement]').count()).toBe(Object.values(outcomes).filter((o) => o === 'rendered').length);
  // The page itself is untouched: every vector was contained in its placement.
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
});
