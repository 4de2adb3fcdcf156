import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/core/request-log';

describe('redact (request log)', () => {
  it('replaces the Authorization header and the client secret with shell placeholders', () => {
    expect(
      redact({
        url: 'https://x/token?grant_type=client_credentials',
        headers: { Authorization: 'Bearer abc', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'client_id=id1&client_secret=s%2Bcr3t',
      }),
    ).toEqual({
      url: 'https://x/token?grant_type=client_credentials',
      requestHeaders: { Authorization: 'Bearer $TOKEN', 'Content-Type': 'application/x-www-form-urlencoded' },
      requestBody: 'client_id=id1&client_secret=$KPN_CLIENT_SECRET',
    });
  });

  it.each([
    ['secret first', 'client_secret=abc&client_id=x', 'client_secret=$KPN_CLIENT_SECRET&client_id=x'],
    ['token in a form', 'access_token=abc', 'access_token=$TOKEN'],
    ['JSON secret', '{"client_secret":"a\\"b","x":1}', '{"client_secret":"$KPN_CLIENT_SECRET","x":1}'],
    ['JSON token', '{"access_token" : "tok"}', '{"access_token" : "$TOKEN"}'],
    ['image body kept', '{"title":"Hello","attributes":"Email"}', '{"title":"Hello","attributes":"Email"}'],
  ])('body: %s', (_label, body, expected) => {
    expect(redact({ url: 'https://x', headers: {}, body }).requestBody).toBe(expected);
  });

  it.each([
    ['https://x/t?client_secret=abc&a=1', 'https://x/t?client_secret=$KPN_CLIENT_SECRET&a=1'],
    ['https://x/t?a=1&access_token=abc#f', 'https://x/t?a=1&access_token=$TOKEN#f'],
  ])('url %s', (url, expected) => {
    expect(redact({ url, headers: {} }).url).toBe(expected);
  });

  it('hides cookies and proxy credentials, whatever their case', () => {
    expect(redact({ url: 'https://x', headers: { cookie: 'a=b', 'Proxy-Authorization': 'Basic x', authorization: 'Bearer t' } }).requestHeaders).toEqual({
      cookie: '[redacted]',
      'Proxy-Authorization': '[redacted]',
      authorization: 'Bearer $TOKEN',
    });
  });
});
