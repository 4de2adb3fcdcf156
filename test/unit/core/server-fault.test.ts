import { describe, expect, it } from 'vitest';
import { readServerFault } from '../../../src/core/server-fault';

describe('readServerFault', () => {
  it.each([
    [
      'Apigee fault',
      '{"fault":{"faultstring":"Invalid access token","detail":{"errorcode":"oauth.v2.InvalidAccessToken"}}}',
      { message: 'Invalid access token', code: 'oauth.v2.InvalidAccessToken' },
    ],
    ['Apigee token error', '{"ErrorCode":"invalid_client","Error":"ClientId is Invalid"}', { message: 'ClientId is Invalid', code: 'invalid_client' }],
    [
      'KPN proxy error',
      '{"error":{"transactionId":"a1b2-c3","status":400,"name":"BadRequest","message":"title is too long","info":"max 50"}}',
      { message: 'title is too long', info: 'max 50', code: 'BadRequest', transactionId: 'a1b2-c3' },
    ],
    [
      'unwrapped proxy error',
      '{"transactionId":"tx-9","status":500,"name":"InternalError","message":"Backend failed"}',
      { message: 'Backend failed', code: 'InternalError', transactionId: 'tx-9' },
    ],
    ['OAuth error', '{"error":"invalid_client","error_description":"Bad client"}', { message: 'Bad client', code: 'invalid_client' }],
    ['OAuth error without description', '{"error":"invalid_request"}', { message: 'invalid_request', code: 'invalid_request' }],
    ['plain text', '  Service   unavailable\n', { message: 'Service unavailable' }],
    ['JSON string', '"Quota exceeded"', { message: 'Quota exceeded' }],
    ['an HTML page', '<html><body><h1>502 Bad Gateway</h1></body></html>', {}],
    ['empty body', '', {}],
    ['JSON null', 'null', {}],
    ['JSON array', '[1,2]', {}],
    ['unrelated JSON', '{"foo":1}', {}],
    ['fault without detail', '{"fault":{"faultstring":"Spike arrest violation"}}', { message: 'Spike arrest violation' }],
  ])('%s', (_label, body, expected) => {
    expect(readServerFault(body)).toEqual(expected);
  });

  it('flattens control characters and whitespace to one line', () => {
    expect(readServerFault(JSON.stringify({ message: 'a\u0000b\r\n  c\u2028d' })).message).toBe('a b c d');
  });
});
