import { describe, expect, it } from 'vitest';
import { PIM_ATTRIBUTES, isPimAttribute } from '../../../../src/core/attributes';
import { createDevSandboxHandler } from '../../../../src/core/sandbox/dev/handler';
import { HOSTILE_MARKER } from '../../../../src/core/sandbox/dev/hostile';
import { JSON_OBJECT_IMAGE_KEY, OVERSIZED_SVG_BYTES } from '../../../../src/core/sandbox/dev/image-body';
import { sandboxQrUrl } from '../../../../src/core/sandbox/render';
import { IMAGE_URL, UUID, VALID_BODY, base64ToUtf8, decodeQr, errorBody, imageRequest, mintToken, rasterize } from './sandbox-test-kit';

async function ready(options: Parameters<typeof createDevSandboxHandler>[0] = {}) {
  const handler = createDevSandboxHandler(options);
  return { handler, token: await mintToken(handler) };
}

async function withFault(fault: string, body: unknown = VALID_BODY): Promise<Response> {
  const { handler, token } = await ready();
  return handler.handle(imageRequest(token, body, { headers: { 'x-sandbox-fault': fault } }));
}

const expectedUrl = sandboxQrUrl(VALID_BODY.redirect, VALID_BODY.attributes);

describe('image endpoint: success', () => {
  it('answers bare base64 text/plain of a scannable SVG', async () => {
    const { handler, token } = await ready();
    const response = await handler.handle(imageRequest(token));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    const text = await response.text();
    expect(text).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const svg = base64ToUtf8(text);
    expect(svg).toMatch(/<svg[^>]* width="200" height="200" viewBox="0 0 200 200"/);
    expect(decodeQr(svg)).toBe(expectedUrl);
  });

  it.each([
    ['numbers', { ...VALID_BODY, redirect: 1, width: 300, height: 240 }],
    ['spaces around commas', { ...VALID_BODY, attributes: ' Email ,  Mobile' }],
    ['no description', { redirect: 1, title: 'T', attributes: 'Email,Mobile', width: 200, height: 200 }],
    ['extra fields', { ...VALID_BODY, colour: 'blue' }],
  ])('accepts %s', async (_label, body) => {
    const { handler, token } = await ready();
    const response = await handler.handle(imageRequest(token, body));
    expect(response.status).toBe(200);
    expect(decodeQr(base64ToUtf8(await response.text()))).toBe(expectedUrl);
  });

  it('accepts any registered redirect reference and encodes it', async () => {
    const { handler, token } = await ready({ redirects: [1, 7] });
    const response = await handler.handle(imageRequest(token, { ...VALID_BODY, redirect: '7' }));
    expect(response.status).toBe(200);
    expect(decodeQr(base64ToUtf8(await response.text()))).toBe(sandboxQrUrl(7, 'Email,Mobile'));
  });

  it('accepts the Bearer scheme in any case', async () => {
    const { handler, token } = await ready();
    const request = imageRequest(undefined, VALID_BODY, { headers: { Authorization: `bearer ${token}` } });
    expect((await handler.handle(request)).status).toBe(200);
  });

  it('knows exactly the fifteen documented attribute names', () => {
    expect(PIM_ATTRIBUTES).toHaveLength(15);
    expect(isPimAttribute('Bankaccountnumber')).toBe(true);
    expect(isPimAttribute('BankAccountNumber')).toBe(false);
    expect(isPimAttribute('email')).toBe(false);
  });
});

