import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IMAGE_PATH,
  DEFAULT_TOKEN_PATH,
  type Environment,
  needsHostPermission,
  normalizeBaseUrl,
  originPattern,
  PRODUCTION_ENVIRONMENT,
  SANDBOX_ENVIRONMENT,
  validateEnvironmentInput,
} from '../../../src/core/environments';

const staging: Environment = {
  id: 'custom-1',
  name: 'Staging',
  kind: 'custom',
  baseUrl: 'https://staging.example.com',
  tokenPath: DEFAULT_TOKEN_PATH,
  imagePath: DEFAULT_IMAGE_PATH,
};
const existing = [SANDBOX_ENVIRONMENT, PRODUCTION_ENVIRONMENT, staging];
const makeId = () => 'custom-new';

function errorsFor(input: Record<string, unknown>) {
  const result = validateEnvironmentInput({ name: 'Local', baseUrl: 'http://127.0.0.1:8787', ...input }, existing, makeId);
  if (result.ok) throw new Error(`expected errors for ${JSON.stringify(input)}`);
  return result.errors;
}

describe('built-in environments', () => {
  it('point the sandbox at a reserved .invalid host and production at KPN', () => {
    expect(new URL(SANDBOX_ENVIRONMENT.baseUrl).hostname.endsWith('.invalid')).toBe(true);
    expect(PRODUCTION_ENVIRONMENT).toMatchObject({
      id: 'production',
      kind: 'production',
      baseUrl: 'https://api-prd.kpn.com',
      tokenPath: '/oauth/client_credential/accesstoken',
      imagePath: '/kpn/qrcodegenerator/image',
    });
  });
});

describe('validateEnvironmentInput', () => {
  it('accepts a loopback sandbox server and fills in KPN’s paths', () => {
    expect(validateEnvironmentInput({ name: ' Local ', baseUrl: 'http://127.0.0.1:8787/' }, existing, makeId)).toEqual({
      ok: true,
      environment: {
        id: 'custom-new',
        name: 'Local',
        kind: 'custom',
        baseUrl: 'http://127.0.0.1:8787',
        tokenPath: DEFAULT_TOKEN_PATH,
        imagePath: DEFAULT_IMAGE_PATH,
      },
    });
  });

  it.each([
    ['https://API.Example.com', 'https://api.example.com'],
    ['https://api.example.com/prefix/', 'https://api.example.com/prefix'],
    ['https://api.example.com:8443', 'https://api.example.com:8443'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['http://127.0.0.2', 'http://127.0.0.2'],
  ])('normalizes base URL %s → %s', (baseUrl, expected) => {
    const result = validateEnvironmentInput({ name: 'X', baseUrl }, existing, makeId);
    expect(result.ok && result.environment.baseUrl).toBe(expected);
  });

  it('keeps custom paths', () => {
    const result = validateEnvironmentInput({ name: 'X', baseUrl: 'https://a.example', tokenPath: '/t', imagePath: '/i/img' }, existing, makeId);
    expect(result.ok && [result.environment.tokenPath, result.environment.imagePath]).toEqual(['/t', '/i/img']);
  });

  it('lets an environment keep its own name when edited', () => {
    const result = validateEnvironmentInput({ id: 'custom-1', name: 'staging', baseUrl: 'https://s.example' }, existing, makeId);
    expect(result.ok && result.environment.id).toBe('custom-1');
  });

  it.each([
    [{ name: '' }, 'name', 'required', 'Name is required.'],
    [{ name: '   ' }, 'name', 'required', 'Name is required.'],
    [{ name: 42 }, 'name', 'required', 'Name is required.'],
    [{ name: 'x'.repeat(61) }, 'name', 'too-long', 'Name must be at most 60 characters.'],
    [{ name: 'STAGING' }, 'name', 'duplicate-name', 'An environment named "STAGING" already exists.'],
    [{ name: 'sandbox' }, 'name', 'duplicate-name', 'An environment named "sandbox" already exists.'],
    [{ id: 'production' }, 'name', 'built-in', 'The built-in environments cannot be changed.'],
    [{ baseUrl: '' }, 'baseUrl', 'required', 'Base URL is required.'],
    [{ baseUrl: 'api.example.com' }, 'baseUrl', 'not-a-url', 'Base URL must be a full address such as https://api.example.com.'],
    [{ baseUrl: 'https://' }, 'baseUrl', 'not-a-url', 'Base URL must be a full address such as https://api.example.com.'],
    [{ baseUrl: 'ftp://api.example.com' }, 'baseUrl', 'bad-scheme', 'Base URL must start with https:// or http://.'],
    [{ baseUrl: 'javascript:alert(1)' }, 'baseUrl', 'bad-scheme', 'Base URL must start with https:// or http://.'],
    [{ baseUrl: 'file:///etc/passwd' }, 'baseUrl', 'bad-scheme', 'Base URL must start with https:// or http://.'],
    [{ baseUrl: 'data:text/plain,hi' }, 'baseUrl', 'bad-scheme', 'Base URL must start with https:// or http://.'],
    [{ baseUrl: 'http://api.example.com' }, 'baseUrl', 'insecure-http', 'Use https:// (plain http:// is allowed only for localhost and 127.0.0.1).'],
    [{ baseUrl: 'http://localhost.evil.com' }, 'baseUrl', 'insecure-http', 'Use https:// (plain http:// is allowed only for localhost and 127.0.0.1).'],
    [{ baseUrl: 'https://user:pw@api.example.com' }, 'baseUrl', 'has-credentials', 'Base URL must not contain a user name or password.'],
    [{ baseUrl: 'https://api.example.com/?x=1' }, 'baseUrl', 'has-query-or-fragment', 'Base URL must not contain "?" or "#".'],
    [{ baseUrl: 'https://api.example.com/#top' }, 'baseUrl', 'has-query-or-fragment', 'Base URL must not contain "?" or "#".'],
    [{ baseUrl: 'https://api.example.com/?' }, 'baseUrl', 'has-query-or-fragment', 'Base URL must not contain "?" or "#".'],
    [{ tokenPath: 'oauth/token' }, 'tokenPath', 'bad-path', 'Token path must start with "/" and contain no spaces, "?" or "#".'],
    [{ tokenPath: '//evil.com/x' }, 'tokenPath', 'bad-path', 'Token path must start with "/" and contain no spaces, "?" or "#".'],
    [{ imagePath: '/image?x=1' }, 'imagePath', 'bad-path', 'Image path must start with "/" and contain no spaces, "?" or "#".'],
    [{ imagePath: '/my image' }, 'imagePath', 'bad-path', 'Image path must start with "/" and contain no spaces, "?" or "#".'],
    [{ imagePath: '\\\\evil' }, 'imagePath', 'bad-path', 'Image path must start with "/" and contain no spaces, "?" or "#".'],
  ])('%j → %s %s', (input, field, code, message) => {
    const errors = errorsFor(input);
    expect(errors[field as keyof typeof errors]).toEqual({ code, message });
  });

  it.each([null, undefined, 'x', 3])('treats %j as an empty form', (input) => {
    const result = validateEnvironmentInput(input, existing, makeId);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['baseUrl', 'name']);
  });
});

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://a.example/', 'https://a.example'],
    ['https://a.example///', 'https://a.example'],
    [' https://a.example/p/ ', 'https://a.example/p'],
    ['https://a.example', 'https://a.example'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });
});

