import { SANDBOX_CLIENT } from './client';

export interface SandboxOptions {
  /** The client credentials the token endpoint accepts. Public by design: this is a sandbox. */
  clientId: string;
  clientSecret: string;
  /** Redirect references "registered" for the sandbox client; `/image` rejects any other. */
  redirects: readonly number[];
  tokenLifetimeSeconds: number;
  /** Epoch milliseconds; tests pass a fake clock to expire tokens. */
  now: () => number;
  /** Larger request bodies answer 413. */
  maxBodyBytes: number;
  /** The sandbox's own field limits (KPN publishes none), so clients can meet a server-side 400. */
  maxTitleLength: number;
  maxDescriptionLength: number;
  /** Largest width or height in pixels. */
  maxImageSize: number;
  /**
   * The band across the top of every sandbox QR, printed in the image. The extension passes it in the
   * browser's language; when it does not fit, the band says only "SANDBOX".
   */
  bandLabel: string;
  /** `/image` calls each client may make per UTC day; the quota-* headers report the count. */
  quotaLimit: number;
}

export { LOCAL_SANDBOX_COMMAND, LOCAL_SANDBOX_URL } from './client';

export const SANDBOX_DEFAULTS: Readonly<SandboxOptions> = Object.freeze({
  ...SANDBOX_CLIENT,
  redirects: Object.freeze([1]),
  tokenLifetimeSeconds: 3599,
  now: () => Date.now(),
  maxBodyBytes: 64 * 1024,
  maxTitleLength: 256,
  maxDescriptionLength: 1024,
  maxImageSize: 4096,
  bandLabel: 'SANDBOX · not a real PiM code',
  quotaLimit: 1000,
});

export class SandboxConfigError extends Error {
  override name = 'SandboxConfigError';
}

/** Checks one option's value and returns it as stored (e.g. digit strings as numbers); throws when invalid. */
export type OptionCheck = (value: unknown, key: string) => unknown;

const positiveInteger: OptionCheck = (value, key) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new SandboxConfigError(`${key} must be a positive integer`);
  }
  return value;
};

const nonEmptyString: OptionCheck = (value, key) => {
  if (typeof value !== 'string' || value === '') throw new SandboxConfigError(`${key} must be a non-empty string`);
  return value;
};

export const SANDBOX_OPTION_CHECKS: Readonly<Record<keyof SandboxOptions, OptionCheck>> = {
  clientId: nonEmptyString,
  clientSecret: nonEmptyString,
  redirects: (value, key) => {
    if (!Array.isArray(value) || value.length === 0) {
      throw new SandboxConfigError(`${key} must be a non-empty list of positive integers`);
    }
    return value.map((item: unknown) => positiveInteger(typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : item, key));
  },
  tokenLifetimeSeconds: (value, key) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new SandboxConfigError(`${key} must be a whole number of seconds`);
    }
    return value;
  },
  now: (value, key) => {
    if (typeof value !== 'function') throw new SandboxConfigError(`${key} must be a function`);
    return value;
  },
  maxBodyBytes: positiveInteger,
  maxTitleLength: positiveInteger,
  maxDescriptionLength: positiveInteger,
  maxImageSize: positiveInteger,
  bandLabel: nonEmptyString,
  quotaLimit: positiveInteger,
};

/**
 * Validates a partial options object against `checks`; throws SandboxConfigError (or whatever a
 * check throws) naming the first bad key. Keys set to undefined are ignored, unknown keys are
 * rejected so a typo cannot pass silently.
 */
export function checkOptions<T extends object>(patch: unknown, checks: Readonly<Record<keyof T, OptionCheck>>): Partial<T> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new SandboxConfigError('Sandbox options must be an object');
  }
  const checked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(checks, key)) throw new SandboxConfigError(`Unknown sandbox option '${key}'`);
    checked[key] = checks[key as keyof T](value, key);
  }
  return checked as Partial<T>;
}