describe('image endpoint: access token', () => {
  const invalid = { fault: { faultstring: 'Invalid access token', detail: { errorcode: 'oauth.v2.InvalidAccessToken' } } };

  it.each([
    ['no Authorization header', undefined, {}],
    ['an unknown token', 'staG765sBUuai4OMeZiTful6PTRt', {}],
    ['a Basic scheme', undefined, { Authorization: 'Basic c2FuZGJveC1jbGllbnQ6c2FuZGJveC1zZWNyZXQ=' }],
    ['an empty Bearer', undefined, { Authorization: 'Bearer ' }],
  ])('401 Invalid access token for %s', async (_label, token, headers) => {
    const { handler } = await ready();
    const response = await handler.handle(imageRequest(token, VALID_BODY, { headers }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(invalid);
  });

  it('401 Access Token expired once the lifetime has passed', async () => {
    let now = 5_000;
    const handler = createDevSandboxHandler({ now: () => now, tokenLifetimeSeconds: 10 });
    const token = await mintToken(handler);
    now += 10_000;
    const response = await handler.handle(imageRequest(token));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      fault: { faultstring: 'Access Token expired', detail: { errorcode: 'keymanagement.service.access_token_expired' } },
    });
  });

  it('a token from another sandbox instance is unknown', async () => {
    const other = await mintToken(createDevSandboxHandler());
    const { handler } = await ready();
    expect((await handler.handle(imageRequest(other))).status).toBe(401);
  });

  it('checks the token before the body', async () => {
    const { handler } = await ready();
    const response = await handler.handle(imageRequest(undefined, {}, { rawBody: 'not json' }));
    expect(response.status).toBe(401);
  });
});

describe('image endpoint: request validation', () => {
  const many = (n: number) => 'x'.repeat(n);
  it.each([
    ['a JSON array', [], /must be a JSON object/],
    ['a JSON string', 'hello', /must be a JSON object/],
    ['no redirect', { ...VALID_BODY, redirect: undefined }, /Missing required field 'redirect'/],
    ['a fractional redirect', { ...VALID_BODY, redirect: 1.5 }, /'redirect' must be an integer/],
    ['a word as redirect', { ...VALID_BODY, redirect: 'one' }, /'redirect' must be an integer/],
    ['an unregistered redirect', { ...VALID_BODY, redirect: 2 }, /Redirect reference 2 is not registered/],
    ['no title', { ...VALID_BODY, title: undefined }, /Missing required field 'title'/],
    ['a numeric title', { ...VALID_BODY, title: 5 }, /'title' must be a string/],
    ['a blank title', { ...VALID_BODY, title: '   ' }, /'title' must not be empty/],
    ['a long title', { ...VALID_BODY, title: many(257) }, /'title' is longer than 256 characters/],
    ['a non-string description', { ...VALID_BODY, description: ['a'] }, /'description' must be a string/],
    ['a long description', { ...VALID_BODY, description: many(1025) }, /'description' is longer than 1024/],
    ['no attributes', { ...VALID_BODY, attributes: undefined }, /Missing required field 'attributes'/],
    ['an attribute array', { ...VALID_BODY, attributes: ['Email'] }, /'attributes' must be a string/],
    ['an empty attribute list', { ...VALID_BODY, attributes: '' }, /'attributes' contains an empty name/],
    ['a trailing comma', { ...VALID_BODY, attributes: 'Email,' }, /'attributes' contains an empty name/],
    ['an unknown attribute', { ...VALID_BODY, attributes: 'Email,ShoeSize' }, /Unknown attribute 'ShoeSize'/],
    ['a miscased attribute', { ...VALID_BODY, attributes: 'BankAccountNumber' }, /did you mean 'Bankaccountnumber'/],
    ['no width', { ...VALID_BODY, width: undefined }, /Missing required field 'width'/],
    ['a zero height', { ...VALID_BODY, height: 0 }, /'height' must be a positive integer/],
    ['a negative width', { ...VALID_BODY, width: -5 }, /'width' must be a positive integer/],
    ['a width in px', { ...VALID_BODY, width: '400px' }, /'width' must be a positive integer/],
    ['a fractional height', { ...VALID_BODY, height: '200.5' }, /'height' must be a positive integer/],
    ['a huge width', { ...VALID_BODY, width: 5000 }, /'width' must be at most 4096 pixels/],
  ])('400 for %s', async (_label, body, message) => {
    const { handler, token } = await ready();
    const response = await handler.handle(imageRequest(token, body));
    expect(response.status).toBe(400);
    const error = await errorBody(response);
    expect(error).toMatchObject({ status: 400, name: 'BadRequest' });
    expect(error.message).toMatch(message);
    expect(error.transactionId).toMatch(UUID);
    expect(typeof error.info).toBe('string');
  });

  it('lists the allowed names in info for an attribute error', async () => {
    const { handler, token } = await ready();
    const error = await errorBody(await handler.handle(imageRequest(token, { ...VALID_BODY, attributes: 'Foo' })));
    for (const name of PIM_ATTRIBUTES) expect(error.info).toContain(name);
  });

  it('400 for a body that is not JSON', async () => {
    const { handler, token } = await ready();
    const response = await handler.handle(imageRequest(token, null, { rawBody: '{"redirect": 1,' }));
    expect(response.status).toBe(400);
    expect((await errorBody(response)).message).toBe('Request body is not valid JSON');
  });

  it('415 for a body that is not declared as JSON', async () => {
    const { handler, token } = await ready();
    const response = await handler.handle(imageRequest(token, VALID_BODY, { headers: { 'Content-Type': 'text/plain' } }));
    expect(response.status).toBe(415);
    expect(await errorBody(response)).toMatchObject({ name: 'UnsupportedMediaType' });
  });

  it('413 for a body over maxBodyBytes', async () => {
    const { handler, token } = await ready({ maxBodyBytes: 512 });
    const response = await handler.handle(imageRequest(token, { ...VALID_BODY, description: 'x'.repeat(600) }));
    expect(response.status).toBe(413);
  });

  it('honours configured field limits', async () => {
    const { handler, token } = await ready({ maxTitleLength: 5, maxImageSize: 300 });
    expect((await handler.handle(imageRequest(token, { ...VALID_BODY, title: 'abcdef' }))).status).toBe(400);
    expect((await handler.handle(imageRequest(token, { ...VALID_BODY, title: 'abcde', width: 301 }))).status).toBe(400);
    expect((await handler.handle(imageRequest(token, { ...VALID_BODY, title: 'abcde', width: 300 }))).status).toBe(200);
  });
});

