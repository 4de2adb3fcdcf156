import { SANDBOX_DEFAULTS, SANDBOX_OPTION_CHECKS, SandboxConfigError, type OptionCheck, type SandboxOptions, checkOptions } from '../options';
import { parseFaults } from './faults';

/** The options of the development sandbox (`npm run sandbox`, tests): the emulator's, plus faults and admin routes. */
export interface DevSandboxOptions extends SandboxOptions {
  /** Instance faults, same syntax as the `x-sandbox-fault` header (see faults.ts). */
  faults: readonly string[];
  /** Serve `/__sandbox/*` (stats, config, reset, beacon). */
  adminRoutes: boolean;
}

export const DEV_SANDBOX_DEFAULTS: Readonly<DevSandboxOptions> = Object.freeze({
  ...SANDBOX_DEFAULTS,
  faults: Object.freeze([]),
  adminRoutes: true,
});

const DEV_OPTION_CHECKS: Readonly<Record<keyof DevSandboxOptions, OptionCheck>> = {
  ...SANDBOX_OPTION_CHECKS,
  faults: (value, key) => {
    const list: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [null];
    if (!list.every((item): item is string => typeof item === 'string')) {
      throw new SandboxConfigError(`${key} must be a string or a list of strings`);
    }
    // Parse now so a typo fails at configuration time, not silently at request time.
    for (const item of list) parseFaults(item);
    return list;
  },
  adminRoutes: (value, key) => {
    if (typeof value !== 'boolean') throw new SandboxConfigError(`${key} must be true or false`);
    return value;
  },
};

/**
 * Validates a partial options object from code or from `POST /__sandbox/config`; throws
 * SandboxConfigError (or SandboxFaultError for a bad fault) naming the first bad key.
 */
export function checkOptionsPatch(patch: unknown): Partial<DevSandboxOptions> {
  return checkOptions<DevSandboxOptions>(patch, DEV_OPTION_CHECKS);
}
