// Generating (and cancelling), and what generating leaves behind: history, the request log, the calls to copy
// (the pages write them as cURL or code).
import { type CallNotes, type CallsSource, copyableCalls } from '../core/api-calls';
import { PimError } from '../core/errors';
import { DEFAULT_PARAMS, localizeDefaults, validateParams } from '../core/params';
import { LOCAL_SANDBOX_COMMAND, LOCAL_SANDBOX_URL, SANDBOX_CLIENT } from '../core/sandbox/client';
import { defaultTexts } from '../shared/default-texts';
import { t } from '../shared/i18n';
import { clientIdFor, findEnvironment } from './environments';
import { type ApiDeps, generate } from './generate';
import type { UiHandlers } from './router';

/**
 * How many answered generates stay cancellable. A popup's Cancel can cross the answer on its way and
 * must still take the item back out of history; the popup shows nothing of a request it cancelled,
 * and each popup has one request at a time, so a few recent ones are enough.
 */
const ANSWERED_KEPT = 8;

export function createGenerateHandlers(deps: ApiDeps) {
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

  return {
    'ui-bg-generate': async ({ requestId, environmentId, params }) => {
      const controller = new AbortController();
      running.set(requestId, controller);
      try {
        const { result, takeBack } = await generate(deps, { environmentId, params }, controller.signal);
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

    'ui-bg-generate-cancel': async ({ requestId }) => {
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
    'ui-bg-history-delete': async ({ id }) => deps.history.remove(id),
    'ui-bg-quota-get': async ({ environmentId }) => (await deps.quota.get(environmentId)) ?? null,
    'ui-bg-log-get': async () => deps.log.list(),
    'ui-bg-log-clear': async () => deps.log.clear(),
    'ui-bg-calls-get': async ({ logEntryId, program }) => copyableCalls(await callsSourceFor(deps, logEntryId, program === true)),
  } satisfies Partial<UiHandlers>;
}

/** The given log entry, or the latest image call, as what the token call and the image call are made of. */
async function callsSourceFor(deps: ApiDeps, logEntryId: string | undefined, program: boolean): Promise<CallsSource> {
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
  const params = parseLoggedParams(bodySource?.requestBody) ?? localizeDefaults(settings.defaults.params ?? DEFAULT_PARAMS, defaultTexts());
  const notes: CallNotes = { before: [t('curlNoteSecret')], answer: t('curlNoteAnswer') };
  if (environment.kind === 'sandbox') {
    // Its address resolves only inside the extension: the calls go to the sandbox server instead.
    return {
      environment: { ...environment, baseUrl: LOCAL_SANDBOX_URL },
      clientId: SANDBOX_CLIENT.clientId,
      params,
      notes: {
        before: [
          t('curlNoteSandbox', environment.baseUrl),
          t(program ? 'codeNoteSandboxServer' : 'curlNoteSandboxServer', LOCAL_SANDBOX_COMMAND, LOCAL_SANDBOX_URL),
          t('curlNoteSandboxSecret', SANDBOX_CLIENT.clientSecret),
        ],
        answer: notes.answer,
      },
    };
  }
  const clientId = clientIdFor(settings, environment) || 'YOUR_CLIENT_ID';
  return { environment, clientId, params, notes };
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
