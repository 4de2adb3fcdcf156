// Every error message of the catalogue, read in a browser that runs in Dutch: what the browser itself
// serves must be Dutch (not the English text, not missing), and no detail or hint may repeat its
// headline. Both suites run it (test/e2e/dutch.spec.ts, test/e2e-firefox/dutch.test.ts).
import { readFileSync } from 'node:fs';

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const en = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Catalog;

/** The headlines, details and hints of every error code and kind. */
export const ERROR_MESSAGE_KEYS: string[] = Object.keys(en).filter((key) => /^err(Kind|Hint)?_/.test(key));

/** Stand-ins for the values a message shows ($1, $2, …), the same in both languages. */
export const SAMPLE_VALUES = ['71', '72', '73', '74', '75'];

/** Runs in the extension: what its catalogue says for each key, the samples filled in. */
export function readMessages({ keys, samples }: { keys: string[]; samples: string[] }): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, chrome.i18n.getMessage(key, samples)]));
}

/** The English message as chrome.i18n would fill it in. */
function english(key: string): string {
  const entry = en[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? whole;
    return content.replace(/\$(\d)/g, (_d, n: string) => SAMPLE_VALUES[Number(n) - 1] ?? '');
  });
}

const normalized = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** What is not Dutch, or repeats itself, in what the browser served; empty when all is well. */
export function dutchSweepProblems(shown: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const key of ERROR_MESSAGE_KEYS) {
    const text = shown[key] ?? '';
    if (text === '') problems.push(`${key}: missing`);
    else if (normalized(text) === normalized(english(key))) problems.push(`${key}: English ("${text}")`);
    const headline = /^(err_.+?)(_detail|_hint)$/.exec(key)?.[1];
    if (headline && text !== '' && normalized(text) === normalized(shown[headline] ?? '')) problems.push(`${key}: repeats its headline`);
  }
  return problems;
}
