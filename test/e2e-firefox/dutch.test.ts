// The extension in a Dutch Firefox (the app locale follows intl.locale.requested once the Dutch
// language pack is installed, Debian's firefox-esr-l10n-nl): the default QR texts, the sandbox band,
// numbers and dates, and the errors a user meets (from the sandbox server's faults and on a page that
// forbids extensions) are Dutch.
import type { Page } from 'puppeteer-core';
import { choose, click, role, textOf, valueOf, waitUntil } from '../../scripts/firefox-ui';
import { describe } from 'vitest';
import { dutchSweepProblems, ERROR_MESSAGE_KEYS, readMessages, SAMPLE_VALUES } from '../e2e/dutch-sweep';
import { type ExtensionPages, expect, test } from './harness';
import { type PopupNames, pressGenerate, SANDBOX_CLIENT_ID, SANDBOX_SECRET } from './journeys';

const DUTCH: PopupNames = { generate: 'Genereren', preview: 'QR-voorbeeld' };

async function expectDutch(ext: ExtensionPages): Promise<void> {
  const language = await ext.inExtension(() => chrome.i18n.getUILanguage());
  expect(language, 'Firefox has no Dutch language pack: sudo apt-get install -y firefox-esr-l10n-nl').toBe('nl');
}

/** The alert's lines: headline, detail, KPN's words, hint, facts. */
const alertLines = async (popup: Page) => (await textOf(popup, role('alert'))).split(/\n+/).filter(Boolean);

