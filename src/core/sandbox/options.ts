import { parseFaults } from './faults';

export interface SandboxOptions {
  /** The client credentials the token endpoint accepts. Public by design: this is a sandbox. */
  clientId: string;
  clientSecret: string;
  /** Redirect references "registered" for the sandbox client; `/image` rejects any other. */
  redirects: readonly number[];
  tokenLifetimeSeconds: number;
  /** Epoch milliseconds; tests pass a fake clock to expire tokens. */
  now: () => number;
  /** Instance faults, same syntax as the `x-sandbox-fault` header (see faults.ts). */
  faults: readonly string[];
  /** Larger request bodies answer 413. */
  maxBodyBytes: number;
  /** The sandbox's own field limits (KPN publishes none), so clients can meet a server-side 400. */
  maxTitleLength: number;
  maxDescriptionLength: number;
  /** Largest width or height in pixels. */
  maxImageSize: number;
  /** Serve `/__sandbox/*` (stats, config, reset, beacon). */
  adminRoutes: boolean;
}

export const SANDBOX_DEFAULTS: Readonly<SandboxOptions> = Object.freeze({
  clientId: 'sandbox-client',
  clientSecret: 'sandbox-secret',
  redirects: Object.freeze([1]),
  tokenLifetimeSeconds: 3599,
  now: () => Date.now(),
  faults: Object.freeze([]),
  maxBodyBytes: 64 * 1024,
  maxTitleLength: 256,
  maxDescriptionLength: 1024,
  maxImageSize: 4096,
  adminRoutes: true,
});

export class SandboxConfigError extends Error {
  override name = 'SandboxConfigError';
}

type Check = (value: unknown, key: string) => unknown;

const positiveInteger: Check = (value, key) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new SandboxConfigError(`${key} must be a positive integer`);
  }
  return value;
};

const nonEmptyString: Check = (value, key) => {
  if (typeof value !== 'string' || value === '') throw new SandboxConfigError(`${key} must be a non-empty string`);
  return value;
};

const CHECKS: Record<keyof SandboxOptions, Check> = {
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
  faults: (value, key) => {
    const list: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [null];
    if (!list.every((item): item is string => typeof item === 'string')) {
      throw new SandboxConfigError(`${key} must be a string or a list of strings`);
    }
    // Parse now so a typo fails at configuration time, not silently at request time.
    for (const item of list) parseFaults(item);
    return list;
  },
  maxBodyBytes: positiveInteger,
  maxTitleLength: positiveInteger,
  maxDescriptionLength: positiveInteger,
  maxImageSize: positiveInteger,
  adminRoutes: (value, key) => {
    if (typeof value !== 'boolean') throw new SandboxConfigError(`${key} must be true or false`);
    return value;
  },
};

/**
 * Validates a partial options object from code or from `POST /__sandbox/config`; throws
 * SandboxConfigError (or SandboxFaultError for a bad fault) naming the first bad key.
 * Keys set to undefined are ignored, unknown keys are rejected so a typo cannot pass silently.
 */
export function checkOptionsPatch(patch: unknown): Partial<SandboxOptions> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new SandboxConfigError('Sandbox options must be an object');
  }
  const checked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(CHECKS, key)) throw new SandboxConfigError(`Unknown sandbox option '${key}'`);
    checked[key] = CHECKS[key as keyof SandboxOptions](value, key);
  }
  return checked as Partial<SandboxOptions>;
}
