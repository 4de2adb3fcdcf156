// The extension in a Dutch Chromium (LANGUAGE=nl; Debian's chromium-l10n has the locale files): the
// default QR texts, the sandbox band, numbers and dates, the page's own placement, and the errors a
// user meets (from the sandbox server's faults and on a page that forbids extensions) are Dutch.
import type { Page } from '@playwright/test';
import { expect, test } from './harness';
import { dutchSweepProblems, ERROR_MESSAGE_KEYS, readMessages, SAMPLE_VALUES } from './dutch-sweep';
import { send, value } from './messaging';

test.use({ uiLanguage: 'nl' });

test.beforeEach(async ({ serviceWorker }) => {
  const language = await serviceWorker.evaluate(() => chrome.i18n.getUILanguage());
  expect(language, 'Chromium has no Dutch locale files: sudo apt-get install -y chromium-l10n').toBe('nl');
});

/** The alert's lines: headline, detail, KPN's words, hint, facts. */
const alertLines = (popup: Page) => popup.getByRole('alert').locator('p').allTextContents();

async function localSandbox(options: Page, baseUrl: string): Promise<void> {
  const { id } = await value<{ id: string }>(options, 'ui-bg-environment-save', { name: 'Lokale sandbox', baseUrl });
  await value(options, 'ui-bg-credentials-set', { environmentId: id, clientId: 'sandbox-client', clientSecret: 'sandbox-secret' });
}

test('the browser speaks Dutch to the extension, and the form, the QR and its numbers are Dutch', async ({ serviceWorker, openPopup, openOptions }) => {
  expect(await serviceWorker.evaluate(() => chrome.i18n.getMessage('generate'))).toBe('Genereren');

  const { page: popup, errors } = await openPopup();
  await expect(popup.getByLabel('Titel')).toHaveValue('Inloggen met PiM');
  await expect(popup.getByLabel('Beschrijving')).toHaveValue('Scan deze code met de PiM-app om je gegevens te delen.');
  // The page says it is Dutch, so a screen reader reads it as Dutch; Options too (below).
  await expect(popup.locator('html')).toHaveAttribute('lang', 'nl');
  await popup.getByRole('button', { name: 'Genereren' }).click();
  await expect(popup.getByRole('img', { name: 'QR-voorbeeld' })).toBeVisible();
  // Sizes with a decimal comma: the sandbox SVG is some tens of kilobytes.
  await expect(popup.getByText(/^400×400 px · \d+,\d KB · [\d.]+ ms · Sandbox$/)).toBeVisible();
  await popup.getByRole('button', { name: 'Geschiedenis' }).click();
  // Dates as Dutch writes them: day-month-year.
  await expect(popup.getByText(/400×400 px · Sandbox · \d{1,2}-\d{1,2}-\d{4},? \d{1,2}:\d{2}/)).toBeVisible();

  // The band printed in the sandbox QR is the browser's language too.
  const { page: options } = await openOptions();
  await expect(options.locator('html')).toHaveAttribute('lang', 'nl');
  const { svg } = await value<{ svg: string }>(options, 'ui-bg-generate', {
    requestId: 'nl',
    environmentId: 'sandbox',
    params: { redirect: 1, title: 'Inloggen met PiM', description: '', attributes: ['Email'], width: 400, height: 400 },
  });
  expect(svg).toContain('SANDBOX · geen echte PiM-code');
  expect(errors).toEqual([]);
});

test('every error headline, detail and hint the browser serves is Dutch, and none repeats its headline', async ({ serviceWorker }) => {
  const shown = await serviceWorker.evaluate(readMessages, { keys: ERROR_MESSAGE_KEYS, samples: SAMPLE_VALUES });
  expect(ERROR_MESSAGE_KEYS.length).toBeGreaterThan(100);
  expect(dutchSweepProblems(shown)).toEqual([]);
});

