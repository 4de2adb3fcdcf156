import { describe, expect, it } from 'vitest';
import { redactSecrets, redactSecretsAcross, showsSecret } from '../../../src/core/redact-secrets';

describe('redactSecrets (server text)', () => {
  it.each([
    ['known secret', 'secret is hunter2hunter2 ok', ['hunter2hunter2'], 'secret is [redacted] ok'],
    ['every occurrence', 'abcdef1 and abcdef1', ['abcdef1'], '[redacted] and [redacted]'],
    ['bearer', 'got Bearer xyz.abc.def', [], 'got Bearer [redacted]'],
    ['form secret', 'client_secret=plain&x=1', [], 'client_secret=[redacted]&x=1'],
    ['JSON token', '{"access_token": "plain"}', [], '{"access_token": "[redacted]"}'],
    ['opaque token', 'token staG765sBUuai4OMeZiTful6PTRt bad', [], 'token [redacted] bad'],
    ['UUID kept', 'transaction 123e4567-e89b-12d3-a456-426614174000', [], 'transaction 123e4567-e89b-12d3-a456-426614174000'],
    ['Apigee code kept', 'oauth.v2.InvalidAccessToken', [], 'oauth.v2.InvalidAccessToken'],
    ['long word kept', 'Internationalization failure', [], 'Internationalization failure'],
    ['short known value ignored', 'abc is fine', ['abc'], 'abc is fine'],
    ['undefined known value ignored', 'fine', [undefined], 'fine'],
  ])('%s', (_label, text, known, expected) => {
    expect(redactSecrets(text, known)).toBe(expected);
  });
});

describe('redactSecrets: a known secret in the forms a server echoes it', () => {
  const WORDY = 'my-app.secret-words';
  it.each([
    ['percent-encoded in lower case', 'you sent my%2dapp%2esecret%2dwords', [WORDY], 'you sent [redacted]'],
    ['percent-encoded in upper case', 'you sent my%2Dapp%2Esecret%2Dwords.', [WORDY], 'you sent [redacted].'],
    ['partly percent-encoded', 'got my-app%2Esecret-words!', [WORDY], 'got [redacted]!'],
    ['every character encoded', `got ${[...WORDY].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')} ok`, [WORDY], 'got [redacted] ok'],
    ['a form body: "+" for a space', 'body open+sesame+2026 bad', ['open sesame 2026'], 'body [redacted] bad'],
    ['UTF-8 beyond ASCII', `got ${encodeURIComponent('geheim-wachtwoord-é€')} ok`, ['geheim-wachtwoord-é€'], 'got [redacted] ok'],
    ['a word it shares with the secret is kept', 'invalid client secret', [WORDY], 'invalid client secret'],
    ['a piece of eight characters or more goes', 'began my-app.se, ended cret-words', [WORDY], 'began [redacted], ended [redacted]'],
    ['a piece of seven is kept', 'began my-app. here', [WORDY], 'began my-app. here'],
    ['in another case', 'got MY-APP.SECRET-WORDS', [WORDY], 'got [redacted]'],
    ['with invisible characters between its characters', `got ${[...WORDY].join('\u200b')}!`, [WORDY], 'got [redacted]!'],
    ['percent-encoded twice or more', 'got my%252dapp%25252esecret-words', [WORDY], 'got [redacted]'],
    ['each of several known values', 'id my-app, secret my%2Dapp.secret-words, token tok-123456', [WORDY, 'tok-123456'], 'id my-app, secret [redacted], token [redacted]'],
    ['other percent-encoding is kept', 'path /a%20b and 100%zz', [WORDY], 'path /a%20b and 100%zz'],
    ['a "+" that is the secret’s own', 'got ab+cd+efgh back', ['ab+cd+efgh'], 'got [redacted] back'],
    ['a character of four UTF-8 bytes', `got ${encodeURIComponent('key-😀-value')} ok`, ['key-😀-value'], 'got [redacted] ok'],
    ['plain letters before an encoded one', 'token abc%41bcdef end', ['abcAbcdef'], 'token [redacted] end'],
    ['two secrets, the later one first', 'tok-123456 then my-app.secret-words', [WORDY, 'tok-123456'], '[redacted] then [redacted]'],
    ['two secrets side by side, as one', 'x my-app.secret-wordstok-123456 y', [WORDY, 'tok-123456'], 'x [redacted] y'],
    ['two secrets that overlap, as one', 'x my-app.secret-words-more y', [WORDY, 'secret-words-more'], 'x [redacted] y'],
    ['six characters of a seven-character secret go', 'abcdef and abcdef1', ['abcdef1'], '[redacted] and [redacted]'],
  ])('%s', (_label, text, known, expected) => {
    expect(redactSecrets(text, known)).toBe(expected);
  });

  it('takes out a secret split between a message and its info, and each whole one in either', () => {
    expect(redactSecretsAcross(['bad client my-app.sec', 'ret-words ends it'], [WORDY])).toEqual(['bad client [redacted]', '[redacted] ends it']);
    expect(redactSecretsAcross(['bad client my-app.sec', 'ret%2Dwords'], [WORDY])).toEqual(['bad client [redacted]', '[redacted]']);
    expect(redactSecretsAcross(['my-app.secret-words here', 'and my-app.secret-words there'], [WORDY])).toEqual(['[redacted] here', 'and [redacted] there']);
    expect(redactSecretsAcross(['bad client my-app.', 'about something else'], [WORDY])).toEqual(['bad client my-app.', 'about something else']);
    expect(redactSecretsAcross(['got my-app.secret-words', 'info'], [WORDY])).toEqual(['got [redacted]', 'info']);
  });

  it('keeps a long number, and takes a bearer token after several spaces', () => {
    expect(redactSecrets('order 12345678901234567890123 failed')).toBe('order 12345678901234567890123 failed');
    expect(redactSecrets('sent Bearer   abc.def-ghi here')).toBe('sent Bearer   [redacted] here');
  });

  it('leaves a piece that is also part of a value shown openly: the client ID may share a prefix with its secret', () => {
    expect(redactSecrets('app sandbox-client sent sandbox-secret', ['sandbox-secret'], ['sandbox-client'])).toBe('app sandbox-client sent [redacted]');
    expect(redactSecrets('app sandbox-client sent sandbox-secret', ['sandbox-secret'])).toBe('app [redacted]client sent [redacted]');
  });

  it('keeps the closing bracket after a redacted value', () => {
    expect(redactSecrets('bad (client_secret=abc123) and (Bearer xyz)')).toBe('bad (client_secret=[redacted]) and (Bearer [redacted])');
    expect(redactSecrets('bad (client_secret=my-app.secret-words)', [WORDY])).toBe('bad (client_secret=[redacted])');
  });

  it('tells whether a text shows a secret, in the same forms', () => {
    expect(showsSecret('tx-my%2dapp%2esecret%2dwords', [WORDY])).toBe(true);
    expect(showsSecret('tx-0a1b2c3d4e5f', [WORDY])).toBe(false);
    expect(showsSecret('anything', [undefined, 'short'])).toBe(false);
  });
});
