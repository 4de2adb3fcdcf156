// What the scripts of a page can do to the QR placed in it, in Firefox: open its closed shadow root,
// fake clicks, keys and pointer events at a placement or at the element picker, or move the focus
// onto a placement while the person types (none of it does anything), and keep the DOM busy so that
// a remembered placement has to wait for its element (it still comes back). The person's real mouse
// and keyboard (puppeteer's input, which Firefox marks trusted) still work. Controls inside closed
// roots are found in Firefox's accessibility tree (scripts/firefox-on-screen.ts), never through
// anything a page could use.
import { clickOnScreen, onScreen, waitForTextOnScreen } from '../../scripts/firefox-on-screen';
import { count, waitUntil } from '../../scripts/firefox-ui';
import { DOM_DEBOUNCE_MS } from '../../src/content/page-watch';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { attackPlacement, busyPageWithLateSlot, hookShadowRoots } from '../e2e/page-attacks';
import { expect, test } from './harness';
import { PLACEMENT, box, placement, sandboxSvg, storedPlacements } from './placements';

/** Long enough for anything a fake event set off to show: a nudge is stored 300 ms after the last key. */
const settle = () => new Promise((resolveWait) => setTimeout(resolveWait, 600));

test('scripts of the page cannot open, remove, fade, pin, move or resize a remembered placement; real input still can', async ({
  firefox,
  ext,
}) => {
  const { page, tabId } = await ext.openDemo('/demo/login.html');
  // A script on the site (an ad, say) hooks shadow-root creation to keep hold of every root.
  await page.evaluate(hookShadowRoots);
  const svg = await sandboxSvg(ext, { ...DEFAULT_PARAMS, width: 200, height: 200 });
  await ext.value('ui-bg-place', { tabId, svg, mode: 'floating', remember: true });
  await page.bringToFront();
  const placed = await placement(page);
  const start = await box(placed);
  const [before] = await storedPlacements(ext);
  expect(before).toMatchObject({ mode: 'floating', position: { x: start.x, y: start.y }, opacity: 1 });

  const seen = await page.evaluate(attackPlacement);
  expect(seen).toEqual({ shadowRoot: false, captured: 0 });
  await settle();
  expect(await count(page, PLACEMENT)).toBe(1);
  expect(await box(placed)).toEqual(start);
  expect(await placed.evaluate((host) => getComputedStyle(host).opacity)).toBe('1');
  expect(await storedPlacements(ext)).toEqual([before]);
  // What a person sees of the controls is unchanged too: not pinned, fully opaque.
  await placed.hover();
  expect(await onScreen(page, 'button', 'Pin to element')).toMatchObject({ pressed: false });
  expect(await onScreen(page, 'slider', 'Opacity')).toMatchObject({ value: '100' });

  // The page aims the person's own keys at the QR: it moves the focus there on every key in its form.
  await page.evaluate(() => {
    const host = document.querySelector('[data-pim-qr-placement]') as HTMLElement;
    document.querySelector('#email')?.addEventListener('keydown', () => host.focus(), { capture: true });
  });
  await page.click('#email');
  await page.keyboard.type('ab');
  for (const key of ['Backspace', 'Delete'] as const) await page.keyboard.press(key);
  await page.keyboard.down('Shift');
  for (const key of ['ArrowLeft', 'ArrowDown'] as const) await page.keyboard.press(key);
  await page.keyboard.up('Shift');
  await settle();
  expect(await count(page, PLACEMENT)).toBe(1);
  expect(await box(placed)).toEqual(start);
  expect(await storedPlacements(ext)).toEqual([before]);

  // A real click on the QR gives it the focus, and a real key press moves it: exactly that move is
  // stored, so nothing the script did got through.
  await page.mouse.click(start.x + start.width / 2, start.y + start.height / 2);
  await page.keyboard.down('Shift');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.up('Shift');
  const after = { x: start.x + 10, y: start.y };
  await expect.poll(async () => (await storedPlacements(ext))[0]?.position).toEqual(after);
  expect(await storedPlacements(ext)).toEqual([{ ...before, position: after }]);
  expect(await box(placed)).toEqual({ ...start, ...after });

  // And a real click on Remove QR removes it, and forgets it.
  await placed.hover();
  await clickOnScreen(page, 'button', 'Remove QR');
  await waitUntil('the placement to go', async () => ((await count(page, PLACEMENT)) === 0 ? true : undefined));
  await placed.dispose();
  await expect.poll(() => storedPlacements(ext)).toEqual([]);
  expect(firefox.errors).toEqual([]);
});