test('errors from the API are Dutch: headline, detail, KPN’s quoted words, hint and numbers', async ({ sandbox, openPopup, openOptions }) => {
  test.setTimeout(90_000);
  const { page: options } = await openOptions();
  await localSandbox(options, sandbox.url);
  const { page: popup, errors } = await openPopup();
  await popup.getByLabel('Omgeving').selectOption({ label: 'Lokale sandbox' });
  // The alert of the previous fault stays until the next one replaces it: wait for the new words.
  const generate = async (faults: string[]) => {
    sandbox.handler.configure({ faults });
    await popup.getByRole('button', { name: 'Genereren' }).click();
  };
  const alert = () => expect.poll(() => alertLines(popup), { timeout: 30_000 });

  await generate(['unauthorized']);
  await alert().toEqual([
    'KPN heeft het toegangstoken afgewezen.',
    'De client-ID en het client-secret zijn geaccepteerd, maar KPN weigert zelfs een vers uitgegeven token.',
    'KPN zegt: “Invalid access token”',
    'Is de app geabonneerd op het product PiM ID in de KPN API Store?',
    'HTTP 401',
  ]);
  await generate(['server-error=503']);
  await alert().toEqual([
    'De KPN-dienst had een probleem.',
    'De KPN-gateway kon de dienst niet bereiken.',
    expect.stringMatching(/^KPN zegt: “.+”$/),
    'Probeer het over een minuut opnieuw; blijft het misgaan, neem dan contact op met KPN-support en geef het transactie-ID door.',
    expect.stringMatching(/^HTTP 503/),
  ]);
  await generate(['delay=30000']);
  await alert().toEqual([
    'De API deed er te lang over om te antwoorden.',
    'Binnen 20 s kwam er geen antwoord.',
    'Probeer het opnieuw; gebeurt dit vaker, dan is de dienst mogelijk traag of onbereikbaar.',
  ]);
  // The request log: durations with Dutch thousands, the kind in Dutch.
  await popup.getByRole('button', { name: 'Verzoekenlog' }).click();
  await expect(popup.getByText(/geen antwoord · \d{2}\.\d{3} ms · De API deed er te lang over om te antwoorden\./)).toBeVisible();
  expect(errors).toEqual([]);
});

test('insert on a page that forbids extensions says why in Dutch; a placed QR speaks Dutch in the page', async ({ context, serviceWorker, sandbox, openPopup }) => {
  const chromePage = await context.newPage();
  await chromePage.goto('chrome://version/');
  const chromeTab = await serviceWorker.evaluate(async () => (await chrome.tabs.query({})).find((t) => t.url?.startsWith('chrome://version'))?.id);
  const { page: popup, errors } = await openPopup({ tab: String(chromeTab) });
  await popup.getByRole('button', { name: 'Genereren' }).click();
  await popup.getByRole('button', { name: 'In pagina plaatsen' }).click();
  await expect(popup.getByRole('alert')).toBeVisible();
  expect(await alertLines(popup)).toEqual([
    'Deze pagina staat geen extensies toe.',
    'Browsers houden extensies weg van hun eigen pagina’s (zoals chrome://- en about:-pagina’s) en van hun extensiewinkels.',
    'Open de webpagina waarmee je wilt werken en probeer het dan opnieuw.',
  ]);
  // The fix is not in Options, so the alert does not send the user there.
  await expect(popup.getByRole('alert').getByRole('button')).toHaveCount(0);

  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo/login.html`);
  const tabId = await serviceWorker.evaluate(async (href) => (await chrome.tabs.query({})).find((t) => t.url === href)?.id, page.url());
  const { page: aimed } = await openPopup({ tab: String(tabId) });
  await aimed.getByRole('button', { name: 'Genereren' }).click();
  await aimed.getByRole('button', { name: 'In pagina plaatsen' }).click();
  await expect(aimed.getByRole('status')).toHaveText('In de pagina geplaatst.');
  await expect(page.locator('[data-pim-qr-placement]')).toHaveAttribute('aria-label', 'PiM QR-plaatsing');
  // The wrong selector is the user's own words, inside Dutch ones.
  sandbox.handler.configure({ faults: [] });
  const refused = await send(aimed, 'ui-bg-place', { tabId, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', mode: 'replace', selector: '#nergens' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'selector-no-match', params: { selector: '#nergens' } } });
  expect(errors).toEqual([]);
});
