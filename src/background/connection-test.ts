// "Test connection" in Options: mints a token with what the form holds, saving none of it. A stored
// secret goes along only while the form still names the origin and client ID it was saved for (and
// the saved environment still does too); anywhere else the typed secret is needed.
import { apiOrigin, type Environment, validateEnvironmentInput } from '../core/environments';
import { PimError } from '../core/errors';
import { createMemoryStore } from '../core/storage-port';
import { type ClientCredentials, createTokenSource, tokenCacheKey } from '../core/token-cache';
import type { ConnectionTestForm } from '../shared/contracts/ui-checks';
import type { ConnectionTestResult } from '../shared/messages';
import { clientIdFor, credentialsFor, findEnvironment, secretBinds } from './environments';
import { type ApiDeps, ensureHostAccess, requestLogger } from './generate';
import type { UiHandlers } from './router';
import type { Settings } from './settings-schema';

export function createConnectionTestHandlers(deps: ApiDeps) {
  return {
    'ui-bg-connection-test': (form) => testFormConnection(deps, form),
  } satisfies Partial<UiHandlers>;
}

/** Always a fresh mint, kept nowhere: a cached token proves nothing about what was just typed. */
export async function testFormConnection(deps: ApiDeps, form: ConnectionTestForm): Promise<ConnectionTestResult> {
  const settings = await deps.settings.read();
  const saved = form.environmentId === undefined ? undefined : findEnvironment(settings, form.environmentId);
  const endpoint = endpointToTest(saved, form);
  const credentials = await credentialsToTest(deps, settings, saved, endpoint, form);
  const custom = saved === undefined || saved.kind === 'custom';
  if (custom) await ensureHostAccess(deps, endpoint.baseUrl);
  // What is saved, tested as it is: its token serves the next generate. Anything else is kept nowhere,
  // so a test of unsaved values never pushes the saved environment's token out of its slot, nor
  // files another server's or client's quota figures under the saved environment.
  const asSaved = saved !== undefined && (await sameAsSaved(deps, settings, saved, endpoint, credentials));
  const { onRequest, pendingLogs } = requestLogger(deps, 'connection-test', { keepQuota: asSaved });
  const tokens = createTokenSource({
    fetch: saved?.kind === 'sandbox' ? deps.sandboxFetch : deps.fetch,
    now: deps.now,
    store: asSaved ? deps.session : createMemoryStore(),
    cacheKey: asSaved ? tokenCacheKey(saved.id) : 'connection-test',
    endpoint,
    credentials,
    onRequest,
    ...(saved ? { environment: saved.id } : {}),
  });
  const started = deps.now();
  try {
    const { expiresAt } = await tokens.refresh();
    const now = deps.now();
    return { durationMs: Math.max(0, now - started), expiresInSeconds: Math.max(0, Math.round((expiresAt - now) / 1000)) };
  } finally {
    await Promise.all(pendingLogs);
  }
}

/** Built-in environments keep their own address (the form cannot change it); a custom one is checked as saving would. */
function endpointToTest(saved: Environment | undefined, form: ConnectionTestForm): Environment {
  if (saved !== undefined && saved.kind !== 'custom') return saved;
  // Only the address and paths are judged here; the name is the save's concern.
  const checked = validateEnvironmentInput({ name: 'connection test', baseUrl: form.baseUrl, tokenPath: form.tokenPath }, [], () => 'unsaved');
  if (!checked.ok) throw new PimError('environment-invalid');
  return { ...checked.environment, id: saved?.id ?? checked.environment.id };
}

async function credentialsToTest(
  deps: ApiDeps,
  settings: Settings,
  saved: Environment | undefined,
  endpoint: Environment,
  form: ConnectionTestForm,
): Promise<ClientCredentials> {
  if (saved?.kind === 'sandbox') return credentialsFor(settings, saved, deps.secrets);
  const clientId = form.clientId.trim();
  const typedSecret = form.clientSecret?.trim() ?? '';
  if (clientId === '') throw new PimError('not-configured');
  if (typedSecret !== '') return { clientId, clientSecret: typedSecret };
  const stored = saved === undefined ? undefined : await deps.secrets.get(saved.id);
  if (stored === undefined || saved === undefined) throw new PimError('not-configured');
  const origin = apiOrigin(endpoint.baseUrl) ?? '';
  const boundHere = secretBinds(stored, saved, clientIdFor(settings, saved)) && stored.origin === origin && stored.clientId === clientId;
  if (!boundHere) {
    throw new PimError('secret-bound-elsewhere', {
      params: { savedOrigin: stored.origin, savedClientId: stored.clientId, origin, clientId },
    });
  }
  return { clientId, clientSecret: stored.clientSecret };
}

async function sameAsSaved(deps: ApiDeps, settings: Settings, saved: Environment, endpoint: Environment, credentials: ClientCredentials) {
  if (endpoint.baseUrl !== saved.baseUrl || endpoint.tokenPath !== saved.tokenPath) return false;
  const stored = await credentialsFor(settings, saved, deps.secrets);
  return stored.clientId === credentials.clientId && stored.clientSecret === credentials.clientSecret;
}
