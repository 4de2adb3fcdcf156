// Every user-visible string of the popup and options page comes from here (chrome.i18n message files).
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

function browserLookup(): MessageLookup {
  const getMessage = (globalThis as { chrome?: { i18n?: { getMessage?: MessageLookup } } }).chrome?.i18n?.getMessage;
  return getMessage ? (key, substitutions) => getMessage(key, substitutions) : () => '';
}

let lookup: MessageLookup | undefined;

/** Pages wire the browser's lookup (main.tsx); tests wire the en catalogue. */
export function setMessageLookup(next: MessageLookup): void {
  lookup = next;
}

export function t<K extends MessageKey>(key: K, ...substitutions: SubstitutionsOf<K>): string {
  lookup ??= browserLookup();
  const values = (substitutions as Substitution[]).map(String);
  return lookup(key, values.length > 0 ? values : undefined) || key;
}