test('scripts of the page cannot steer the element picker; a real click still chooses', async ({ firefox, ext }) => {
  const { page, tabId } = await ext.openDemo('/demo/login.html');
  await ext.value('ui-bg-place', { tabId, svg: await sandboxSvg(ext), mode: 'replace', pick: true });
  await page.bringToFront();
  await waitForTextOnScreen(page, /Esc cancels/);
  const slot = await placement(page, '#pim-qr-slot');
  const slotBox = await box(slot);
  await page.mouse.move(slotBox.x + 20, slotBox.y + 20);
  await waitForTextOnScreen(page, /^#pim-qr-slot · 240×240$/);

  // Made-up hover, Enter, arrows, click and Esc on the heading: the picker neither moves, chooses nor stops.
  await page.$eval('#login-title', (heading) => {
    const rect = heading.getBoundingClientRect();
    const at = { clientX: rect.left + 5, clientY: rect.top + 5, bubbles: true, composed: true, cancelable: true, view: window };
    heading.dispatchEvent(new PointerEvent('pointermove', at));
    heading.dispatchEvent(new MouseEvent('mouseover', at));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    for (const key of ['ArrowUp', 'ArrowLeft']) document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    heading.dispatchEvent(new MouseEvent('click', at));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
  });
  await settle();
  expect(await count(page, '[data-pim-qr-ui="picker"]')).toBe(1);
  expect(await count(page, PLACEMENT)).toBe(0);
  expect(await page.$eval('#login-title', (heading) => (heading as HTMLElement).innerText)).toBe('Inloggen');
  await waitForTextOnScreen(page, /^#pim-qr-slot · 240×240$/);
  await waitForTextOnScreen(page, /Esc cancels/);

  // The person's click chooses.
  await page.mouse.click(slotBox.x + 20, slotBox.y + 20);
  const placed = await placement(page);
  expect(await box(placed)).toMatchObject({ width: 240, height: 240 });
  expect(await slot.evaluate((element) => getComputedStyle(element).display)).toBe('none');
  expect(await count(page, '[data-pim-qr-ui="picker"]')).toBe(0);
  await Promise.all([slot.dispose(), placed.dispose()]);
  expect(firefox.errors).toEqual([]);
});

test('remembered placements come back on a page that changes every few milliseconds, and follow the target when it is rendered again', async ({
  firefox,
  ext,
}) => {
  const { page, tabId } = await ext.openDemo('/demo/login.html');
  const svg = await sandboxSvg(ext);
  const inSlot = await ext.value<{ placementId: string }>('ui-bg-place', { tabId, svg, mode: 'replace', selector: '#pim-qr-slot', remember: true });
  const floating = await ext.value<{ placementId: string }>('ui-bg-place', { tabId, svg, mode: 'floating', remember: true });

  // From the next load on the page behaves like a busy app: a clock ticks into the DOM every few
  // milliseconds, and the QR slot is rendered only when the test says (again and again if asked).
  await page.evaluateOnNewDocument(busyPageWithLateSlot);
  await page.reload();
  await page.bringToFront();
  const renderSlot = () => page.evaluate(() => (window as { renderSlot?: () => void }).renderSlot?.());
  const slotted = `[data-pim-qr-placement="${inSlot.placementId}"]`;

  // The floating one needs no element: once it is back, the restore ran and found no slot.
  await (await placement(page, `[data-pim-qr-placement="${floating.placementId}"]`)).dispose();
  expect(await count(page, slotted)).toBe(0);
  await renderSlot();
  const restored = await placement(page, slotted);
  expect(await page.$eval('#pim-qr-slot', (slot) => getComputedStyle(slot).display)).toBe('none');
  expect(await box(restored)).toMatchObject({ width: 240, height: 240 });
  await restored.dispose();

  // The app renders a new slot: the QR leaves the old one's place and takes the new one's.
  await renderSlot();
  await expect
    .poll(() => page.$eval('#pim-qr-slot', (slot) => [slot.previousElementSibling?.getAttribute('data-pim-qr-placement'), (slot as HTMLElement).style.display]))
    .toEqual([inSlot.placementId, 'none']);
  expect(await count(page, slotted)).toBe(1);

  // The page really kept changing: on average far more often than the DOM debounce.
  const { ticks, span } = await page.evaluate(() => {
    const all = (window as { ticks?: number[] }).ticks ?? [];
    return { ticks: all.length, span: (all.at(-1) ?? 0) - (all[0] ?? 0) };
  });
  expect(ticks).toBeGreaterThan(20);
  expect(span / ticks).toBeLessThan(DOM_DEBOUNCE_MS / 4);
  expect(firefox.errors).toEqual([]);
});
