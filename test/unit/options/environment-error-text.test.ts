import { afterEach, describe, expect, it } from 'vitest';
import nl from '../../../public/_locales/nl/messages.json';
import { type EnvironmentErrorCode, type EnvironmentField, validateEnvironmentInput } from '../../../src/core/environments';
import { environmentErrorText } from '../../../src/options/environment-error-text';
import { setMessageLookup } from '../../../src/ui/i18n';
import { enMessage, formatMessage } from '../setup-i18n';

describe('environmentErrorText', () => {
  const cases: Array<[string, Record<string, string>, EnvironmentField, EnvironmentErrorCode]> = [
    ['empty name', { name: '', baseUrl: 'https://a.example' }, 'name', 'required'],
    ['long name', { name: 'n'.repeat(61), baseUrl: 'https://a.example' }, 'name', 'too-long'],
    ['duplicate name', { name: 'sandbox', baseUrl: 'https://a.example' }, 'name', 'duplicate-name'],
    ['empty URL', { name: 'A', baseUrl: '' }, 'baseUrl', 'required'],
    ['not a URL', { name: 'A', baseUrl: 'nope' }, 'baseUrl', 'not-a-url'],
    ['ftp', { name: 'A', baseUrl: 'ftp://a.example' }, 'baseUrl', 'bad-scheme'],
    ['wildcard host', { name: 'A', baseUrl: 'https://*.com' }, 'baseUrl', 'host-wildcard'],
    ['long host', { name: 'A', baseUrl: `https://${Array.from({ length: 5 }, () => 'b'.repeat(50)).join('.')}` }, 'baseUrl', 'host-too-long'],
    ['empty host label', { name: 'A', baseUrl: 'https://a..example' }, 'baseUrl', 'host-empty-label'],
    ['long host label', { name: 'A', baseUrl: `https://${'c'.repeat(64)}.example` }, 'baseUrl', 'host-label-too-long'],
    ['tilde in host', { name: 'A', baseUrl: 'https://my~api.example' }, 'baseUrl', 'host-bad-character'],
    ['hyphen at label end', { name: 'A', baseUrl: 'https://api-.example' }, 'baseUrl', 'host-label-hyphen'],
    ['plain http', { name: 'A', baseUrl: 'http://a.example' }, 'baseUrl', 'insecure-http'],
    ['user info', { name: 'A', baseUrl: 'https://u:p@a.example' }, 'baseUrl', 'has-credentials'],
    ['query', { name: 'A', baseUrl: 'https://a.example/?x=1' }, 'baseUrl', 'has-query-or-fragment'],
    ['bad token path', { name: 'A', baseUrl: 'https://a.example', tokenPath: 'token' }, 'tokenPath', 'bad-path'],
    ['bad image path', { name: 'A', baseUrl: 'https://a.example', imagePath: '//x' }, 'imagePath', 'bad-path'],
    ['built-in id', { id: 'production', name: 'B', baseUrl: 'https://a.example' }, 'name', 'built-in'],
  ];

  it.each(cases)('%s reads like the core’s English', (_name, input, field, code) => {
    const checked = validateEnvironmentInput(input, [], () => '');
    const error = checked.ok ? undefined : checked.errors[field];
    expect(error?.code).toBe(code);
    if (error) expect(environmentErrorText(field, error, input.name ?? '')).toBe(error.message);
  });
});

describe('environmentErrorText in Dutch', () => {
  const dutch: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = nl;
  afterEach(() => setMessageLookup(enMessage));

  it.each([
    ['https://*.com', 'Basis-URL moet één host noemen: jokertekens zoals "*" zijn niet toegestaan.'],
    ['https://a..example', 'De hostnaam in de basis-URL heeft een leeg deel tussen punten (".." of een punt aan het begin of eind).'],
    [`https://${'c'.repeat(64)}.example`, 'Elk deel van de hostnaam tussen punten mag maximaal 63 tekens hebben.'],
    [`https://${Array.from({ length: 5 }, () => 'b'.repeat(50)).join('.')}`, 'De hostnaam in de basis-URL mag maximaal 253 tekens hebben.'],
    ['https://my~api.example', 'De hostnaam in de basis-URL mag alleen letters, cijfers, "-", "_" en punten bevatten, niet "~".'],
    ['https://-api.example', 'Geen deel van de hostnaam in de basis-URL mag met "-" beginnen of eindigen.'],
  ])('explains %s', (baseUrl, expected) => {
    setMessageLookup((key, substitutions) => {
      const entry = dutch[key];
      return entry ? formatMessage(entry, substitutions) : '';
    });
    const checked = validateEnvironmentInput({ name: 'A', baseUrl }, [], () => '');
    const error = checked.ok ? undefined : checked.errors.baseUrl;
    expect(error && environmentErrorText('baseUrl', error, 'A')).toBe(expected);
  });
});
