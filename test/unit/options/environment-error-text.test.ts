import { afterEach, describe, expect, it } from 'vitest';
import nl from '../../../public/_locales/nl/messages.json';
import { type EnvironmentErrorCode, type EnvironmentField, validateEnvironmentInput } from '../../../src/core/environments';
import { environmentErrorText } from '../../../src/options/environment-error-text';
import { setMessageLookup } from '../../../src/shared/i18n';
import { enMessage, formatMessage } from '../setup-i18n';

describe('environmentErrorText', () => {
  const cases: Array<[string, Record<string, string>, EnvironmentField, EnvironmentErrorCode, string]> = [
    ['empty name', { name: '', baseUrl: 'https://a.example' }, 'name', 'required', 'Name is required.'],
    ['long name', { name: 'n'.repeat(61), baseUrl: 'https://a.example' }, 'name', 'too-long', 'Name must be at most 60 characters.'],
    ['zero-width space in name', { name: 'Production\u200B', baseUrl: 'https://a.example' }, 'name', 'invisible-characters', 'Name may not contain characters that show as nothing, such as zero-width spaces or soft hyphens.'],
    ['duplicate name', { name: 'sandbox', baseUrl: 'https://a.example' }, 'name', 'duplicate-name', 'An environment named "sandbox" already exists.'],
    ['empty URL', { name: 'A', baseUrl: '' }, 'baseUrl', 'required', 'Base URL is required.'],
    ['not a URL', { name: 'A', baseUrl: 'nope' }, 'baseUrl', 'not-a-url', 'Base URL must be a full address such as https://api.example.com.'],
    ['ftp', { name: 'A', baseUrl: 'ftp://a.example' }, 'baseUrl', 'bad-scheme', 'Base URL must start with https:// or http://.'],
    ['doubled scheme', { name: 'A', baseUrl: 'https://http://127.0.0.1:8787' }, 'baseUrl', 'doubled-scheme', 'Base URL starts with two schemes ("https://http://"): keep only one, such as http://127.0.0.1:8787 or https://api.example.com.'],
    ['wildcard host', { name: 'A', baseUrl: 'https://*.com' }, 'baseUrl', 'host-wildcard', 'Base URL must name one host: wildcards such as "*" are not allowed.'],
    ['long host', { name: 'A', baseUrl: `https://${Array.from({ length: 5 }, () => 'b'.repeat(50)).join('.')}` }, 'baseUrl', 'host-too-long', 'The host name in the base URL may have at most 253 characters.'],
    ['empty host label', { name: 'A', baseUrl: 'https://a..example' }, 'baseUrl', 'host-empty-label', 'The host name in the base URL has an empty part between dots (".." or a dot at the start or end).'],
    ['long host label', { name: 'A', baseUrl: `https://${'c'.repeat(64)}.example` }, 'baseUrl', 'host-label-too-long', 'Each part of the host name between dots may have at most 63 characters.'],
    ['tilde in host', { name: 'A', baseUrl: 'https://my~api.example' }, 'baseUrl', 'host-bad-character', 'The host name in the base URL may contain only letters, digits, "-", "_" and dots, not "~".'],
    ['hyphen at label end', { name: 'A', baseUrl: 'https://api-.example' }, 'baseUrl', 'host-label-hyphen', 'No part of the host name in the base URL may start or end with "-".'],
    ['plain http', { name: 'A', baseUrl: 'http://a.example' }, 'baseUrl', 'insecure-http', 'Use https:// (plain http:// is allowed only for loopback hosts: localhost, 127.0.0.0/8 and [::1]).'],
    ['user info', { name: 'A', baseUrl: 'https://u:p@a.example' }, 'baseUrl', 'has-credentials', 'Base URL must not contain a user name or password.'],
    ['query', { name: 'A', baseUrl: 'https://a.example/?x=1' }, 'baseUrl', 'has-query-or-fragment', 'Base URL must not contain "?" or "#".'],
    ['bad token path', { name: 'A', baseUrl: 'https://a.example', tokenPath: 'token' }, 'tokenPath', 'bad-path', 'Token path must start with "/" and contain no spaces, "?" or "#".'],
    ['bad image path', { name: 'A', baseUrl: 'https://a.example', imagePath: '//x' }, 'imagePath', 'bad-path', 'Image path must start with "/" and contain no spaces, "?" or "#".'],
    ['built-in id', { id: 'production', name: 'B', baseUrl: 'https://a.example' }, 'name', 'built-in', 'The built-in environments cannot be changed.'],
  ];

  it.each(cases)('%s: the core’s code, worded by the en catalogue', (_name, input, field, code, english) => {
    const checked = validateEnvironmentInput(input, [], () => '');
    const error = checked.ok ? undefined : checked.errors[field];
    expect(error?.code).toBe(code);
    expect(error && environmentErrorText(field, error, input.name ?? '')).toBe(english);
  });

  it('says “not valid” for a code it does not know (from another version)', () => {
    expect(environmentErrorText('name', { code: 'new-code' } as never, 'A')).toBe('This value is not valid.');
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
    ['https://https://api.example', 'Basis-URL begint met twee schema\'s ("https://https://"): houd er één over, zoals http://127.0.0.1:8787 of https://api.example.com.'],
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
