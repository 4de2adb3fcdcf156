import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  baseUrlProblem,
  DEFAULT_IMAGE_PATH,
  DEFAULT_TOKEN_PATH,
  type Environment,
  hostNameProblem,
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

  it('keeps a stored name with hidden characters as it is: nothing stored is lost', () => {
    const result = validateEnvironmentInput({ id: 'custom-1', name: 'Old\u202Ename', baseUrl: 'https://s.example' }, [], makeId, { storedHost: true });
    expect(result.ok && result.environment.name).toBe('Old\u202Ename');
  });

  it('lets an environment keep its own name when edited', () => {
    const result = validateEnvironmentInput({ id: 'custom-1', name: 'staging', baseUrl: 'https://s.example' }, existing, makeId);
    expect(result.ok && result.environment.id).toBe('custom-1');
  });

  it.each([
    [{ name: '' }, 'name', 'required'],
    [{ name: '   ' }, 'name', 'required'],
    [{ name: 42 }, 'name', 'required'],
    [{ name: 'x'.repeat(61) }, 'name', 'too-long'],
    [{ name: 'Staging\u202Egnp.exe' }, 'name', 'hidden-characters'],
    [{ name: 'Two\nlines' }, 'name', 'hidden-characters'],
    [{ name: 'Line\u2028separator' }, 'name', 'hidden-characters'],
    [{ name: 'Production\u200B' }, 'name', 'invisible-characters'],
    [{ name: 'Sandbox\u2060' }, 'name', 'invisible-characters'],
    [{ name: 'Stag\u200Cing' }, 'name', 'invisible-characters'],
    [{ name: 'Stag\u200Ding' }, 'name', 'invisible-characters'],
    [{ name: 'Lo\uFEFFcal' }, 'name', 'invisible-characters'],
    [{ name: 'Soft\u00ADhyphen' }, 'name', 'invisible-characters'],
    [{ name: 'Hangul\u3164filler' }, 'name', 'invisible-characters'],
    [{ name: 'STAGING' }, 'name', 'duplicate-name'],
    [{ name: 'Productie' }, 'name', 'duplicate-name'],
    [{ name: 'ＰＲＯＤＵＣＴＩＯＮ' }, 'name', 'duplicate-name'],
    [{ name: 'ｓａｎｄｂｏｘ' }, 'name', 'duplicate-name'],
    [{ name: 'sandbox' }, 'name', 'duplicate-name'],
    [{ id: 'production' }, 'name', 'built-in'],
    [{ baseUrl: '' }, 'baseUrl', 'required'],
    [{ baseUrl: 'api.example.com' }, 'baseUrl', 'not-a-url'],
    [{ baseUrl: 'https://' }, 'baseUrl', 'not-a-url'],
    [{ baseUrl: 'ftp://api.example.com' }, 'baseUrl', 'bad-scheme'],
    [{ baseUrl: 'javascript:alert(1)' }, 'baseUrl', 'bad-scheme'],
    [{ baseUrl: 'file:///etc/passwd' }, 'baseUrl', 'bad-scheme'],
    [{ baseUrl: 'data:text/plain,hi' }, 'baseUrl', 'bad-scheme'],
    [{ baseUrl: 'http://api.example.com' }, 'baseUrl', 'insecure-http'],
    [{ baseUrl: 'http://localhost.evil.com' }, 'baseUrl', 'insecure-http'],
    [{ baseUrl: 'https://user:pw@api.example.com' }, 'baseUrl', 'has-credentials'],
    [{ baseUrl: 'https://api.example.com/?x=1' }, 'baseUrl', 'has-query-or-fragment'],
    [{ baseUrl: 'https://api.example.com/#top' }, 'baseUrl', 'has-query-or-fragment'],
    [{ baseUrl: 'https://api.example.com/?' }, 'baseUrl', 'has-query-or-fragment'],
    [{ tokenPath: 'oauth/token' }, 'tokenPath', 'bad-path'],
    [{ tokenPath: '//evil.com/x' }, 'tokenPath', 'bad-path'],
    [{ imagePath: '/image?x=1' }, 'imagePath', 'bad-path'],
    [{ imagePath: '/my image' }, 'imagePath', 'bad-path'],
    [{ imagePath: '\\\\evil' }, 'imagePath', 'bad-path'],
  ])('%j → %s %s', (input, field, code) => {
    const errors = errorsFor(input);
    // A code, not a sentence: the options page words it (test/unit/options/environment-error-text.test.ts).
    expect(errors[field as keyof typeof errors]).toEqual({ code });
  });

  it('compares names as they read: case, width, invisible characters and runs of spaces do not make a new name', () => {
    const team: Environment = { ...staging, id: 'custom-2', name: 'Team  Staging\u00A0EU' };
    for (const name of ['team staging eu', 'TEAM\u3000STAGING EU', 'Team Staging EU']) {
      expect(validateEnvironmentInput({ name, baseUrl: 'https://t.example' }, [team], makeId)).toEqual({ ok: false, errors: { name: { code: 'duplicate-name' } } });
    }
    // Emoji keep their variation selector.
    expect(validateEnvironmentInput({ name: 'Team \u2764\uFE0F', baseUrl: 'https://t.example' }, [team], makeId).ok).toBe(true);
  });

  it('keeps a stored name as it was saved, even one that reads as another or holds an invisible character', () => {
    for (const name of ['Productie', 'Production\u200B', 'Sandbox\u2060']) {
      const result = validateEnvironmentInput({ id: 'custom-9', name, baseUrl: 'https://s.example' }, [], makeId, { storedHost: true });
      expect(result).toMatchObject({ ok: true, environment: { name } });
    }
  });

  // An address pasted after a typed "https://" parses, with the second scheme as its host.
  it.each([
    ['https://http://127.0.0.1:8787', 'https://http://'],
    ['https://https://api.example.com', 'https://https://'],
    ['HTTPS://Http://api.example.com/base', 'HTTPS://Http://'],
    ['http:///https://*.com', 'http:///https://'],
  ])('%s → doubled-scheme quoting %s', (baseUrl, prefix) => {
    expect(errorsFor({ baseUrl }).baseUrl).toEqual({ code: 'doubled-scheme', value: prefix });
  });

  it.each(['https://api.example.com:8443//x', 'http://localhost:8787/https://x'])('%s has one scheme and is taken', (baseUrl) => {
    expect(validateEnvironmentInput({ name: 'Local', baseUrl }, existing, makeId).ok).toBe(true);
  });

  // Hosts become permission requests: only one real host name (punycode for international ones) or
  // IP literal may pass, each refusal with its own reason.
  const label63 = 'a'.repeat(63);
  const host254 = Array.from({ length: 5 }, () => 'b'.repeat(50)).join('.');
  it.each([
    ['https://api.example.com', 'https://api.example.com'],
    ['https://bücher.example/api', 'https://xn--bcher-kva.example/api'],
    ['https://xn--bcher-kva.example', 'https://xn--bcher-kva.example'],
    ['https://ＡＰＩ.example.com', 'https://api.example.com'],
    ['https://ab--cd.example', 'https://ab--cd.example'],
    ['https://intranet', 'https://intranet'],
    ['https://kpn_mock.corp.example', 'https://kpn_mock.corp.example'],
    [`https://${label63}.example`, `https://${label63}.example`],
    ['https://10.0.0.7:8443', 'https://10.0.0.7:8443'],
    ['https://[2001:db8::1]', 'https://[2001:db8::1]'],
    ['http://localhost', 'http://localhost'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
  ])('accepts the host of %s → %s', (baseUrl, expected) => {
    const result = validateEnvironmentInput({ name: 'X', baseUrl }, existing, makeId);
    expect(result.ok && result.environment.baseUrl).toBe(expected);
  });

  it.each([
    ['https://*', 'host-wildcard'],
    ['https://*.com', 'host-wildcard'],
    ['https://*.example.com', 'host-wildcard'],
    ['https://api.*.example.com', 'host-wildcard'],
    ['https://%2A.example.com', 'host-wildcard'],
    ['https://*:8443', 'host-wildcard'],
    ['http://*.localhost', 'host-wildcard'],
    ['https://a..example.com', 'host-empty-label'],
    ['https://.example.com', 'host-empty-label'],
    ['https://example.com.', 'host-empty-label'],
    [`https://${label63}a.example`, 'host-label-too-long'],
    [`https://${host254}`, 'host-too-long'],
    ['https://-api.example.com', 'host-label-hyphen'],
    ['https://api-.example.com', 'host-label-hyphen'],
    ['https://api.example-', 'host-label-hyphen'],
    ['https://my~api.example.com', 'host-bad-character'],
    ['https://a!b.example.com', 'host-bad-character'],
    ['https://user:pass@api.example.com', 'has-credentials'],
    ['https://user@api.example.com', 'has-credentials'],
    ['https://api.example.com/?env=1', 'has-query-or-fragment'],
    ['https://api.example.com/#v1', 'has-query-or-fragment'],
    ['ws://api.example.com', 'bad-scheme'],
    ['http://api.example.com', 'insecure-http'],
  ])('refuses the base URL %s: %s', (baseUrl, code) => {
    expect(errorsFor({ baseUrl }).baseUrl?.code).toBe(code);
  });

  // Chromium's URL parser (the options page's and the worker's) leaves these percent-encoded where
  // Node's does not: the same input must get the same verdict in both.
  it.each([
    ['%2A', 'host-wildcard'],
    ['%2A.com', 'host-wildcard'],
    ['api.%2a.example.com', 'host-wildcard'],
    ['a%25b.example', 'host-bad-character'],
    ['a%zzb.example', 'host-bad-character'],
  ])('judges the hostname %s as Chromium parses it: %s', (hostname, code) => {
    expect(hostNameProblem(hostname)?.code).toBe(code);
  });

  describe('with a URL parser that refuses "*" in a host, as Firefox\'s does', () => {
    const NodeUrl = URL;
    beforeEach(() => {
      vi.stubGlobal(
        'URL',
        class FirefoxLikeUrl extends NodeUrl {
          constructor(url: string | URL, base?: string | URL) {
            if (/^[a-z]+:\/\/[^/?#]*(\*|%2a)/i.test(String(url))) throw new TypeError(`URL constructor: ${String(url)} is not a valid URL.`);
            super(url, base);
          }
        },
      );
    });
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it.each(['https://*', 'https://*.com', 'https://api.*.example.com', 'https://%2A.example.com', 'https://*:8443', 'https://user@*.example.com/api'])(
      'still names the wildcard in %s',
      (baseUrl) => {
        expect(() => new URL(baseUrl)).toThrow(TypeError);
        expect(errorsFor({ baseUrl }).baseUrl).toEqual({ code: 'host-wildcard' });
        expect(baseUrlProblem(baseUrl)?.code).toBe('host-wildcard');
      },
    );

    it.each(['https://', 'https://exa mple.com', 'not a url'])('calls %s not a URL', (baseUrl) => {
      expect(errorsFor({ baseUrl }).baseUrl?.code).toBe('not-a-url');
      expect(baseUrlProblem(baseUrl)?.code).toBe('not-a-url');
    });
  });

  it('keeps the character it names, so the message can be said in any language', () => {
    expect(errorsFor({ baseUrl: 'https://a!b.example.com' }).baseUrl).toEqual({ code: 'host-bad-character', value: '!' });
    expect(errorsFor({ baseUrl: 'https://my~api.example.com' }).baseUrl).toEqual({ code: 'host-bad-character', value: '~' });
  });

  it('accepts a stored environment whose host predates these checks, so loading settings loses nothing', () => {
    const stored = { id: 'custom-old', name: 'Old', baseUrl: 'https://*.example.com' };
    expect(validateEnvironmentInput(stored, existing, makeId).ok).toBe(false);
    const kept = validateEnvironmentInput(stored, existing, makeId, { storedHost: true });
    expect(kept.ok && kept.environment.baseUrl).toBe('https://*.example.com');
    expect(baseUrlProblem('https://*.example.com')?.code).toBe('host-wildcard');
    expect(baseUrlProblem('https://api.example.com')).toBeUndefined();
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

  it.each(['https://*', 'https://*.com', 'https://a..b.example', 'https://a!b.example.com'])(
    'refuses to make a pattern for %s rather than ask for more than one site',
    (baseUrl) => {
      expect(() => originPattern(baseUrl)).toThrow(/No host permission pattern/);
    },
  );
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