describe('image endpoint: error faults', () => {
  it('unauthorized answers 401 even with a valid token', async () => {
    const response = await withFault('unauthorized');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ fault: { detail: { errorcode: 'oauth.v2.InvalidAccessToken' } } });
  });

  it('expire-token answers 401 Access Token expired for a valid token', async () => {
    const response = await withFault('expire-token');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ fault: { faultstring: 'Access Token expired' } });
  });

  it('forbidden answers 403 in the proxy error shape', async () => {
    const response = await withFault('forbidden');
    expect(response.status).toBe(403);
    const error = await errorBody(response);
    expect(error).toMatchObject({ status: 403, name: 'Forbidden', message: 'The application is not subscribed to this API product' });
    expect(error.transactionId).toMatch(UUID);
  });

  it('rate-limit=N answers 429 with Retry-After and the quota headers', async () => {
    const now = 1_750_000_000_000;
    const handler = createDevSandboxHandler({ now: () => now });
    const token = await mintToken(handler);
    const response = await handler.handle(imageRequest(token, VALID_BODY, { headers: { 'x-sandbox-fault': 'rate-limit=12' } }));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('12');
    expect(response.headers.get('quota-reset-UTC')).toBe(String(now + 12_000));
    for (const header of ['quota-limit', 'quota-interval', 'quota-time-unit', 'quota-used']) {
      expect(response.headers.get(header)).toBeTruthy();
    }
    expect(Number(response.headers.get('quota-used'))).toBeGreaterThan(Number(response.headers.get('quota-limit')));
    expect(await response.json()).toMatchObject({ fault: { detail: { errorcode: 'policies.ratelimit.QuotaViolation' } } });
  });

  it.each([
    [500, 'InternalServerError'],
    [502, 'BadGateway'],
    [503, 'ServiceUnavailable'],
    [504, 'GatewayTimeout'],
  ])('server-error=%i answers in the proxy error shape', async (status, name) => {
    const response = await withFault(`server-error=${status}`);
    expect(response.status).toBe(status);
    const error = await errorBody(response);
    expect(error).toMatchObject({ status, name });
    expect(error.transactionId).toMatch(UUID);
  });

  it('an auth failure wins over later faults', async () => {
    const { handler } = await ready();
    const response = await handler.handle(imageRequest('unknown', VALID_BODY, { headers: { 'x-sandbox-fault': 'server-error=503' } }));
    expect(response.status).toBe(401);
  });

  it('a malformed fault header answers 400 naming the fault', async () => {
    const response = await withFault('shape=yaml');
    expect(response.status).toBe(400);
    expect((await errorBody(response)).message).toMatch(/shape/);
  });
});

