import { hasControlCharacters } from './control-characters';
import { BUILT_IN_NAMES_IN_ANY_LANGUAGE, hasInvisibleCharacters, namesReadAlike } from './environment-names';
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
  /** Set by a browser policy (managed-environments.ts): shown, used, never changed or deleted here. */
  managed?: true;
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
  | 'hidden-characters'
  | 'invisible-characters'
  | 'duplicate-name'
  | 'not-a-url'
  | 'bad-scheme'
  | 'doubled-scheme'
  | 'host-wildcard'
  | 'host-too-long'
  | 'host-empty-label'
  | 'host-label-too-long'
  | 'host-bad-character'
  | 'host-label-hyphen'
  | 'insecure-http'
  | 'has-credentials'
  | 'has-query-or-fragment'
  | 'bad-path'
  | 'built-in';

/** A code, not a sentence: the options page words it in the user's language (environment-error-text.ts). */
export interface EnvironmentFieldError {
  code: EnvironmentErrorCode;
  /** What the message quotes from the input (the character a host name may not contain). */
  value?: string;
}

export type EnvironmentErrors = Partial<Record<EnvironmentField, EnvironmentFieldError>>;

export type ValidateEnvironmentResult =
  | { ok: true; environment: Environment }
  | { ok: false; errors: EnvironmentErrors };

export interface ValidateEnvironmentOptions {
  /**
   * For an environment read back from storage: its host name is not checked, so one saved before
   * host names were checked is kept (nothing stored is lost). It still cannot be used, or be granted
   * access, until its base URL is corrected: see `baseUrlProblem`.
   */
  storedHost?: boolean;
}

/**
 * Checks a custom environment from the options form. Paths default to KPN's; a new environment
 * gets an id from `makeId`. Plain http is accepted only for loopback hosts: the client secret
 * travels in the token request's body. The host must be one real host name or IP literal, since it
 * becomes the site the browser is asked to grant access to.
 */
export function validateEnvironmentInput(
  input: unknown,
  existing: readonly Environment[],
  makeId: () => string = () => `custom-${crypto.randomUUID()}`,
  options: ValidateEnvironmentOptions = {},
): ValidateEnvironmentResult {
  const raw: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...input } : {};
  const errors: EnvironmentErrors = {};
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
  const fail: Fail = (field, code, value) => {
    errors[field] ??= value === undefined ? { code } : { code, value };
    return undefined;
  };

  if (id !== undefined && BUILT_IN_ENVIRONMENTS.some((e) => e.id === id)) {
    fail('name', 'built-in');
  }

  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  // A stored name is kept as it is, judged by the rules it was saved under (nothing stored is lost); a new
  // one may not hide line breaks, reorder its text, hide characters, or read as a name already there.
  const stored = options.storedHost === true;
  const others = [...(stored ? BUILT_IN_ENVIRONMENTS.map((e) => e.name) : BUILT_IN_NAMES_IN_ANY_LANGUAGE), ...existing.filter((e) => e.id !== id).map((e) => e.name)];
  const sameName = stored ? (other: string) => other.toLowerCase() === name.toLowerCase() : (other: string) => namesReadAlike(other, name);
  if (name === '') fail('name', 'required');
  else if ([...name].length > ENVIRONMENT_NAME_MAX_LENGTH) fail('name', 'too-long');
  else if (!stored && hasControlCharacters(name)) fail('name', 'hidden-characters');
  else if (!stored && hasInvisibleCharacters(name)) fail('name', 'invisible-characters');
  else if (others.some(sameName)) fail('name', 'duplicate-name');

  const baseUrl = checkBaseUrl(typeof raw.baseUrl === 'string' ? raw.baseUrl.trim() : '', fail, options.storedHost !== true);
  const tokenPath = checkPath('tokenPath', raw.tokenPath, DEFAULT_TOKEN_PATH, fail);
  const imagePath = checkPath('imagePath', raw.imagePath, DEFAULT_IMAGE_PATH, fail);

  if (Object.keys(errors).length > 0 || baseUrl === undefined || tokenPath === undefined || imagePath === undefined) {
    return { ok: false, errors };
  }
  return { ok: true, environment: { id: id ?? makeId(), name, kind: 'custom', baseUrl, tokenPath, imagePath } };
}

const DOUBLED_SCHEME = /^[a-z][a-z\d+.-]*:\/\/+[a-z][a-z\d+.-]*:\/\//i;

type Fail = (field: EnvironmentField, code: EnvironmentErrorCode, value?: string) => undefined;

