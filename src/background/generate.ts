// Generate a QR for the UI: pick the environment and credentials, get a token, call /image,
// and record the result in history and every HTTP call in the request log.
import { baseUrlProblem, needsHostPermission, originPattern, type Environment } from '../core/environments';
import { isPimError, PimError } from '../core/errors';
import { generateQr } from '../core/pim-client';
import type { RequestLogEntry } from '../core/request-log';
import type { FetchLike } from '../core/send-request';
import type { KeyValueStore } from '../core/storage-port';
import { createTokenSource, forgetCachedToken, type TokenSource, tokenCacheKey } from '../core/token-cache';
import type { Quota } from '../core/quota';
import { asQuotaRefusal } from '../core/quota-refusal';
import type { GenerateAnswer, GenerateResult } from '../shared/messages';
import { credentialsFor, findEnvironment } from './environments';
import type { HistoryStore } from './history';
import type { QuotaStore } from './quota-store';
import type { RequestLogStore } from './request-log-store';
import type { SecretStore } from './secret-store';
import type { Settings } from './settings-schema';
import type { SettingsStore } from './settings-store';

export interface ApiDeps {
  settings: SettingsStore;
  /** Client secrets: the extension origin's IndexedDB, out of content scripts' reach. */
  secrets: SecretStore;
  history: HistoryStore;
  log: RequestLogStore;
  /** storage.local: the latest quota figures per environment. */
  quota: QuotaStore;
  /** The token slots in storage.session (remembered between generates): tokens must survive a stopped worker but not the browser session. */
  session: KeyValueStore;
  fetch: FetchLike;
  /** The built-in Sandbox environment's in-process stand-in for `fetch`. */
  sandboxFetch: FetchLike;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  newId: () => string;
  hasHostPermission: (pattern: string) => Promise<boolean>;
}

interface Connection {
  settings: Settings;
  environment: Environment;
  tokens: TokenSource;
  fetch: FetchLike;
  onRequest: (entry: RequestLogEntry) => void;
  /** The quota figures of the last answer that had them. */
  latestQuota: () => Quota | undefined;
}

/** A custom address the browser has not granted yet is refused before anything is sent. */
export async function ensureHostAccess(deps: Pick<ApiDeps, 'hasHostPermission'>, baseUrl: string): Promise<void> {
  if (needsHostPermission(baseUrl) && !(await deps.hasHostPermission(originPattern(baseUrl)))) {
    throw new PimError('host-not-granted', { params: { host: new URL(baseUrl).host } });
  }
}

/**
 * Every call goes to the request log, and (unless `keepQuota` is off: the call was not the saved
 * environment's) the quota figures its answer reported to the environment's latest. Once both are
 * loaded, each write is handed to storage as the call ends (mirrored-item.ts): an answer sent after it
 * loses nothing when the worker stops, and the UI's next read sees it. `pendingLogs` settle when
 * storage has them.
 */
export function requestLogger(deps: Pick<ApiDeps, 'log' | 'quota'>, label: string, { keepQuota = true } = {}) {
  const pendingLogs: Promise<void>[] = [];
  let latest: Quota | undefined;
  const warn = (what: string) => (error: unknown) => console.warn(`[${label}] ${what} write failed`, error);
  const onRequest = (entry: RequestLogEntry) => {
    pendingLogs.push(deps.log.append(entry).catch(warn('log')));
    if (entry.quota === undefined) return;
    latest = entry.quota;
    if (keepQuota && entry.environment !== undefined) pendingLogs.push(deps.quota.record(entry.environment, entry.quota).catch(warn('quota')));
  };
  return { onRequest, pendingLogs, latestQuota: () => latest };
}

