import { describe, expect, it } from 'vitest';
import { type ApiStage, errorFromResponse } from '../../../src/core/response-error';

const NOW = Date.UTC(2025, 0, 1);
const SECRET = 'S3cretValueThatMustNeverLeak42';

function mapped(stage: ApiStage, status: number, body = '', headers: Record<string, string> = {}) {
  return errorFromResponse({ stage, status, body, headers: new Headers(headers), now: NOW, secrets: [SECRET] });
}

describe('errorFromResponse: status → code', () => {
  it.each([
    ['token', 400, 'credentials-rejected', 'credentials-rejected'],
    ['token', 401, 'credentials-rejected', 'credentials-rejected'],
    ['token', 403, 'forbidden', 'token-forbidden'],
    ['token', 404, 'not-found', 'token-path-not-found'],
    ['token', 429, 'rate-limited', 'rate-limited'],
    ['token', 500, 'credentials-rejected', 'token-call-failed'],
    ['token', 501, 'credentials-rejected', 'token-call-failed'],
    ['token', 502, 'server-error', 'gateway-unreachable'],
    ['token', 503, 'server-error', 'gateway-unreachable'],
    ['token', 504, 'server-error', 'gateway-unreachable'],
    ['token', 302, 'unexpected-status', 'redirected'],
    ['image', 400, 'invalid-parameters', 'params-rejected'],
    ['image', 413, 'invalid-parameters', 'params-rejected'],
    ['image', 422, 'invalid-parameters', 'params-rejected'],
    ['image', 401, 'forbidden', 'token-rejected'],
    ['image', 403, 'forbidden', 'forbidden'],
    ['image', 404, 'not-found', 'image-path-not-found'],
    ['image', 405, 'unexpected-status', 'unexpected-status'],
    ['image', 418, 'unexpected-status', 'unexpected-status'],
    ['image', 429, 'rate-limited', 'rate-limited'],
    ['image', 500, 'server-error', 'server-error'],
    ['image', 502, 'server-error', 'gateway-unreachable'],
    ['image', 503, 'server-error', 'gateway-unreachable'],
    ['image', 504, 'server-error', 'gateway-unreachable'],
    ['image', 307, 'unexpected-status', 'redirected'],
    ['image', 300, 'unexpected-status', 'redirected'],
    ['image', 399, 'unexpected-status', 'redirected'],
    ['image', 505, 'server-error', 'server-error'],
    ['token', 505, 'credentials-rejected', 'token-call-failed'],
    ['image', 501, 'server-error', 'server-error'],
  ] as const)('%s %i → %s (%s)', (stage, status, kind, code) => {
    const error = mapped(stage, status);
    expect(error).toMatchObject({ kind, code, status });
  });

  it('a redirect the request did not follow (status 0) is "redirected" with no HTTP status to show', () => {
    const error = mapped('image', 0);
    expect(error).toMatchObject({ kind: 'unexpected-status', code: 'redirected' });
    expect(error.status).toBeUndefined();
    expect(mapped('token', 0).status).toBeUndefined();
  });
});

describe('errorFromResponse: a 429 with the quota used up', () => {
  const RESET = NOW + 51_908_000;
  const quota = (used: string, reset = String(RESET)) => ({ 'quota-limit': '1000', 'quota-used': used, 'quota-reset-UTC': reset, 'Retry-After': '51908' });

  it.each([
    ['used = limit', '1000'],
    ['Apigee’s count of the refused call, limit + 1', '1001'],
  ])('is "quota used up" with its reset when the answer’s figures say %s', (_label, used) => {
    const error = mapped('image', 429, '', { ...quota(used), 'x-transaction-id': 'tx-q' });
    expect(error).toMatchObject({ kind: 'rate-limited', code: 'quota-used-up-until', params: { resetAt: RESET }, status: 429, transactionId: 'tx-q' });
  });

  it('is "quota used up" without a moment when KPN gave no reset time', () => {
    expect(mapped('token', 429, '', { 'quota-limit': '5', 'quota-used': '6' })).toMatchObject({ code: 'quota-used-up', status: 429 });
  });

  it('stays "slow down" while the figures leave calls, or are not believable', () => {
    expect(mapped('image', 429, '', quota('999')).code).toBe('rate-limited');
    expect(mapped('image', 429, '', quota('1002')).code).toBe('rate-limited');
    expect(mapped('image', 429, '', { 'Retry-After': '3' })).toMatchObject({ code: 'rate-limited', retryAfterSeconds: 3 });
  });
});

