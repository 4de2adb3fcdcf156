// Every message the UI may send, as one map of named async functions.
import { curlCommands } from '../core/curl';
import { type Environment, validateEnvironmentInput } from '../core/environments';
import { PimError } from '../core/errors';
import { canonicalDefaults, DEFAULT_PARAMS, localizeDefaults, validateParams } from '../core/params';
import { defaultTexts } from '../shared/default-texts';
import type { EnvironmentView, SettingsView } from '../shared/messages';
import { allEnvironments, clientIdFor, environmentView, findEnvironment, secretBinds } from './environments';
import { type ApiDeps, forgetTokens, generate, testConnection } from './generate';
import type { PlacementMessageName } from './placement-handlers';
import type { Handlers } from './router';
import { objectPayload, optionalString, optionalTabId, requiredString } from './payload';
import { HISTORY_SIZE_MAX, isHistorySize, type Settings } from './settings-schema';

export interface BackgroundDeps extends ApiDeps {
  insertIntoPage: (tabId: number | undefined, svg: string) => Promise<{ tabId: number }>;
}

/**
 * How many answered generates stay cancellable. A popup's Cancel can cross the answer on its way and
 * must still take the item back out of history; the popup shows nothing of a request it cancelled,
 * and each popup has one request at a time, so a few recent ones are enough.
 */
const ANSWERED_KEPT = 8;

