// Why a policy entry was refused, in both languages: a value that is not text, text with hidden
// characters and text with markup each get their own sentence.
import { afterEach, describe, expect, it } from 'vitest';
import nl from '../../../public/_locales/nl/messages.json';
import { readManagedEnvironments } from '../../../src/core/managed-environments';
import { managedReason } from '../../../src/options/ManagedRefusals';
import { setMessageLookup } from '../../../src/shared/i18n';
import { enMessage, formatMessage } from '../setup-i18n';

const entries = [
  { name: 'Listed', baseUrl: ['https://a.example.com'], clientId: 'x' },
  { name: 'Numbered', baseUrl: 'https://a.example.com', clientId: 5 },
  { name: 'Bidi\u202Egnp.exe', baseUrl: 'https://b.example.com', clientId: 'x' },
  { name: '<img src=x onerror=alert(1)>', baseUrl: 'https://c.example.com', clientId: 'x' },
  { name: 'Production\u200B', baseUrl: 'https://d.example.com', clientId: 'x' },
];
const reasons = () => readManagedEnvironments(entries).refused.map(managedReason);

describe('managedReason', () => {
  const dutch: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = nl;
  afterEach(() => setMessageLookup(enMessage));

  it('words each kind of wrong text on its own, in English', () => {
    expect(reasons()).toEqual([
      'Base URL must be text, not a number, list or other value.',
      'Client ID must be text, not a number, list or other value.',
      'Name may not contain invisible control or text-direction characters.',
      'Name may not contain markup (text such as <b> or <img …>).',
      'Name may not contain characters that show as nothing, such as zero-width spaces or soft hyphens.',
    ]);
  });

  it('and in Dutch', () => {
    setMessageLookup((key, substitutions) => {
      const entry = dutch[key];
      return entry ? formatMessage(entry, substitutions) : '';
    });
    expect(reasons()).toEqual([
      'Basis-URL moet tekst zijn, geen getal, lijst of andere waarde.',
      'Client-ID moet tekst zijn, geen getal, lijst of andere waarde.',
      'Naam mag geen onzichtbare stuur- of tekstrichtingstekens bevatten.',
      'Naam mag geen opmaakcode bevatten (tekst zoals <b> of <img …>).',
      'Naam mag geen tekens bevatten die niets laten zien, zoals spaties zonder breedte of zachte afbreekstreepjes.',
    ]);
  });
});
