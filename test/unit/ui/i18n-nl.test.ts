// @vitest-environment happy-dom
// The popup and options page in Dutch: the nl catalogue wired the way chrome.i18n reads it, so a
// Dutch user meets Dutch labels and error headlines, and never a key name or English UI text.
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import nl from '../../../public/_locales/nl/messages.json';
import { PimError } from '../../../src/core/errors';
import { setMessageLookup } from '../../../src/shared/i18n';
import { renderOptions } from '../options/render-options';
import { renderPopup } from '../popup/render-popup';
import { enMessage, formatMessage } from '../setup-i18n';
import { generateResult } from './fixtures';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const english: Record<string, Entry> = en;
const dutch: Record<string, Entry> = nl;

const nlMessage = (key: string, substitutions?: readonly string[]) => {
  const entry = dutch[key];
  return entry ? formatMessage(entry, substitutions) : '';
};

beforeEach(() => setMessageLookup(nlMessage));
afterEach(() => setMessageLookup(enMessage));

/**
 * What a user reads or hears: text, and the attributes screen readers and tooltips use. The QR
 * image is the API's (the sandbox titles it in English), so its markup is left out.
 */
function readable(): string {
  const root = document.body.cloneNode(true) as HTMLElement;
  for (const image of root.querySelectorAll('svg')) image.remove();
  const attributes = [...root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((element) =>
    ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? ''),
  );
  return [root.textContent ?? '', ...attributes].join('\n');
}

const asWord = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}_])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'u');

// Not a sentence: the language tag of the catalogue ("en"), a word Dutch text is full of.
const NOT_TEXT = new Set(['uiLanguage']);

/** Key names (t()'s fallback when a message is missing) and English messages that have a Dutch one. */
function leaks(text: string): string[] {
  const keys = Object.keys(english).filter((key) => asWord(key).test(text));
  const sentences = Object.entries(english)
    .filter(([key, entry]) => !NOT_TEXT.has(key) && !entry.placeholders && entry.message !== dutch[key]?.message)
    .map(([, entry]) => entry.message)
    .filter((message) => asWord(message).test(text));
  return [...keys, ...sentences];
}

describe('the popup in Dutch', () => {
  it('labels the form in Dutch', async () => {
    await renderPopup();
    expect(screen.getByRole('button', { name: 'Genereren' })).toBeTruthy();
    expect(screen.getByLabelText('Titel')).toBeTruthy();
    expect(screen.getByLabelText('Omgeving')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Attributen' })).toBeTruthy();
    // API attribute names are the API's spelling in every language.
    expect(screen.getByRole('checkbox', { name: 'Email' })).toBeTruthy();
    expect(leaks(readable())).toEqual([]);
  });

  it('reports a field error in Dutch', async () => {
    await renderPopup();
    fireEvent.input(screen.getByLabelText('Titel'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Genereren' }));
    expect(await screen.findByText('Titel is verplicht.')).toBeTruthy();
    expect(leaks(readable())).toEqual([]);
  });

  it('gives an error the Dutch headline and hint of its kind', async () => {
    await renderPopup({ answers: { 'ui-bg-generate': new PimError('credentials-rejected', { status: 401, transactionId: 'tx-1', serverMessage: 'ClientId is Invalid' }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Genereren' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('KPN heeft de clientgegevens afgewezen.')).toBeTruthy();
    expect(within(alert).getByText('Controleer de client-ID en het client-secret bij Opties.')).toBeTruthy();
    expect(within(alert).getByText('HTTP 401 · transactie tx-1')).toBeTruthy();
    // KPN's own words stay KPN's, quoted as theirs.
    expect(within(alert).getByText('KPN zegt: “ClientId is Invalid”')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Opties openen' })).toBeTruthy();
    expect(leaks(readable())).toEqual([]);
  });

  it('words a specific error, its values and numbers in Dutch: headline, detail and hint', async () => {
    await renderPopup({ answers: { 'ui-bg-generate': new PimError('timeout', { params: { seconds: 20.5 } }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Genereren' }));
    const alert = await screen.findByRole('alert');
    expect([...alert.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'De API deed er te lang over om te antwoorden.',
      'Binnen 20,5 s kwam er geen antwoord.',
      'Probeer het opnieuw; gebeurt dit vaker, dan is de dienst mogelijk traag of onbereikbaar.',
    ]);
    expect(leaks(readable())).toEqual([]);
  });

  it('starts the form with the Dutch default title and description', async () => {
    await renderPopup({ answers: { 'ui-bg-settings-get': new PimError('background-silent') } });
    expect((screen.getByLabelText('Titel') as HTMLInputElement).value).toBe('Inloggen met PiM');
    expect((screen.getByLabelText('Beschrijving') as HTMLTextAreaElement).value).toBe('Scan deze code met de PiM-app om je gegevens te delen.');
  });

  it('shows a result with Dutch actions', async () => {
    await renderPopup({ answers: { 'ui-bg-generate': generateResult() } });
    fireEvent.click(screen.getByRole('button', { name: 'Genereren' }));
    // The QR is read back once its preview has loaded.
    fireEvent.load(await screen.findByRole('img', { name: 'QR-voorbeeld' }));
    expect(await screen.findByText('Inhoud: https://sandbox.pim.invalid/r/1?attributes=Email')).toBeTruthy();
    for (const name of ['SVG kopiëren', 'PNG downloaden', 'In pagina plaatsen']) expect(await screen.findByRole('button', { name })).toBeTruthy();
    await waitFor(() => expect(leaks(readable())).toEqual([]));
  });
});

describe('the options page in Dutch', () => {
  it('labels the editor in Dutch and reports a failed connection test in Dutch', async () => {
    await renderOptions({ answers: { 'ui-bg-connection-test': new PimError('credentials-rejected', { status: 401 }) } });
    expect(screen.getByRole('heading', { name: 'PiM QR-opties' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Productie/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Verbinding testen' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('KPN heeft de clientgegevens afgewezen.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Opslaan' })).toBeTruthy();
    expect(leaks(readable())).toEqual([]);
  });
});

describe('the leak check', () => {
  it('finds key names and English sentences, and ignores words inside others', () => {
    expect(leaks('fieldTitle · Generate · QR code ready.')).toEqual(['fieldTitle', 'Generate', 'QR code ready.']);
    expect(leaks('FirstName, FamilyName')).toEqual([]);
  });
});