describe('in Dutch', () => {
  test.override('firefoxPrefs', { 'intl.locale.requested': 'nl' });

  test('the browser speaks Dutch to the extension, and the form, the QR and its numbers are Dutch', async ({ firefox, ext }) => {
    await expectDutch(ext);
    expect(await ext.inExtension(() => chrome.i18n.getMessage('generate'))).toBe('Genereren');
    const popup = await ext.openPopup();
    expect(await valueOf(popup, role('textbox', 'Titel'))).toBe('Inloggen met PiM');
    // The page says it is Dutch, so a screen reader reads it as Dutch; Options too.
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await (await ext.openOptions()).evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await valueOf(popup, role('textbox', 'Beschrijving'))).toBe('Scan deze code met de PiM-app om je gegevens te delen.');
    expect(await pressGenerate(popup, 25_000, DUTCH)).toEqual({ ok: true });
    // Sizes with a decimal comma: the sandbox SVG is some tens of kilobytes.
    expect(await textOf(popup, 'body')).toMatch(/400×400 px · \d+,\d KB · [\d.]+ ms · Sandbox/);
    await click(popup, role('button', 'Geschiedenis'));
    // Dates as Dutch writes them: day-month-year.
    await expect.poll(() => textOf(popup, 'body')).toMatch(/400×400 px · Sandbox · \d{1,2}-\d{1,2}-\d{4},? \d{1,2}:\d{2}/);
    // Buttons named after what they act on, in Dutch, the time as Dutch writes it.
    const buttonNames = (selector: string) => popup.$$eval(selector, (buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
    expect(await buttonNames('.history-row button[aria-label]')).toEqual([expect.stringMatching(/^Inloggen met PiM van \d{1,2}-\d{1,2}-\d{4},? \d{1,2}:\d{2} verwijderen$/)]);
    await click(popup, role('button', 'Verzoekenlog'));
    await expect.poll(() => buttonNames('.log-list button[aria-label]')).toEqual([
      expect.stringMatching(/^Kopiëren als cURL: POST \/kpn\/qrcodegenerator\/image om \d{1,2}:\d{2}:\d{2}$/),
      expect.stringMatching(/^Kopiëren als code, JavaScript \(fetch\): POST \/kpn\/qrcodegenerator\/image om \d{1,2}:\d{2}:\d{2}$/),
      expect.stringMatching(/^Kopiëren als cURL: POST \/oauth\/client_credential\/accesstoken om \d{1,2}:\d{2}:\d{2}$/),
      expect.stringMatching(/^Kopiëren als code, JavaScript \(fetch\): POST \/oauth\/client_credential\/accesstoken om \d{1,2}:\d{2}:\d{2}$/),
    ]);

    const { svg } = await ext.value<{ svg: string }>('ui-bg-generate', {
      requestId: 'nl',
      environmentId: 'sandbox',
      params: { redirect: 1, title: 'Inloggen met PiM', description: '', attributes: ['Email'], width: 400, height: 400 },
    });
    expect(svg).toContain('SANDBOX · geen echte PiM-code');
    expect(firefox.errors).toEqual([]);
  });

  test('every error headline, detail and hint the browser serves is Dutch, and none repeats its headline', async ({ ext }) => {
    await expectDutch(ext);
    const shown = await ext.inExtension(readMessages, { keys: ERROR_MESSAGE_KEYS, samples: SAMPLE_VALUES });
    expect(ERROR_MESSAGE_KEYS.length).toBeGreaterThan(100);
    expect(dutchSweepProblems(shown)).toEqual([]);
  });

  test('errors from the API are Dutch: headline, detail, KPN’s quoted words, hint and numbers', { timeout: 90_000 }, async ({ firefox, sandbox, ext }) => {
    await expectDutch(ext);
    const { id } = await ext.value<{ id: string }>('ui-bg-environment-save', { name: 'Lokale sandbox', baseUrl: sandbox.url });
    await ext.value('ui-bg-credentials-set', { environmentId: id, clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_SECRET });
    const popup = await ext.openPopup();
    await choose(popup, role('combobox', 'Omgeving'), 'Lokale sandbox');
    const failWith = async (faults: string[]) => {
      sandbox.handler.configure({ faults });
      const outcome = await pressGenerate(popup, 35_000, DUTCH);
      expect(outcome, faults.join()).toMatchObject({ ok: false });
      return alertLines(popup);
    };

    expect(await failWith(['unauthorized'])).toEqual([
      'KPN heeft het toegangstoken afgewezen.',
      'De client-ID en het client-secret zijn geaccepteerd, maar KPN weigert zelfs een vers uitgegeven token.',
      'KPN zegt: “Invalid access token”',
      'Is de app geabonneerd op het product PiM ID in de KPN API Store?',
      'HTTP 401',
    ]);
    expect(await failWith(['server-error=503'])).toEqual([
      'De KPN-dienst had een probleem.',
      'De KPN-gateway kon de dienst niet bereiken.',
      expect.stringMatching(/^KPN zegt: “.+”$/),
      'Probeer het over een minuut opnieuw; blijft het misgaan, neem dan contact op met KPN-support en geef het transactie-ID door.',
      expect.stringMatching(/^HTTP 503/),
    ]);
    expect(await failWith(['delay=30000'])).toEqual([
      'De API deed er te lang over om te antwoorden.',
      'Binnen 20 s kwam er geen antwoord.',
      'Probeer het opnieuw; gebeurt dit vaker, dan is de dienst mogelijk traag of onbereikbaar.',
    ]);
    // The request log: durations with Dutch thousands, the kind in Dutch.
    await click(popup, role('button', 'Verzoekenlog'));
    await expect.poll(() => textOf(popup, 'body')).toMatch(/geen antwoord · \d{2}\.\d{3} ms · De API deed er te lang over om te antwoorden\./);
    expect(firefox.errors).toEqual([]);
  });

  test('insert on a page that forbids extensions says why in Dutch', async ({ firefox, ext }) => {
    await expectDutch(ext);
    const tabIds = () => ext.inExtension(async () => (await chrome.tabs.query({})).map((tab) => tab.id));
    const before = await tabIds();
    const page = await firefox.newPage();
    const tabId = (await tabIds()).find((tabIdNow) => !before.includes(tabIdNow));
    // Firefox's BiDi reports no navigation to its own about: pages, and the extension may not read
    // their address: the worker's answer tells when about:robots is there (as in placement.test.ts).
    page.goto('about:robots', { timeout: 0 }).catch(() => {});
    await waitUntil('about:robots to be refused', async () => {
      const reply = await ext.send('ui-bg-place', { tabId, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', mode: 'floating' });
      return reply.error?.code === 'page-forbids-extensions' ? true : undefined;
    });
    const popup = await ext.openPopup({ tab: String(tabId) });
    expect(await pressGenerate(popup, 25_000, DUTCH)).toEqual({ ok: true });
    await click(popup, role('button', 'In pagina plaatsen'));
    await expect.poll(() => alertLines(popup)).toEqual([
      'Deze pagina staat geen extensies toe.',
      'Browsers houden extensies weg van hun eigen pagina’s (zoals chrome://- en about:-pagina’s) en van hun extensiewinkels.',
      'Open de webpagina waarmee je wilt werken en probeer het dan opnieuw.',
    ]);
    expect(firefox.errors).toEqual([]);
  });
});
