// Finds the tab to place a QR in (or to scan), injects the content script or the page scanner into
// it (activeTab or a granted host permission), and sends them typed messages. Each script's own
// guard makes injecting twice harmless.
import { PimError } from '../core/errors';
import type { Contract, Envelope, NameOf, RequestOf, ResponseOf } from '../shared/contract';
import { FIRST_MESSAGE_KEY } from '../shared/install-once';
import type { WorkerToContent } from '../shared/contracts/worker-to-content';
import { createSender } from '../shared/message-sender';
import { injectionError, silentAfterInjection } from './injection-error';

export interface TabTarget {
  tabId: number;
  /** Known only with activeTab or a host permission for the tab. */
  url?: string | undefined;
  windowId?: number | undefined;
  /** Whether it is the tab in front of its window. */
  active?: boolean | undefined;
}

interface TabFacts {
  id?: number;
  url?: string;
  windowId?: number;
  active?: boolean;
}

/** The few browser calls this needs, so tests can stand in for them. */
export interface TabsApi {
  get(tabId: number): Promise<TabFacts>;
  query(query: { active?: boolean; lastFocusedWindow?: boolean; windowType?: 'normal'; url?: string[] }): Promise<TabFacts[]>;
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
}

type InjectionTarget = { tabId: number; frameIds?: number[] };

export interface ScriptingApi {
  executeScript(injection: { target: InjectionTarget; files: string[] } | { target: InjectionTarget; func: (key: string, message?: unknown) => void; args: [string, unknown?] }): Promise<unknown>;
}

/**
 * Runs in the script's isolated world just before the script itself (so it must stand alone): leaves
 * the first message where the script finds it as it starts. The page cannot see the isolated world.
 */
function leaveFirstMessage(key: string, message: unknown): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(key)] = message;
}

/** Takes a first message back when its script could not follow, so no later injection acts on it. */
function takeBackFirstMessage(key: string): void {
  Reflect.deleteProperty(globalThis, Symbol.for(key));
}

type TabMessageName = NameOf<WorkerToContent>;
type TabRequest<N extends TabMessageName> = RequestOf<WorkerToContent, N>;

const pageDidNotAnswer = () => new PimError('page-silent');

/** A script of ours that is injected into tabs on demand and answers one contract. */
export interface ScriptPort<C extends Contract> {
  /**
   * Injects the script into the frame unless it already answers there. `first` is handed over with
   * the injection, so the script acts on it as it starts instead of waiting for the message; it is
   * still sent as usual after, and the script answers it without doing the work twice.
   */
  ensureController(tabId: number, frameId?: number, first?: Envelope<C>): Promise<void>;
  /** To the top frame unless told otherwise; with 'all', every frame hears it and the first answer counts. */
  send<N extends NameOf<C>>(tabId: number, name: N, payload: RequestOf<C, N>, frameId?: number | 'all'): Promise<ResponseOf<C, N>>;
}

export interface TabPort extends ScriptPort<WorkerToContent> {
  resolve(tabId?: number): Promise<TabTarget>;
  /** Sends to every tab on the given match patterns that already runs the controller; errors are ignored. */
  broadcast<N extends TabMessageName>(patterns: string[], name: N, payload: TabRequest<N>): Promise<void>;
}

/** `ping` is the contract's message that only asks whether the script is there. */
export function createScriptPort<C extends Contract>(tabs: TabsApi, scripting: ScriptingApi, file: string, ping: NameOf<C>): ScriptPort<C> {
  const send = <N extends NameOf<C>>(tabId: number, name: N, payload: RequestOf<C, N>, frameId: number | 'all' = 0): Promise<ResponseOf<C, N>> =>
    createSender<C>((envelope) => tabs.sendMessage(tabId, envelope, frameId === 'all' ? {} : { frameId }), pageDidNotAnswer)(name, payload);
  const answers = (tabId: number, frameId: number) =>
    send(tabId, ping, undefined as RequestOf<C, NameOf<C>>, frameId).then(
      () => true,
      () => false,
    );
  return {
    send,
    ensureController: async (tabId, frameId = 0, first) => {
      if (await answers(tabId, frameId)) return;
      // Only an error names the address: asked alongside, so injecting does not wait for it.
      const url = tabs.get(tabId).then(
        (tab) => tab.url,
        () => undefined,
      );
      const target = { tabId, frameIds: [frameId] };
      let handedOver = false;
      try {
        if (first) {
          await scripting.executeScript({ target, func: leaveFirstMessage, args: [FIRST_MESSAGE_KEY, first] });
          handedOver = true;
        }
        await scripting.executeScript({ target, files: [file] });
      } catch (error) {
        if (handedOver) await scripting.executeScript({ target, func: takeBackFirstMessage, args: [FIRST_MESSAGE_KEY] }).catch(() => undefined);
        throw injectionError(error, await url);
      }
      if (!(await answers(tabId, frameId))) throw silentAfterInjection(await tabs.get(tabId).then((tab) => tab.url, () => undefined));
    },
  };
}

export function createTabPort(tabs: TabsApi, scripting: ScriptingApi, contentScriptFile: string): TabPort {
  const port = createScriptPort<WorkerToContent>(tabs, scripting, contentScriptFile, 'bg-content-ping');
  return {
    ...port,
    resolve: async (tabId) => {
      const tab =
        tabId === undefined
          ? (await tabs.query({ active: true, lastFocusedWindow: true, windowType: 'normal' }))[0]
          : await tabs.get(tabId).catch(() => {
              throw new PimError('tab-closed');
            });
      const id = tabId ?? tab?.id;
      if (id === undefined || !tab) throw new PimError('no-page');
      return { tabId: id, url: tab.url, windowId: tab.windowId, active: tab.active };
    },

    broadcast: async (patterns, name, payload) => {
      if (patterns.length === 0) return;
      const open = await tabs.query({ url: patterns }).catch(() => []);
      await Promise.all(open.map((tab) => (tab.id === undefined ? undefined : port.send(tab.id, name, payload).catch(() => undefined))));
    },
  };
}
