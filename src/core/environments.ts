import { DEFAULT_IMAGE_PATH, DEFAULT_TOKEN_PATH } from './api-paths';

export { DEFAULT_IMAGE_PATH, DEFAULT_TOKEN_PATH } from './api-paths';

export type EnvironmentKind = 'sandbox' | 'production' | 'custom';

/** Where QR requests go. The base URL has no trailing slash; the paths start with "/". */
export interface Environment {
  id: string;
  name: string;
  kind: EnvironmentKind;
  baseUrl: string;
  tokenPath: string;
  imagePath: string;
}

/** Served in-process by the sandbox handler: the `.invalid` host is never looked up or contacted. */
export const SANDBOX_ENVIRONMENT: Readonly<Environment> = Object.freeze({
  id: 'sandbox',
  name: 'Sandbox',
  kind: 'sandbox',
  baseUrl: 'https://sandbox.pim.invalid',
  tokenPath: DEFAULT_TOKEN_PATH,
  imagePath: DEFAULT_IMAGE_PATH,
});

export const PRODUCTION_ENVIRONMENT: Readonly<Environment> = Object.freeze({
  id: 'production',
  name: 'Production',
  kind: 'production',
  baseUrl: 'https://api-prd.kpn.com',
  tokenPath: DEFAULT_TOKEN_PATH,
  imagePath: DEFAULT_IMAGE_PATH,
});

export const BUILT_IN_ENVIRONMENTS: readonly Readonly<Environment>[] = [SANDBOX_ENVIRONMENT, PRODUCTION_ENVIRONMENT];

/** The manifest's `host_permissions`; anything else is asked for at run time. */
export const MANIFEST_HOST_PATTERNS: readonly string[] = [
  'https://api-prd.kpn.com/*',
  'http://127.0.0.1/*',
  'http://localhost/*',
];

export const ENVIRONMENT_NAME_MAX_LENGTH = 60;

export type EnvironmentField = 'name' | 'baseUrl' | 'tokenPath' | 'imagePath';

export type EnvironmentErrorCode =
  | 'required'
  | 'too-long'
  | 'duplicate-name'
  | 'not-a-url'
  | 'bad-scheme'
  | 'insecure-http'
  | 'has-credentials'
  | 'has-query-or-fragment'
  | 'bad-path'
  | 'built-in';

export interface EnvironmentFieldError {
  code: EnvironmentErrorCode;
  message: string;
}

export type EnvironmentErrors = Partial<Record<EnvironmentField, EnvironmentFieldError>>;

export type ValidateEnvironmentResult =
  | { ok: true; environment: Environment }
  | { ok: false; errors: EnvironmentErrors };

/**
 * Checks a custom environment from the options form. Paths default to KPN's; a new environment
 * gets an id from `makeId`. Plain http is accepted only for loopback hosts: the client secret
 * travels in the token request's body.
 */
export function validateEnvironmentInput(
  input: unknown,
  existing: readonly Environment[],
  makeId: () => string = () => `custom-${crypto.randomUUID()}`,
): ValidateEnvironmentResult {
  const raw: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...input } : {};
  const errors: EnvironmentErrors = {};
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
  const fail: Fail = (field, code, message) => {
    errors[field] ??= { code, message };
    return undefined;
  };

  if (id !== undefined && BUILT_IN_ENVIRONMENTS.some((e) => e.id === id)) {
    fail('name', 'built-in', 'The built-in environments cannot be changed.');
  }

  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (name === '') fail('name', 'required', 'Name is required.');
  else if ([...name].length > ENVIRONMENT_NAME_MAX_LENGTH) {
    fail('name', 'too-long', `Name must be at most ${ENVIRONMENT_NAME_MAX_LENGTH} characters.`);
  } else if (
    [...BUILT_IN_ENVIRONMENTS, ...existing].some((e) => e.id !== id && e.name.toLowerCase() === name.toLowerCase())
  ) {
    fail('name', 'duplicate-name', `An environment named "${name}" already exists.`);
  }

  const baseUrl = checkBaseUrl(typeof raw.baseUrl === 'string' ? raw.baseUrl.trim() : '', fail);
  const tokenPath = checkPath('tokenPath', raw.tokenPath, DEFAULT_TOKEN_PATH, fail);
  const imagePath = checkPath('imagePath', raw.imagePath, DEFAULT_IMAGE_PATH, fail);

  if (Object.keys(errors).length > 0 || baseUrl === undefined || tokenPath === undefined || imagePath === undefined) {
    return { ok: false, errors };
  }
  return { ok: true, environment: { id: id ?? makeId(), name, kind: 'custom', baseUrl, tokenPath, imagePath } };
}

