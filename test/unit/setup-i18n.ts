// Wires t() to the English catalogue, substituting like chrome.i18n.getMessage does, so component
// tests find elements by the same text a user reads.
import messages from '../../public/_locales/en/messages.json';
import { setMessageLookup } from '../../src/shared/i18n';

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const catalog: Record<string, CatalogEntry> = messages;

/** chrome.i18n's rules: `$name$` → the placeholder's content, then `$1`…`$9` → substitutions, `$$` → `$`. */
export function formatMessage(entry: CatalogEntry, substitutions: readonly string[] = []): string {
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders[name.toLowerCase()] ?? whole);
  return named.replace(/\$(\$|[1-9])/g, (_whole, ref: string) => (ref === '$' ? '$' : (substitutions[Number(ref) - 1] ?? '')));
}

export function enMessage(key: string, substitutions?: readonly string[]): string {
  const entry = catalog[key];
  return entry ? formatMessage(entry, substitutions) : '';
}

setMessageLookup(enMessage);