/** The placement messages have their own map (placement-handlers.ts); index.ts joins the two. */
export function createHandlers(deps: BackgroundDeps): Omit<Handlers, PlacementMessageName> {
  // Only memory: a stopped worker has no request left to cancel.
  const running = new Map<string, AbortController>();
  const answered = new Map<string, () => Promise<void>>();
  const rememberAnswered = (requestId: string, takeBack: () => Promise<void>) => {
    answered.delete(requestId);
    answered.set(requestId, takeBack);
    for (const oldest of answered.keys()) {
      if (answered.size <= ANSWERED_KEPT) break;
      answered.delete(oldest);
    }
  };
  const views = async (settings: Settings): Promise<EnvironmentView[]> =>
    Promise.all(allEnvironments(settings).map((e) => environmentView(settings, e, deps.secrets, deps.hasHostPermission)));
  const viewOf = async (settings: Settings, id: string) =>
    environmentView(settings, findEnvironment(settings, id), deps.secrets, deps.hasHostPermission);
  /**
   * Drops the stored secret unless it was saved for this environment's origin and this client ID,
   * so a changed base URL or client ID never takes the old secret along (README: write-only).
   */
  const dropUnboundSecret = async (environment: Environment, clientId: string): Promise<boolean> => {
    const stored = await deps.secrets.get(environment.id);
    if (!stored || secretBinds(stored, environment, clientId)) return false;
    await deps.secrets.remove(environment.id);
    return true;
  };
  const settingsView = async (settings: Settings): Promise<SettingsView> => {
    const notice = await deps.settings.takeNotice();
    const defaults = { ...settings.defaults, params: localizeDefaults(settings.defaults.params, defaultTexts()) };
    const view: SettingsView = { selectedEnvironmentId: settings.selectedEnvironmentId, defaults };
    if (notice !== undefined) view.notice = notice;
    return view;
  };

  return {
    'ui-bg-settings-get': async () => settingsView(await deps.settings.read()),

    'ui-bg-settings-save': async (raw) => {
      const payload = objectPayload(raw);
      const next = await deps.settings.update((settings) => {
        const updated = { ...settings };
        if (payload.selectedEnvironmentId !== undefined) {
          updated.selectedEnvironmentId = findEnvironment(settings, payload.selectedEnvironmentId).id;
        }
        if (payload.defaults !== undefined) {
          const defaults = objectPayload(payload.defaults);
          const params = validateParams(defaults.params ?? settings.defaults.params);
          if (!params.ok) throw new PimError('invalid-parameters', { fieldErrors: params.errors });
          const historySize = defaults.historySize ?? settings.defaults.historySize;
          if (!isHistorySize(historySize)) {
            throw new PimError('history-size-invalid', { params: { min: 1, max: HISTORY_SIZE_MAX } });
          }
          updated.defaults = { params: canonicalDefaults(params.params, defaultTexts()), historySize };
        }
        return updated;
      });
      return settingsView(next);
    },

    'ui-bg-environments-list': async () => views(await deps.settings.read()),

    'ui-bg-environment-save': async (raw) => {
      const payload = objectPayload(raw);
      let saved: Environment | undefined;
      const settings = await deps.settings.update(async (current) => {
        const others = current.customEnvironments.filter((e) => e.id !== payload.id);
        if (payload.id !== undefined && others.length === current.customEnvironments.length) {
          findEnvironment(current, payload.id); // a built-in id is refused by the validator below
        }
        const checked = validateEnvironmentInput(payload, others, () => `custom-${deps.newId()}`);
        if (!checked.ok) {
          throw new PimError('environment-invalid');
        }
        saved = checked.environment;
        const index = current.customEnvironments.findIndex((e) => e.id === checked.environment.id);
        const before = current.customEnvironments[index];
        const customEnvironments = [...current.customEnvironments];
        if (index >= 0) customEnvironments[index] = checked.environment;
        else customEnvironments.push(checked.environment);
        // Inside the settings queue: a credentials save cannot slip in between the check and the drop.
        const dropped = await dropUnboundSecret(checked.environment, current.credentials[checked.environment.id]?.clientId ?? '');
        if (dropped || (before && (before.baseUrl !== saved.baseUrl || before.tokenPath !== saved.tokenPath))) {
          void forgetTokens(deps, saved.id);
        }
        return { ...current, customEnvironments };
      });
      if (!saved) throw new PimError('internal');
      return viewOf(settings, saved.id);
    },

    'ui-bg-environment-delete': async (raw) => {
      const id = requiredString(objectPayload(raw), 'id');
      const settings = await deps.settings.update(async (current) => {
        const environment = findEnvironment(current, id);
        if (environment.kind !== 'custom') {
          throw new PimError('built-in-undeletable');
        }
        const { [id]: _removed, ...credentials } = current.credentials;
        await deps.secrets.remove(id);
        void forgetTokens(deps, id);
        return {
          ...current,
          customEnvironments: current.customEnvironments.filter((e) => e.id !== id),
          credentials,
          selectedEnvironmentId: current.selectedEnvironmentId === id ? 'sandbox' : current.selectedEnvironmentId,
        };
      });
      return views(settings);
    },

    'ui-bg-credentials-set': async (raw) => {
      const payload = objectPayload(raw);
      const environmentId = requiredString(payload, 'environmentId');
      const clientId = requiredString(payload, 'clientId', 512).trim();
      const newSecret = optionalString(payload, 'clientSecret', 1024)?.trim() ?? '';
      const settings = await deps.settings.update(async (current) => {
        const environment = findEnvironment(current, environmentId);
        if (environment.kind === 'sandbox') {
          throw new PimError('sandbox-needs-no-credentials');
        }
        if (clientId === '') {
          throw new PimError('client-id-required');
        }
        const origin = new URL(environment.baseUrl).origin;
        // An empty secret keeps the stored one, but only for the origin and client ID it was saved for.
        if (newSecret !== '') await deps.secrets.set(environmentId, { clientSecret: newSecret, clientId, origin });
        else await dropUnboundSecret(environment, clientId);
        void forgetTokens(deps, environmentId);
        return { ...current, credentials: { ...current.credentials, [environmentId]: { clientId } } };
      });
      return viewOf(settings, environmentId);
    },

    'ui-bg-credentials-clear': async (raw) => {
      const environmentId = requiredString(objectPayload(raw), 'environmentId');
      const settings = await deps.settings.update(async (current) => {
        findEnvironment(current, environmentId);
        const { [environmentId]: _removed, ...credentials } = current.credentials;
        await deps.secrets.remove(environmentId);
        void forgetTokens(deps, environmentId);
        return { ...current, credentials };
      });
      return viewOf(settings, environmentId);
    },

    'ui-bg-connection-test': async (raw) => testConnection(deps, requiredString(objectPayload(raw), 'environmentId')),

    'ui-bg-generate': async (raw) => {
      const payload = objectPayload(raw);
      const requestId = requiredString(payload, 'requestId', 100);
      const environmentId = requiredString(payload, 'environmentId');
      const controller = new AbortController();
      running.set(requestId, controller);
      try {
        const { result, takeBack } = await generate(deps, { environmentId, params: payload.params }, controller.signal);
        // No await between this check and the return: a Cancel is either seen here or finds the
        // request among the answered ones.
        if (controller.signal.aborted) {
          await takeBack();
          throw new PimError('cancelled');
        }
        rememberAnswered(requestId, takeBack);
        return result;
      } finally {
        if (running.get(requestId) === controller) running.delete(requestId);
      }
    },

    'ui-bg-generate-cancel': async (raw) => {
      const requestId = requiredString(objectPayload(raw), 'requestId', 100);
      const controller = running.get(requestId);
      if (controller) {
        controller.abort();
        return { cancelled: true };
      }
      // It answered already, but the popup cancelled before it saw the answer: it never happened.
      const takeBack = answered.get(requestId);
      answered.delete(requestId);
      if (takeBack) await takeBack();
      return { cancelled: takeBack !== undefined };
    },

    'ui-bg-history-get': async () => deps.history.list(),
    'ui-bg-history-clear': async () => deps.history.clear(),
    'ui-bg-log-get': async () => deps.log.list(),
    'ui-bg-log-clear': async () => deps.log.clear(),

    'ui-bg-curl-get': async (raw) => {
      const logEntryId = optionalString(objectPayload(raw ?? {}), 'logEntryId', 100);
      const entries = await deps.log.list();
      const imageCalls = entries.filter((e) => e.method === 'POST' && e.requestBody?.trimStart().startsWith('{'));
      const entry = logEntryId === undefined ? imageCalls[0] : entries.find((e) => e.id === logEntryId);
      if (!entry) {
        throw new PimError('nothing-to-copy');
      }
      const settings = await deps.settings.read();
      const environment = findEnvironment(settings, entry.environment);
      const bodySource = entry.requestBody?.trimStart().startsWith('{')
        ? entry
        : imageCalls.find((e) => e.environment === entry.environment);
      const params = parseLoggedParams(bodySource?.requestBody) ?? settings.defaults.params ?? DEFAULT_PARAMS;
      const clientId = clientIdFor(settings, environment) || 'YOUR_CLIENT_ID';
      return { curl: curlCommands({ environment, clientId, params }) };
    },

    'ui-bg-insert-into-page': async (raw) => {
      const payload = objectPayload(raw);
      return deps.insertIntoPage(optionalTabId(payload), requiredString(payload, 'svg', 4 * 1024 * 1024));
    },
  };
}

function parseLoggedParams(body: string | undefined) {
  if (body === undefined) return undefined;
  try {
    const checked = validateParams(JSON.parse(body));
    return checked.ok ? checked.params : undefined;
  } catch {
    return undefined;
  }
}