type Fail = (field: EnvironmentField, code: EnvironmentErrorCode, message: string) => undefined;

function checkBaseUrl(text: string, fail: Fail): string | undefined {
  if (text === '') return fail('baseUrl', 'required', 'Base URL is required.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('baseUrl', 'not-a-url', 'Base URL must be a full address such as https://api.example.com.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail('baseUrl', 'bad-scheme', 'Base URL must start with https:// or http://.');
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return fail('baseUrl', 'insecure-http', 'Use https:// (plain http:// is allowed only for localhost and 127.0.0.1).');
  }
  if (url.username !== '' || url.password !== '') {
    return fail('baseUrl', 'has-credentials', 'Base URL must not contain a user name or password.');
  }
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    return fail('baseUrl', 'has-query-or-fragment', 'Base URL must not contain "?" or "#".');
  }
  return normalizeBaseUrl(url.href);
}

function checkPath(field: 'tokenPath' | 'imagePath', value: unknown, fallback: string, fail: Fail): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return fallback;
  const label = field === 'tokenPath' ? 'Token path' : 'Image path';
  // "//" would read as a host to anyone building URLs with `new URL(path, base)`.
  if (!text.startsWith('/') || text.startsWith('//') || /[\s?#\\]/.test(text)) {
    return fail(field, 'bad-path', `${label} must start with "/" and contain no spaces, "?" or "#".`);
  }
  return text;
}

/** `https://host/prefix/` → `https://host/prefix`, so `${baseUrl}${path}` has exactly one slash. */
export function normalizeBaseUrl(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '');
}

/**
 * Scheme, host and port of a base URL (`https://api.example.com:8443`; a default port is left out),
 * or undefined when it is not a URL. A stored client secret is bound to this: it is sent to no other.
 */
export function apiOrigin(baseUrl: string): string | undefined {
  try {
    return new URL(baseUrl.trim()).origin;
  } catch {
    return undefined;
  }
}

/**
 * The match pattern to pass to `permissions.request` for a base URL. Chrome match patterns have no
 * port: `http://localhost/*` covers every port (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
 */
export function originPattern(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * True when the manifest's host permissions do not cover this base URL, so the options page must
 * ask for it. The sandbox environment never needs one (it is not fetched); callers skip it.
 */
export function needsHostPermission(baseUrl: string, granted: readonly string[] = MANIFEST_HOST_PATTERNS): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return true;
  }
  return !granted.some((pattern) => patternMatches(pattern, url));
}

function patternMatches(pattern: string, url: URL): boolean {
  const match = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)\/(.*)$/.exec(pattern);
  if (!match) return pattern === '<all_urls>';
  const [, scheme = '', host = '', path = ''] = match;
  if (scheme === '*' ? !['http:', 'https:'].includes(url.protocol) : url.protocol !== `${scheme}:`) return false;
  const hostname = url.hostname.toLowerCase();
  const hostOk =
    host === '*' ||
    (host.startsWith('*.') ? hostname === host.slice(2) || hostname.endsWith(host.slice(1)) : hostname === host.toLowerCase());
  // The patterns used here cover whole hosts; a narrower path pattern is treated as not covering a base URL.
  return hostOk && path === '*';
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