async function connect(deps: ApiDeps, environmentId: unknown): Promise<Connection> {
  // Read into memory alongside the settings (once per worker start): then nothing the call leaves
  // behind has to wait for a read before it is written.
  const [settings] = await Promise.all([
    deps.settings.readFor(environmentId),
    Promise.all([deps.history.load(), deps.log.load(), deps.quota.load()]).catch((error: unknown) =>
      console.warn('[generate] history, request log or quota figures could not be read ahead', error),
    ),
  ]);
  const environment = findEnvironment(settings, environmentId);
  const { savedFor, ...credentials } = await credentialsFor(settings, environment, deps.secrets);
  if (savedFor) {
    throw new PimError('secret-bound-elsewhere', {
      params: { savedOrigin: savedFor.origin, savedClientId: savedFor.clientId, origin: new URL(environment.baseUrl).origin, clientId: credentials.clientId },
    });
  }
  if (credentials.clientId === '' || credentials.clientSecret === '') {
    throw new PimError('not-configured');
  }
  // Saved before host names were checked (settings keep it so nothing is lost): never contacted.
  const problem = environment.kind === 'custom' ? baseUrlProblem(environment.baseUrl) : undefined;
  if (problem) {
    throw new PimError('stored-host-invalid', { params: { environment: environment.name } });
  }
  if (environment.kind === 'custom') await ensureHostAccess(deps, environment.baseUrl);
  const fetch = environment.kind === 'sandbox' ? deps.sandboxFetch : deps.fetch;
  const { onRequest, latestQuota } = requestLogger(deps, 'generate');
  const tokens = createTokenSource({
    fetch,
    now: deps.now,
    store: deps.session,
    cacheKey: tokenCacheKey(environment.id),
    endpoint: environment,
    credentials,
    onRequest,
    environment: environment.id,
  });
  return { settings, environment, tokens, fetch, onRequest, latestQuota };
}

/** A generated QR, already handed to history, and how to take it back out if it is cancelled after all. */
export interface GenerateOutcome {
  /** The history item, and the quota figures its answer reported (not kept in history). */
  result: GenerateAnswer;
  /** Removes the result from history and restores what its entry pushed out of a full history. */
  takeBack: () => Promise<void>;
}

/**
 * `params` is checked again by the core: the UI's validation is a convenience, not a guard. Rejects
 * with `cancelled`, leaving history as it was, when `signal` aborts before the history write, even if
 * the answer had arrived; the caller honours a later abort with `takeBack`.
 */
export async function generate(
  deps: ApiDeps,
  request: { environmentId: string; params: unknown },
  signal: AbortSignal,
): Promise<GenerateOutcome> {
  const connection = await connect(deps, request.environmentId);
  const result = await generateQr({
    params: request.params,
    endpoint: connection.environment,
    tokens: connection.tokens,
    fetch: connection.fetch,
    now: deps.now,
    sleep: deps.sleep,
    random: deps.random,
    signal,
    onRequest: connection.onRequest,
    environment: connection.environment.id,
  }).catch(async (error: unknown) => {
    throw await explainRefusal(deps, connection.environment.id, error);
  });
  const item: GenerateResult = {
    id: deps.newId(),
    svg: result.svg,
    bytes: result.bytes,
    durationMs: result.durationMs,
    environmentId: connection.environment.id,
    environmentName: connection.environment.name,
    params: result.params,
    time: deps.now(),
  };
  // Cancel means cancel, even when the answer has arrived: `add` writes nothing once the signal has
  // aborted. An abort after the write is the caller's to honour with takeBack.
  // Deleted while the call ran (in Options, or another view): its result is not kept, and the popup
  // hears that the environment no longer exists.
  const current = await deps.settings.reread(connection.settings);
  findEnvironment(current, connection.environment.id);
  const quota = connection.latestQuota();
  const answer: GenerateAnswer = quota === undefined ? item : { ...item, quota };
  // History switched off, even while the call ran: nothing is written, so there is nothing to take back.
  if (!current.defaults.keepHistory) {
    if (signal.aborted) throw new PimError('cancelled');
    return { result: answer, takeBack: () => Promise.resolve() };
  }
  const limit = connection.settings.defaults.historySize;
  // Answer first, persist right after: `add` resolves once its writes are handed to storage, not
  // once storage has them, so a worker stopped right after the answer still keeps the entry.
  const { evicted, written } = await deps.history.add(item, limit, signal);
  written.catch((error: unknown) => console.warn('[generate] history write failed', error));
  return {
    result: answer,
    takeBack: async () => {
      await deps.history.withdraw(item.id, evicted, limit);
    },
  };
}

/** A refusal while the environment's latest figures say its quota is used up is that, not "slow down". */
async function explainRefusal(deps: Pick<ApiDeps, 'quota' | 'now'>, environmentId: string, error: unknown): Promise<unknown> {
  if (!isPimError(error) || error.code !== 'rate-limited') return error;
  const stored = await deps.quota.get(environmentId).catch(() => undefined);
  return asQuotaRefusal(error, stored, deps.now(), 'stored');
}

/**
 * Tokens minted with credentials or a base URL that were changed or removed must not be used
 * again, and a mint still in flight for them must not cache its token. The quota figures were
 * another client's, or another server's, too.
 */
export async function forgetTokens(deps: Pick<ApiDeps, 'session' | 'quota'>, environmentId: string): Promise<void> {
  await Promise.all([forgetCachedToken(deps.session, tokenCacheKey(environmentId)), deps.quota.forget(environmentId)]);
}