function checkBaseUrl(text: string, fail: Fail, checkHost: boolean): string | undefined {
  if (text === '') return fail('baseUrl', 'required');
  // "https://http://127.0.0.1:8787" parses, with "http" as its host: an address pasted after a typed scheme.
  const doubled = DOUBLED_SCHEME.exec(text)?.[0];
  if (doubled !== undefined) return fail('baseUrl', 'doubled-scheme', doubled);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('baseUrl', unparsableBaseUrlProblem(text).code);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('baseUrl', 'bad-scheme');
  const hostProblem = checkHost ? hostNameProblem(url.hostname) : undefined;
  if (hostProblem) return fail('baseUrl', hostProblem.code, hostProblem.value);
  // Plain http only for loopback hosts (localhost, 127.0.0.0/8, [::1]): the secret travels in the token request.
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) return fail('baseUrl', 'insecure-http');
  if (url.username !== '' || url.password !== '') return fail('baseUrl', 'has-credentials');
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(text)) return fail('baseUrl', 'has-query-or-fragment');
  return normalizeBaseUrl(url.href);
}

function checkPath(field: 'tokenPath' | 'imagePath', value: unknown, fallback: string, fail: Fail): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return fallback;
  // "//" would read as a host to anyone building URLs with `new URL(path, base)`.
  if (!text.startsWith('/') || text.startsWith('//') || /[\s?#\\]/.test(text)) return fail(field, 'bad-path');
  return text;
}

const wildcardProblem = (): EnvironmentFieldError => ({ code: 'host-wildcard' });

/**
 * Why the URL parser refused a base URL. Firefox's parser refuses a host with "*" (or "%2A") outright,
 * where Chromium's and Node's keep it for `hostNameProblem`: a wildcard gets its own reason in every browser.
 */
function unparsableBaseUrlProblem(text: string): EnvironmentFieldError {
  const host = /^[a-z][a-z\d+.-]*:\/\/(?:[^/?#@]*@)?([^/?#]*)/i.exec(text)?.[1] ?? '';
  if (/\*|%2a/i.test(host)) return wildcardProblem();
  return { code: 'not-a-url' };
}

// Host names as RFC 1123 has them (dot-separated labels of letters, digits and inner hyphens), plus
// the underscore that internal DNS names often carry and browsers resolve.
export const HOST_NAME_MAX_LENGTH = 253;
export const HOST_LABEL_MAX_LENGTH = 63;

/**
 * Why a parsed URL's hostname is not one real host (a host name or an IP literal), or undefined when
 * it is. The URL parser has already lower-cased it, turned an international name into punycode
 * (`xn--…`) and an IPv4 address into its dotted form, so only ASCII is left to check. A wildcard
 * must never get through: `https://*.com` would become a request for access to every .com site.
 */
export function hostNameProblem(hostname: string): EnvironmentFieldError | undefined {
  // An IPv6 literal: the URL parser accepts only valid ones, in brackets.
  if (hostname.startsWith('[')) return undefined;
  // Chromium's parser keeps some characters percent-encoded in a host (`*` becomes `%2A`, Node's
  // does not): the checks, and the character a message names, are about what was typed.
  let host = hostname;
  try {
    host = decodeURIComponent(hostname);
  } catch {
    // A lone "%" stays as it is and is refused below as a character a host name cannot have.
  }
  if (host.includes('*')) return wildcardProblem();
  if (host.length > HOST_NAME_MAX_LENGTH) return { code: 'host-too-long' };
  const labels = host.split('.');
  // ".." or a dot at the start or end.
  if (labels.some((label) => label === '')) return { code: 'host-empty-label' };
  if (labels.some((label) => label.length > HOST_LABEL_MAX_LENGTH)) return { code: 'host-label-too-long' };
  // Letters, digits, "-", "_" and dots only.
  const bad = /[^a-z0-9._-]/.exec(host)?.[0];
  if (bad !== undefined) return { code: 'host-bad-character', value: bad };
  if (labels.some((label) => label.startsWith('-') || label.endsWith('-'))) return { code: 'host-label-hyphen' };
  return undefined;
}

/**
 * The problem with a stored base URL that keeps it from being used: its host name (one saved before
 * host names were checked, see `storedHost`), or undefined when it names one real host.
 */
export function baseUrlProblem(baseUrl: string): EnvironmentFieldError | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return unparsableBaseUrlProblem(baseUrl);
  }
  return hostNameProblem(url.hostname);
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
  // Callers check first; this is the last line before a pattern reaches permissions.request, so a
  // wildcard or malformed host fails closed instead of asking for every site.
  const problem = hostNameProblem(url.hostname);
  if (problem) throw new Error(`No host permission pattern for ${url.protocol}//${url.host}: ${problem.code}`);
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