describe('image endpoint: body faults', () => {
  async function svgFrom(response: Response): Promise<string> {
    expect(response.status).toBe(200);
    return response.text();
  }

  it('shape=bare is the default', async () => {
    const text = await svgFrom(await withFault('shape=bare'));
    expect(decodeQr(base64ToUtf8(text))).toBe(expectedUrl);
  });

  it('shape=json-string answers a JSON-quoted base64 string', async () => {
    const response = await withFault('shape=json-string');
    expect(response.headers.get('content-type')).toBe('application/json');
    const value: unknown = JSON.parse(await svgFrom(response));
    expect(typeof value).toBe('string');
    expect(decodeQr(base64ToUtf8(value as string))).toBe(expectedUrl);
  });

  it(`shape=json-object answers {"${JSON_OBJECT_IMAGE_KEY}": base64}`, async () => {
    const response = await withFault('shape=json-object');
    expect(response.headers.get('content-type')).toBe('application/json');
    const value = JSON.parse(await svgFrom(response)) as Record<string, string>;
    expect(Object.keys(value)).toEqual([JSON_OBJECT_IMAGE_KEY]);
    expect(decodeQr(base64ToUtf8(value[JSON_OBJECT_IMAGE_KEY] ?? ''))).toBe(expectedUrl);
  });

  it('shape=data-url prefixes data:image/svg+xml;base64,', async () => {
    const text = await svgFrom(await withFault('shape=data-url'));
    const prefix = 'data:image/svg+xml;base64,';
    expect(text.startsWith(prefix)).toBe(true);
    expect(decodeQr(base64ToUtf8(text.slice(prefix.length)))).toBe(expectedUrl);
  });

  it('malformed-base64 cannot be decoded, not even by skipping bad characters', async () => {
    const text = await svgFrom(await withFault('malformed-base64'));
    expect(text).toMatch(/[^A-Za-z0-9+/=]/);
    expect(() => atob(text)).toThrow();
    const lenient = text.replace(/[^A-Za-z0-9+/]/g, '');
    const decoded = atob(lenient.slice(0, lenient.length - (lenient.length % 4)));
    expect(decoded).not.toContain('<svg');
  });

  it('malformed-base64 combines with a shape', async () => {
    const value = JSON.parse(await svgFrom(await withFault('shape=json-object,malformed-base64'))) as Record<string, string>;
    expect(() => atob(value.image ?? '')).toThrow();
  });

  it('not-svg answers valid base64 of a PNG', async () => {
    const bytes = Uint8Array.from(atob(await svgFrom(await withFault('not-svg'))), (ch) => ch.charCodeAt(0));
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('not-svg=text answers valid base64 of plain text', async () => {
    const text = base64ToUtf8(await svgFrom(await withFault('not-svg=text')));
    expect(text).not.toContain('<');
    expect(text.length).toBeGreaterThan(10);
  });

  it('oversized answers a valid QR SVG larger than 2 MiB', async () => {
    const body = await svgFrom(await withFault('oversized'));
    expect(body.length).toBeGreaterThan(2 * 1024 * 1024);
    const svg = base64ToUtf8(body);
    expect(svg.length).toBeGreaterThanOrEqual(OVERSIZED_SVG_BYTES);
    expect(decodeQr(svg)).toBe(expectedUrl);
  });

  it('empty answers 200 with no body', async () => {
    const response = await withFault('empty');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('image endpoint: hostile SVGs', () => {
  async function hostile(kind: string): Promise<string> {
    const response = await withFault(`hostile=${kind}`);
    expect(response.status).toBe(200);
    const svg = base64ToUtf8(await response.text());
    // Still well-formed (resvg refuses malformed XML) and still the right, scannable QR.
    expect(decodeQr(svg)).toBe(expectedUrl);
    return svg;
  }

  it('script carries <script> elements that set the marker and call the beacon', async () => {
    const svg = await hostile('script');
    expect(svg).toMatch(/<script[^>]*>[^<]*__PIM_SANDBOX_HOSTILE__/);
    expect(svg).toContain(`${new URL(IMAGE_URL).origin}/__sandbox/beacon?kind=script`);
    expect(svg).toMatch(/<script href="[^"]+"/);
  });

  it('handler carries on* attributes and a javascript: link', async () => {
    const svg = await hostile('handler');
    expect(svg).toMatch(/<svg onload="[^"]*__PIM_SANDBOX_HOSTILE__/);
    expect(svg).toMatch(/onmouseover="/);
    expect(svg).toMatch(/href="javascript:/);
  });

  it('foreignobject carries HTML inside <foreignObject>', async () => {
    const svg = await hostile('foreignobject');
    expect(svg).toMatch(/<foreignObject[^>]*><div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml"><img [^>]*onerror=/);
  });

  it('external carries <image href>, xlink:href and <use href> pointing off-document', async () => {
    const svg = await hostile('external');
    expect(svg).toMatch(/<image [^>]*\shref="http[^"]+beacon\?kind=external-image"/);
    expect(svg).toMatch(/<image [^>]*xlink:href="http[^"]+"/);
    expect(svg).toMatch(/<use [^>]*href="http[^"]+#dot"/);
    expect(svg).toContain('xmlns:xlink="http://www.w3.org/1999/xlink"');
  });

  it('kinds combine, and the marker name is exported for end-to-end checks', async () => {
    const { handler, token } = await ready();
    const response = await handler.handle(
      imageRequest(token, VALID_BODY, { headers: { 'x-sandbox-fault': 'hostile=script,hostile=external' } }),
    );
    const svg = base64ToUtf8(await response.text());
    expect(svg).toContain('<script');
    expect(svg).toContain('<use ');
    expect(svg).toContain(HOSTILE_MARKER);
    expect(rasterize(svg).width).toBe(200);
  });
});

describe('image endpoint: quota', () => {
  const now = Date.UTC(2026, 10, 30, 13, 0, 0);
  const midnight = String(Date.UTC(2026, 11, 1));

  it('counts each call of the client against a daily quota and reports it in the quota-* headers', async () => {
    const { handler, token } = await ready({ now: () => now, quotaLimit: 5 });
    const first = await handler.handle(imageRequest(token));
    expect(Object.fromEntries([...first.headers].filter(([name]) => name.startsWith('quota-')))).toEqual({
      'quota-limit': '5',
      'quota-used': '1',
      'quota-interval': '1',
      'quota-time-unit': 'day',
      'quota-reset-utc': midnight,
    });
    // A refused body still passed the gateway's quota check, so it counts too.
    const refused = await handler.handle(imageRequest(token, { ...VALID_BODY, width: 'wide' }));
    expect(refused.status).toBe(400);
    expect(refused.headers.get('quota-used')).toBe('2');
  });

  it('quota-used=N sets the count before the call counts; over the limit answers 429 without counting', async () => {
    const { handler, token } = await ready({ now: () => now, quotaLimit: 1000, faults: ['quota-used=998*1'] });
    const last = await handler.handle(imageRequest(token));
    expect(last.status).toBe(200);
    expect(last.headers.get('quota-used')).toBe('999');
    expect((await handler.handle(imageRequest(token))).headers.get('quota-used')).toBe('1000');
    const over = await handler.handle(imageRequest(token));
    expect(over.status).toBe(429);
    expect(over.headers.get('quota-used')).toBe('1000');
    expect(over.headers.get('retry-after')).toBe(String(11 * 3600));
    expect(await over.json()).toMatchObject({ fault: { detail: { errorcode: 'policies.ratelimit.QuotaViolation' } } });
  });

  it('starts a new count at midnight UTC and forgets counts on reset', async () => {
    let clock = now;
    const { handler, token } = await ready({ now: () => clock, tokenLifetimeSeconds: 86_400 });
    await handler.handle(imageRequest(token, VALID_BODY, { headers: { 'x-sandbox-fault': 'quota-used=40' } }));
    clock = Date.UTC(2026, 11, 1, 0, 0, 1);
    expect((await handler.handle(imageRequest(token))).headers.get('quota-used')).toBe('1');
    handler.configure({ faults: ['quota-used=7*1'] });
    expect((await handler.handle(imageRequest(token))).headers.get('quota-used')).toBe('8');
    handler.reset();
    const fresh = await mintToken(handler);
    expect((await handler.handle(imageRequest(fresh))).headers.get('quota-used')).toBe('1');
  });
});
