// Environment lookup for the background: the built-ins plus the user's own, their credentials,
// and the views the UI may see (never a secret).
import { apiOrigin, BUILT_IN_ENVIRONMENTS, baseUrlProblem, type Environment, needsHostPermission, originPattern } from '../core/environments';
import { PimError } from '../core/errors';
import type { ManagedEnvironment } from '../core/managed-environments';
import { SANDBOX_CLIENT } from '../core/sandbox/client';
import type { EnvironmentView } from '../shared/messages';
import type { SecretStore, StoredSecret } from './secret-store';
import type { Settings } from './settings-schema';

export function allEnvironments(settings: Settings): Environment[] {
  return [...BUILT_IN_ENVIRONMENTS.map((e) => ({ ...e })), ...(settings.managed?.environments ?? []), ...settings.customEnvironments];
}

export function findEnvironment(settings: Settings, id: unknown): Environment {
  const environment = allEnvironments(settings).find((e) => e.id === id);
  if (!environment) {
    throw new PimError('environment-gone');
  }
  return environment;
}

export interface ResolvedCredentials {
  clientId: string;
  /** '' when none is stored, or when the stored one was saved for another origin or client ID. */
  clientSecret: string;
  /** Set when a secret is stored for another origin or client ID than the environment has now. */
  savedFor?: { origin: string; clientId: string };
}

/** The built-in sandbox has public, documented credentials; every other environment needs the user's. */
export function clientIdFor(settings: Settings, environment: Environment): string {
  if (environment.kind === 'sandbox') return SANDBOX_CLIENT.clientId;
  return (environment as Partial<ManagedEnvironment>).clientId ?? settings.credentials[environment.id]?.clientId ?? '';
}

/** A secret is sent only to the origin (scheme, host, port) and with the client ID it was saved for. */
export function secretBinds(secret: StoredSecret, environment: Environment, clientId: string): boolean {
  return secret.clientId === clientId && secret.origin === apiOrigin(environment.baseUrl);
}

/**
 * The credentials to mint with. This is where a secret is read for a mint, so the binding is
 * checked here whatever the save handlers did: a secret saved for another base URL's origin or
 * another client ID comes back as no secret.
 */
export async function credentialsFor(settings: Settings, environment: Environment, secrets: SecretStore): Promise<ResolvedCredentials> {
  if (environment.kind === 'sandbox') {
    return { clientId: SANDBOX_CLIENT.clientId, clientSecret: SANDBOX_CLIENT.clientSecret };
  }
  const clientId = clientIdFor(settings, environment);
  const stored = await secrets.get(environment.id);
  if (!stored) return { clientId, clientSecret: '' };
  if (!secretBinds(stored, environment, clientId)) {
    return { clientId, clientSecret: '', savedFor: { origin: stored.origin, clientId: stored.clientId } };
  }
  return { clientId, clientSecret: stored.clientSecret };
}

/** Secrets shorter than this show no hint: 4 known characters are too large a share of a short one. */
export const SECRET_HINT_MIN_LENGTH = 16;

export function secretHint(secret: string): string {
  return secret.length >= SECRET_HINT_MIN_LENGTH ? secret.slice(-4) : '';
}

export async function environmentView(
  settings: Settings,
  environment: Environment,
  secrets: SecretStore,
  hasHostPermission: (pattern: string) => Promise<boolean>,
): Promise<EnvironmentView> {
  const credentials = await credentialsFor(settings, environment, secrets);
  // A base URL whose host is no single real host is never contacted: it needs fixing, not a grant.
  const needsPermission =
    environment.kind === 'custom' &&
    needsHostPermission(environment.baseUrl) &&
    (baseUrlProblem(environment.baseUrl) !== undefined || !(await hasHostPermission(originPattern(environment.baseUrl))));
  return {
    ...environment,
    builtIn: environment.kind !== 'custom',
    clientId: credentials.clientId,
    secretSet: credentials.clientSecret !== '',
    secretHint: environment.kind === 'sandbox' ? '' : secretHint(credentials.clientSecret),
    needsPermission,
    confirmFirstCall: settings.confirmFirstCall[environment.id] === true,
  };
}

type ViewDeps = { secrets: SecretStore; hasHostPermission: (pattern: string) => Promise<boolean> };

export function environmentViews(deps: ViewDeps, settings: Settings): Promise<EnvironmentView[]> {
  return Promise.all(allEnvironments(settings).map((e) => environmentView(settings, e, deps.secrets, deps.hasHostPermission)));
}

export function environmentViewOf(deps: ViewDeps, settings: Settings, id: string): Promise<EnvironmentView> {
  return environmentView(settings, findEnvironment(settings, id), deps.secrets, deps.hasHostPermission);
}

/**
 * Drops the stored secret unless it was saved for this environment's origin and this client ID,
 * so a changed base URL or client ID never takes the old secret along (README: write-only).
 */
export async function dropUnboundSecret(secrets: SecretStore, environment: Environment, clientId: string): Promise<boolean> {
  const stored = await secrets.get(environment.id);
  if (!stored || secretBinds(stored, environment, clientId)) return false;
  await secrets.remove(environment.id);
  return true;
}