describe('originPattern', () => {
  it.each([
    ['https://api.example.com/prefix', 'https://api.example.com/*'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1/*'],
    ['https://api.example.com:8443', 'https://api.example.com/*'],
    ['http://[::1]:3000', 'http://[::1]/*'],
  ])('%s → %s', (baseUrl, pattern) => {
    expect(originPattern(baseUrl)).toBe(pattern);
  });
});

describe('needsHostPermission', () => {
  it.each([
    ['https://api-prd.kpn.com', false],
    ['https://API-PRD.kpn.com/some/prefix', false],
    ['http://127.0.0.1:8787', false],
    ['http://127.0.0.1', false],
    ['http://localhost:5173', false],
    ['https://localhost:5173', true],
    ['http://api-prd.kpn.com', true],
    ['https://api-prd.kpn.com.evil.com', true],
    ['https://evil.com/api-prd.kpn.com', true],
    ['https://staging.example.com', true],
    ['not a url', true],
  ])('%s → %s', (baseUrl, expected) => {
    expect(needsHostPermission(baseUrl)).toBe(expected);
  });

  it('honours wildcard and granted patterns', () => {
    expect(needsHostPermission('https://a.example.com', ['https://*.example.com/*'])).toBe(false);
    expect(needsHostPermission('https://example.com', ['https://*.example.com/*'])).toBe(false);
    expect(needsHostPermission('https://badexample.com', ['https://*.example.com/*'])).toBe(true);
    expect(needsHostPermission('http://x.test', ['*://*/*'])).toBe(false);
    expect(needsHostPermission('https://x.test', ['<all_urls>'])).toBe(false);
    expect(needsHostPermission('https://x.test', ['https://x.test/only/*'])).toBe(true);
  });
});
