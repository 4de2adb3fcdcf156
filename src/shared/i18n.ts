// The one translation helper of the extension: popup, options, content script and worker read every
// user-visible string from the browser's message catalogue (public/_locales) through it. The
// browser always has the en catalogue, so there is no second table of English text anywhere.
import type messages from '../../public/_locales/en/messages.json';

type Catalog = typeof messages;
export type MessageKey = keyof Catalog;
type Substitution = string | number;

/** Keys whose message has `$NAME$` placeholders need at least one value; the others take none. */
type SubstitutionsOf<K extends MessageKey> = Catalog[K] extends { placeholders: object }
  ? [Substitution, ...Substitution[]]
  : [];

/** chrome.i18n.getMessage's shape: '' for an unknown key. */
export type MessageLookup = (key: string, substitutions?: string[]) => string;

interface BrowserI18n {
  getMessage?: MessageLookup;
  getUILanguage?: () => string;
}

function browserI18n(): BrowserI18n | undefined {
  return (globalThis as { chrome?: { i18n?: BrowserI18n } }).chrome?.i18n;
}

let lookup: MessageLookup | undefined;
let language: string | undefined;

/** Tests wire a catalogue here; undefined (the default) is the browser's. */
export function setMessageLookup(next: MessageLookup | undefined): void {
  lookup = next;
  language = undefined;
}

function find(key: string, substitutions: readonly Substitution[]): string {
  if (!lookup) {
    const i18n = browserI18n();
    lookup = i18n?.getMessage ? (k, s) => i18n.getMessage?.(k, s) ?? '' : () => '';
  }
  const values = substitutions.map((value) => (typeof value === 'number' ? formatNumber(value) : value));
  try {
    return lookup(key, values.length > 0 ? values : undefined);
  } catch {
    // A content script whose extension was reloaded has lost its catalogue.
    return '';
  }
}

/** The message for `key`, numbers formatted for the reader's language; the key itself when missing. */
export function t<K extends MessageKey>(key: K, ...substitutions: SubstitutionsOf<K>): string {
  return find(key, substitutions) || key;
}

/** A message whose key is composed at run time (error codes): '' when the catalogue has none. */
export function optionalMessage(key: string, substitutions: readonly Substitution[] = []): string {
  return find(key, substitutions);
}

/**
 * The language to format numbers and dates for: the browser's UI language when the text is in that
 * language (en-GB, nl-BE), else the language of the catalogue the browser picked (a German browser
 * reads English text, so it gets English numbers too).
 */
export function uiLanguage(): string {
  if (language === undefined) {
    const catalogue = find('uiLanguage', []) || 'en';
    let browser = '';
    try {
      browser = browserI18n()?.getUILanguage?.() ?? '';
    } catch {
      // As in `find`: no catalogue, no language.
    }
    language = validTag(browser === catalogue || browser.startsWith(`${catalogue}-`) ? browser : catalogue);
  }
  return language;
}

/** A tag Intl accepts; a broken catalogue must not break every number on the page. */
function validTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the reader writes it: "1,234.5" in English, "1.234,5" in Dutch. */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  const key = `${uiLanguage()}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}
