// Finds the tab to place a QR in, injects the content script into it (activeTab or a granted host
// permission), and sends it typed messages. The controller's own guard makes injecting twice harmless.
import { PimError } from '../core/errors';
import type { NameOf, RequestOf, ResponseOf } from '../shared/contract';
import type { WorkerToContent } from '../shared/contracts/worker-to-content';
import { createSender } from '../shared/message-sender';
import { injectionError } from './injection-error';

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

export interface ScriptingApi {
  executeScript(injection: { target: { tabId: number; frameIds?: number[] }; files: string[] }): Promise<unknown>;
}

type TabMessageName = NameOf<WorkerToContent>;
type TabRequest<N extends TabMessageName> = RequestOf<WorkerToContent, N>;
type TabResponse<N extends TabMessageName> = ResponseOf<WorkerToContent, N>;

const pageDidNotAnswer = () => new PimError('page-silent');

export interface TabPort {
  resolve(tabId?: number): Promise<TabTarget>;
  ensureController(tabId: number, frameId?: number): Promise<void>;
  /** To the top frame unless told otherwise; with 'all', every frame hears it and the first answer counts. */
  send<N extends TabMessageName>(tabId: number, name: N, payload: TabRequest<N>, frameId?: number | 'all'): Promise<TabResponse<N>>;
  /** Sends to every tab on the given match patterns that already runs the controller; errors are ignored. */
  broadcast<N extends TabMessageName>(patterns: string[], name: N, payload: TabRequest<N>): Promise<void>;
}

export function createTabPort(tabs: TabsApi, scripting: ScriptingApi, contentScriptFile: string): TabPort {
  const send = <N extends TabMessageName>(tabId: number, name: N, payload: TabRequest<N>, frameId: number | 'all' = 0): Promise<TabResponse<N>> =>
    createSender<WorkerToContent>((envelope) => tabs.sendMessage(tabId, envelope, frameId === 'all' ? {} : { frameId }), pageDidNotAnswer)(name, payload);

  return {
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

    ensureController: async (tabId, frameId = 0) => {
      const listening = () =>
        send(tabId, 'bg-content-ping', undefined, frameId).then(
          () => true,
          () => false,
        );
      if (await listening()) return;
      const url = await tabs.get(tabId).then(
        (tab) => tab.url,
        () => undefined,
      );
      try {
        await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [contentScriptFile] });
      } catch (error) {
        throw injectionError(error, url);
      }
      // Firefox reports success on its own about: pages, yet the script never gets to listen there.
      if (!(await listening())) throw injectionError(new Error('The page cannot be scripted: the injected script does not answer.'), url);
    },

    send,

    broadcast: async (patterns, name, payload) => {
      if (patterns.length === 0) return;
      const open = await tabs.query({ url: patterns }).catch(() => []);
      await Promise.all(open.map((tab) => (tab.id === undefined ? undefined : send(tab.id, name, payload).catch(() => undefined))));
    },
  };
}
