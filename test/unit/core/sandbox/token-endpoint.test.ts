import { describe, expect, it } from 'vitest';
import { createDevSandboxHandler } from '../../../../src/core/sandbox/dev/handler';
import { BASE, TOKEN_URL, UUID, errorBody, imageRequest, tokenRequest } from './sandbox-test-kit';

describe('token endpoint: success', () => {
  it('answers an Apigee-shaped object whose values are all strings', async () => {
    const handler = createDevSandboxHandler({ now: () => 1_700_000_000_123 });
    const response = await handler.handle(tokenRequest());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      [
        'refresh_token_expires_in',
        'api_product_list',
        'organization_name',
        'developer.email',
        'token_type',
        'issued_at',
        'client_id',
        'access_token',
        'application_name',
        'scope',
        'expires_in',
        'refresh_count',
        'status',
      ].sort(),
    );
    for (const value of Object.values(body)) expect(typeof value).toBe('string');
    expect(body).toMatchObject({
      refresh_token_expires_in: '0',
      organization_name: 'kpn',
      token_type: 'Bearer',
      issued_at: '1700000000123',
      client_id: 'sandbox-client',
      scope: '',
      expires_in: '3599',
      refresh_count: '0',
      status: 'approved',
    });
    expect(body.api_product_list).toMatch(/^\[.+\]$/);
    expect(body.access_token).toMatch(/^[A-Za-z0-9]{28}$/);
  });

  it('issues a different token on every call', async () => {
    const handler = createDevSandboxHandler();
    const tokens = await Promise.all(
      [1, 2, 3].map(async () => ((await (await handler.handle(tokenRequest())).json()) as { access_token: string }).access_token),
    );
    expect(new Set(tokens).size).toBe(3);
  });

  it('uses the configured credentials and lifetime, and works behind any base path', async () => {
    const handler = createDevSandboxHandler({ clientId: 'abc', clientSecret: 'xyz', tokenLifetimeSeconds: 60 });
    const url = 'http://127.0.0.1:9/some/prefix/oauth/client_credential/accesstoken?grant_type=client_credentials';
    const response = await handler.handle(tokenRequest({ id: 'abc', secret: 'xyz' }, { url }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ client_id: 'abc', expires_in: '60' });
    expect((await handler.handle(tokenRequest())).status).toBe(401);
  });

  it('accepts a charset parameter on the form content type', async () => {
    const response = await createDevSandboxHandler().handle(
      tokenRequest({}, { headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' } }),
    );
    expect(response.status).toBe(200);
  });
});

describe('token endpoint: errors', () => {
  it.each([
    ['wrong secret', { secret: 'nope' }],
    ['wrong id', { id: 'someone-else' }],
    ['empty secret', { secret: '' }],
  ])('401 invalid_client for a %s', async (_label, credentials) => {
    const response = await createDevSandboxHandler().handle(tokenRequest(credentials));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ErrorCode: 'invalid_client', Error: 'ClientId is Invalid' });
  });

  it('401 when the credentials are missing from the body', async () => {
    const request = new Request(TOKEN_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect((await createDevSandboxHandler().handle(request)).status).toBe(401);
  });

  it.each([
    ['missing grant_type', `${BASE}/oauth/client_credential/accesstoken`, 'invalid_request'],
    ['empty grant_type', `${BASE}/oauth/client_credential/accesstoken?grant_type=`, 'invalid_request'],
    ['another grant_type', `${BASE}/oauth/client_credential/accesstoken?grant_type=password`, 'unsupported_grant_type'],
  ])('400 for a %s', async (_label, url, errorCode) => {
    const response = await createDevSandboxHandler().handle(tokenRequest({}, { url }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { ErrorCode: string; Error: string };
    expect(body.ErrorCode).toBe(errorCode);
    expect(body.Error).toMatch(/grant_type/);
  });

  it.each([['application/json'], ['text/plain'], ['multipart/form-data; boundary=x']])(
    '400 when the body is %s',
    async (contentType) => {
      const response = await createDevSandboxHandler().handle(tokenRequest({}, { headers: { 'Content-Type': contentType } }));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ErrorCode: 'invalid_request' });
    },
  );

  it('413 for a body over maxBodyBytes', async () => {
    const handler = createDevSandboxHandler({ maxBodyBytes: 100 });
    const request = new Request(TOKEN_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `client_id=sandbox-client&client_secret=sandbox-secret&pad=${'x'.repeat(200)}`,
    });
    expect((await handler.handle(request)).status).toBe(413);
  });

  it('405 for a GET', async () => {
    const response = await createDevSandboxHandler().handle(new Request(TOKEN_URL));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('token endpoint: faults', () => {
  it('bad-credentials-500 turns a bad client into a 500 proxy error, leaving good ones alone', async () => {
    const handler = createDevSandboxHandler();
    const headers = { 'x-sandbox-fault': 'bad-credentials-500' };
    const bad = await handler.handle(tokenRequest({ secret: 'wrong' }, { headers }));
    expect(bad.status).toBe(500);
    const error = await errorBody(bad);
    expect(error).toMatchObject({ status: 500, name: 'InternalServerError', message: 'Invalid client credentials' });
    expect(error.transactionId).toMatch(UUID);
    expect((await handler.handle(tokenRequest({}, { headers }))).status).toBe(200);
  });

  it('token-lifetime=N issues tokens living N seconds', async () => {
    let now = 1_000_000;
    const handler = createDevSandboxHandler({ now: () => now });
    const response = await handler.handle(tokenRequest({}, { headers: { 'x-sandbox-fault': 'token-lifetime=2' } }));
    const { access_token: token, expires_in: expiresIn } = (await response.json()) as Record<string, string>;
    expect(expiresIn).toBe('2');
    now += 1999;
    expect((await handler.handle(imageRequest(token))).status).toBe(200);
    now += 1;
    const expired = await handler.handle(imageRequest(token));
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ fault: { faultstring: 'Access Token expired' } });
  });

  it('token-lifetime=0 issues a token that is already expired', async () => {
    const handler = createDevSandboxHandler({ faults: ['token-lifetime=0'] });
    const { access_token: token } = (await (await handler.handle(tokenRequest())).json()) as Record<string, string>;
    expect((await handler.handle(imageRequest(token))).status).toBe(401);
  });

  it.each([
    ['token:server-error=503', 503, 'ServiceUnavailable'],
    ['token:server-error', 500, 'InternalServerError'],
  ])('%s answers the token call in the proxy error shape', async (fault, status, name) => {
    const response = await createDevSandboxHandler().handle(tokenRequest({}, { headers: { 'x-sandbox-fault': fault } }));
    expect(response.status).toBe(status);
    expect(await errorBody(response)).toMatchObject({ status, name });
  });

  it('token:rate-limit=9 answers 429 with Retry-After', async () => {
    const response = await createDevSandboxHandler().handle(tokenRequest({}, { headers: { 'x-sandbox-fault': 'token:rate-limit=9' } }));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('9');
  });

  it('image-route faults in the header do not touch the token call', async () => {
    const response = await createDevSandboxHandler().handle(
      tokenRequest({}, { headers: { 'x-sandbox-fault': 'server-error=503,rate-limit,unauthorized,empty' } }),
    );
    expect(response.status).toBe(200);
  });
});