describe('errorFromResponse: what the user is told', () => {
  it('carries the Apigee token error as KPN’s words', () => {
    const error = mapped('token', 401, '{"ErrorCode":"invalid_client","Error":"ClientId is Invalid"}');
    expect(error.code).toBe('credentials-rejected');
    expect(error.serverMessage).toBe('ClientId is Invalid');
  });

  it('treats a token 500 as a credentials or gateway problem and keeps the body’s words', () => {
    const error = mapped('token', 500, '{"error":{"message":"Invalid client","transactionId":"tx-500"}}');
    expect(error).toMatchObject({ kind: 'credentials-rejected', code: 'token-call-failed', serverMessage: 'Invalid client', transactionId: 'tx-500' });
  });

  it('keeps a 400 message from /image as KPN’s words, beside the code', () => {
    const error = mapped('image', 400, '{"error":{"transactionId":"t-400","status":400,"name":"BadRequest","message":"Invalid width"}}');
    expect(error).toMatchObject({ code: 'params-rejected', serverMessage: 'Invalid width', transactionId: 't-400' });
  });

  it('has no server words when the body is empty', () => {
    expect(mapped('image', 400).serverMessage).toBeUndefined();
  });

  it('tells a 401 on /image apart from rejected credentials, with the Apigee faultstring', () => {
    const error = mapped('image', 401, '{"fault":{"faultstring":"Access Token expired","detail":{"errorcode":"keymanagement.service.access_token_expired"}}}');
    expect(error.code).toBe('token-rejected');
    expect(error.serverMessage).toBe('Access Token expired');
  });

  it.each([
    [{ 'Retry-After': '7' }, 7],
    [{ 'Retry-After': 'Wed, 01 Jan 2025 00:00:12 GMT' }, 12],
    [{ 'quota-reset-UTC': String(NOW + 3000) }, 3],
    [{}, undefined],
  ])('reads the wait of a 429 from %j', (headers, seconds) => {
    const error = mapped('image', 429, '', headers);
    // The wait travels as a number; the UI words it in the user's language.
    expect(error.retryAfterSeconds).toBe(seconds);
  });

  it.each([
    ['body (wrapped)', '{"error":{"transactionId":"wrapped-1"}}', {}, 'wrapped-1'],
    ['body (unwrapped)', '{"transactionId":"flat-2","message":"x"}', {}, 'flat-2'],
    ['header', '', { 'x-transaction-id': 'hdr-3' }, 'hdr-3'],
    ['body before header', '{"transactionId":"body-4"}', { 'x-transaction-id': 'hdr-4' }, 'body-4'],
    ['nowhere', '{}', {}, undefined],
  ])('takes the transaction ID from the %s', (_label, body, headers, id) => {
    expect(mapped('image', 500, body, headers).transactionId).toBe(id);
  });

  it('caps a long server message after redacting it, so half a secret cannot survive the cut', () => {
    // The secret starts at character 290: cut first, its first 10 characters would survive.
    const error = mapped('image', 500, JSON.stringify({ message: `${'x '.repeat(145)}${SECRET}` }));
    expect([...(error.serverMessage ?? '')].length).toBeLessThanOrEqual(301);
    expect(error.serverMessage).not.toContain(SECRET.slice(0, 8));
  });

  it('keeps a 32-hex-digit transaction ID intact (support needs it exactly)', () => {
    expect(mapped('image', 500, '{"transactionId":"0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d"}').transactionId).toBe(
      '0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d',
    );
  });

  it('drops a transaction ID that carries a known secret', () => {
    expect(mapped('image', 500, JSON.stringify({ transactionId: `tx-${SECRET}` })).transactionId).toBeUndefined();
  });

  const withSecrets = (id: string, secrets: readonly (string | undefined)[], headers: Record<string, string> = {}) =>
    errorFromResponse({ stage: 'image', status: 500, body: JSON.stringify({ transactionId: id }), headers: new Headers(headers), now: NOW, secrets }).transactionId;

  it('drops a transaction ID that carries any one of the known secrets, whatever else the list holds', () => {
    expect(withSecrets(`tx-${SECRET}`, [undefined, 'another-secret-value', SECRET])).toBeUndefined();
    expect(withSecrets('tx-another-secret-value', [SECRET, 'another-secret-value'])).toBeUndefined();
    expect(withSecrets('tx-1234', [undefined, SECRET])).toBe('tx-1234');
  });

  it('counts a secret of six characters or more, and not a shorter one that any ID may contain by chance', () => {
    expect(withSecrets('tx-abc123-9', ['abc123'])).toBeUndefined();
    expect(withSecrets('tx-abc12-9', ['abc12'])).toBe('tx-abc12-9');
  });

  it('trims a transaction ID and caps a long one at 100 characters', () => {
    expect(withSecrets('  tx-7  ', [SECRET])).toBe('tx-7');
    const long = 'a'.repeat(150);
    expect(withSecrets(long, [SECRET])).toBe(`${'a'.repeat(100)}…`);
    expect(withSecrets('b'.repeat(100), [SECRET])).toBe('b'.repeat(100));
  });

  it('takes the transaction ID from the first header that holds more than white space, trimmed', () => {
    const error = errorFromResponse({
      stage: 'image',
      status: 500,
      body: '',
      headers: new Headers({ 'x-transaction-id': '   ', transactionid: '  hdr-5  ' }),
      now: NOW,
      secrets: [SECRET],
    });
    expect(error.transactionId).toBe('hdr-5');
  });

  it.each([
    ['echoed secret', `{"Error":"client_secret ${SECRET} is wrong","ErrorCode":"invalid_client"}`],
    ['form echo', `{"message":"bad body client_id=abc&client_secret=${SECRET}"}`],
    ['bearer echo', '{"message":"Authorization: Bearer abcDEF1234567890ghijKLMN rejected"}'],
    ['opaque token', '{"fault":{"faultstring":"Invalid token staG765sBUuai4OMeZiTful6PTRt"}}'],
  ])('redacts an %s from the message', (_label, body) => {
    const error = mapped('token', 401, body);
    const text = JSON.stringify(error) + (error.serverMessage ?? '');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('abcDEF1234567890ghijKLMN');
    expect(text).not.toContain('staG765sBUuai4OMeZiTful6PTRt');
    expect(text).toContain('[redacted]');
  });
});

describe('errorFromResponse: a secret the server echoes in another form', () => {
  const WORDY = 'my-app.secret-words';
  const answer = (body: string, transactionId?: string) =>
    errorFromResponse({
      stage: 'token',
      status: 401,
      body,
      headers: new Headers(transactionId === undefined ? {} : { 'x-transaction-id': transactionId }),
      now: NOW,
      secrets: [WORDY],
    });

  it('takes it out percent-encoded, in lower case or in part, and split between the message and its info', () => {
    const error = answer(JSON.stringify({ error: { message: 'got my%2dapp%2esecret%2dwords and my-app%2Esecret-words; began my-app.sec', info: 'ret-words ended' } }));
    expect(error.serverMessage).toBe('got [redacted] and [redacted]; began [redacted] ([redacted] ended)');
  });

  it('drops a transaction ID that carries it percent-encoded', () => {
    expect(answer('{}', 'tx-my%2dapp%2esecret%2dwords').transactionId).toBeUndefined();
    expect(answer('{}', 'tx-0a1b2c3d').transactionId).toBe('tx-0a1b2c3d');
  });
});
