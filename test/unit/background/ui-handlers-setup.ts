// The worker's page handlers with memory storage and a sandbox behind both the built-in and the
// "network" fetch, shared by the handler tests.
import 'fake-indexeddb/auto';
import { createHistoryStore } from '../../../src/background/history';
import type { TabPlacements } from '../../../src/background/placement-service';
import { createQuotaStore } from '../../../src/background/quota-store';
import { createRequestLogStore } from '../../../src/background/request-log-store';
import { createSecretStore } from '../../../src/background/secret-store';
import { createSettingsStore } from '../../../src/background/settings-store';
import { createUiHandlers } from '../../../src/background/ui-handlers';
import { createDevSandboxHandler, sandboxFetch } from '../../../src/core/sandbox/dev/handler';
import { createMemoryStore, type KeyValueStore } from '../../../src/core/storage-port';

export const SECRET = 'sandbox-secret';

/** These tests place nothing: placing has its own tests (placements-service.test.ts). */
const noPlacements: TabPlacements = new Proxy({} as TabPlacements, {
  get: (_target, name) => () => Promise.reject(new Error(`placements.${String(name)} is not part of this test`)),
});
/** Stands in for the tab and the page scanner, which these tests do not reach. */
const notHere = <T extends object>(what: string) =>
  new Proxy({} as T, { get: (_target, name) => () => Promise.reject(new Error(`${what}.${String(name)} is not part of this test`)) });
let databases = 0;
const withPlacements = (some: Partial<TabPlacements>): TabPlacements =>
  new Proxy(some as TabPlacements, { get: (target, name) => (name in target ? target[name as keyof TabPlacements] : Reflect.get(noPlacements, name)) });

/**
 * Holds the next write to the history key, and every storage call after it, until the test releases
 * them: storage that is slow to write, but keeps the order calls were made in, as browser storage does.
 */
function historyGate(local: KeyValueStore) {
  let reached: () => void = () => {};
  let release: () => void = () => {};
  let armed = false;
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(keys: readonly string[], call: () => Promise<T>, write = true): Promise<T> => {
    if (armed && write && keys.includes('history')) {
      armed = false;
      const held = new Promise<void>((resolve) => (release = resolve));
      queue = queue.then(() => {
        reached();
        return held;
      });
    }
    const done = queue.then(call);
    queue = done.catch(() => undefined);
    return done;
  };
  const wrapped: KeyValueStore = {
    get: (key) => inOrder([key], () => local.get(key), false),
    getMany: (keys) => inOrder(keys, () => local.getMany(keys), false),
    set: (key, value) => inOrder([key], () => local.set(key, value)),
    setMany: (values) => inOrder(Object.keys(values), () => local.setMany(values)),
    remove: (keys) => inOrder(typeof keys === 'string' ? [keys] : keys, () => local.remove(keys)),
  };
  return {
    store: wrapped,
    /** Resolves once a history write is waiting; call `release()` to let it and what came after go on. */
    arm(): Promise<void> {
      armed = true;
      return new Promise((resolve) => (reached = resolve));
    },
    release: () => release(),
  };
}

/** The background with memory storage, a sandbox behind both the built-in and the "network" fetch. */
export function setup(
  options: {
    granted?: string[];
    /** History storage that holds its next write (and what follows) until released. */
    gate?: boolean;
    /** Changes what the "network" answers, as a gateway in front of the sandbox would. */
    rewrite?: (answer: Response, url: string) => Response | Promise<Response>;
    /** The placement messages to answer; by default every one of them fails. */
    placements?: Partial<TabPlacements>;
    /** What storage.managed holds under `environments`: the browser policy's environments. */
    policy?: () => unknown;
  } = {},
) {
  const local = createMemoryStore();
  const gate = historyGate(local);
  const session = createMemoryStore();
  const builtIn = createDevSandboxHandler();
  const remote = createDevSandboxHandler();
  const remoteFetch = sandboxFetch(remote);
  /** Every request the background sent over the "network": where to, and its body. */
  const sent: { url: string; body: string }[] = [];
  // A database of its own per test, as a fresh browser profile would have.
  const secrets = createSecretStore(`handlers-test-${++databases}`);
  let ids = 0;
  const asked: string[] = [];
  const handlers = createUiHandlers({
    settings: createSettingsStore(local, secrets, async () => options.policy?.()),
    secrets,
    history: createHistoryStore(options.gate ? gate.store : local),
    log: createRequestLogStore(session),
    quota: createQuotaStore(local),
    session,
    fetch: (input, init) => {
      sent.push({ url: input, body: typeof init.body === 'string' ? init.body : '' });
      const answer = remoteFetch(input, init);
      const { rewrite } = options;
      return rewrite ? answer.then((a) => rewrite(a, input)) : answer;
    },
    sandboxFetch: sandboxFetch(builtIn),
    now: () => Date.now(),
    sleep: async () => {},
    random: () => 0.5,
    newId: () => `id-${++ids}`,
    hasHostPermission: async (pattern) => {
      asked.push(pattern);
      return (options.granted ?? []).includes(pattern);
    },
    placements: options.placements ? withPlacements(options.placements) : noPlacements,
    screenshot: () => Promise.reject(new Error('screenshots are not part of this test')),
    tabs: notHere('tabs'),
    scanner: notHere('scanner'),
  });
  return { handlers, local, session, secrets, builtIn, remote, sent, asked, gate };
}

export async function addLocalEnvironment(h: ReturnType<typeof setup>['handlers'], secret = SECRET) {
  const env = await h['ui-bg-environment-save']({ name: 'Local sandbox', baseUrl: 'http://127.0.0.1:9999' });
  await h['ui-bg-credentials-set']({ environmentId: env.id, clientId: 'sandbox-client', clientSecret: secret });
  return env;
}

/** What the Options form holds for a saved environment, untouched: "Test connection" with nothing changed. */
export async function savedForm(h: ReturnType<typeof setup>['handlers'], environmentId: string) {
  const view = (await h['ui-bg-environments-list'](undefined)).find((e) => e.id === environmentId);
  if (!view) throw new Error(`no environment ${environmentId}`);
  return { environmentId, baseUrl: view.baseUrl, tokenPath: view.tokenPath, clientId: view.clientId };
}
