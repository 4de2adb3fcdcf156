// Environment lookup for the background: the built-ins plus the user's own, their credentials,
// and the views the UI may see (never a secret).
import { BUILT_IN_ENVIRONMENTS, baseUrlProblem, type Environment, needsHostPermission, originPattern } from '../core/environments';
import { PimError } from '../core/errors';
import { SANDBOX_DEFAULTS } from '../core/sandbox/handler';
import type { EnvironmentView } from '../shared/messages';
import type { Settings, StoredCredentials } from './settings-schema';

export function allEnvironments(settings: Settings): Environment[] {
  return [...BUILT_IN_ENVIRONMENTS.map((e) => ({ ...e })), ...settings.customEnvironments];
}

export function findEnvironment(settings: Settings, id: unknown): Environment {
  const environment = allEnvironments(settings).find((e) => e.id === id);
  if (!environment) {
    throw new PimError('invalid-parameters', {
      message: 'That environment no longer exists.',
      hint: 'Choose another environment.',
    });
  }
  return environment;
}

/** The built-in sandbox has public, documented credentials; every other environment needs the user's. */
export function credentialsFor(settings: Settings, environment: Environment): StoredCredentials | undefined {
  if (environment.kind === 'sandbox') {
    return { clientId: SANDBOX_DEFAULTS.clientId, clientSecret: SANDBOX_DEFAULTS.clientSecret };
  }
  return settings.credentials[environment.id];
}

export function secretHint(secret: string): string {
  return secret.length >= 8 ? secret.slice(-4) : '';
}

export async function environmentView(
  settings: Settings,
  environment: Environment,
  hasHostPermission: (pattern: string) => Promise<boolean>,
): Promise<EnvironmentView> {
  const credentials = credentialsFor(settings, environment);
  const stored = environment.kind === 'sandbox' ? undefined : settings.credentials[environment.id];
  // A base URL whose host is no single real host is never contacted: it needs fixing, not a grant.
  const needsPermission =
    environment.kind === 'custom' &&
    needsHostPermission(environment.baseUrl) &&
    (baseUrlProblem(environment.baseUrl) !== undefined || !(await hasHostPermission(originPattern(environment.baseUrl))));
  return {
    ...environment,
    builtIn: environment.kind !== 'custom',
    clientId: credentials?.clientId ?? '',
    secretSet: environment.kind === 'sandbox' || (stored?.clientSecret ?? '') !== '',
    secretHint: stored ? secretHint(stored.clientSecret) : '',
    needsPermission,
  };
}
