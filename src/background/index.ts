// Service worker entry: wiring only. Everything it must remember lives in extension storage,
// because the worker can be stopped between any two messages.
import browser, { type Runtime } from 'webextension-polyfill';
// The content script entry is not called index.ts: CRXJS 3 then mixes its chunk up with this one's.
// eslint-disable-next-line no-restricted-imports -- not code: CRXJS turns `?script&iife` into the built content script's file name for chrome.scripting.
import contentScriptFile from '../content/content-script?script&iife';
// eslint-disable-next-line no-restricted-imports -- not code: the built page scanner's file name, injected only when someone scans.
import pageScannerFile from '../scanner/page-scanner?script&iife';
import { sleep } from '../core/sleep';
import { t } from '../shared/i18n';
import { createContentHandlers } from './content-handlers';
import { createContextMenus, placeFromContextMenu } from './context-menu';
import { createHistoryStore } from './history';
import { createLastPicks } from './last-picks';
import { createPendingPicks } from './pending-picks';
import { createQuotaStore } from './quota-store';
import { createPlacementService } from './placement-service';
import { createPageScreenshot } from './page-screenshot';
import { createPlacementStore } from './placement-store';
import { syncRememberedScripts } from './remembered-scripts';
import { createRequestLogStore } from './request-log-store';
import { offscreenSandbox } from './offscreen-sandbox';
import { builtInSandboxFetch } from './sandbox-fetch';
import { emulatorInWorker } from '../shared/sandbox-emulator';
import { createWorkerRouter } from './router';
import { createSecretStore, withChangeSignal } from './secret-store';
import { originOf } from './sender';
import { createSettingsStore, dropPopupSnapshot } from './settings-store';
import { STORAGE_KEYS } from '../shared/storage-keys';
import { rememberReads } from '../core/remembered-reads';
import { storageAreaStore } from '../shared/storage-area';
import type { WorkerToScanner } from '../shared/contracts/worker-to-scanner';
import { createScriptPort, createTabPort } from './tab-access';
import { createUiHandlers } from './ui-handlers';

// Client secrets are not in storage.local but in the extension origin's IndexedDB (secret-store.ts),
// which no content script can open in any browser. storage.local still holds client IDs, history and
// remembered placements: where the browser can (Chrome 102+), only the worker and extension pages may
// read it. Firefox has no setAccessLevel; its content scripts can read storage.local, which is why
// the secrets are not there. Session storage (tokens, request log) is restricted by default in both.
if (typeof chrome.storage.local.setAccessLevel === 'function') {
  chrome.storage.local
    .setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch((error: unknown) => console.warn('[storage] could not restrict storage.local to extension pages', error));
}

const newId = () => crypto.randomUUID();
const local = storageAreaStore(browser.storage.local);
const session = storageAreaStore(browser.storage.session);
// The token slots, remembered between generates: the area's own event tells of changes made anywhere
// else (storage.onChanged would also wake the worker for every change of storage.local). Without that
// event nothing would tell of them, so nothing is remembered.
const sessionChanges = (browser.storage.session as Partial<Pick<typeof browser.storage.session, 'onChanged'>>).onChanged;
const tokenSlots = sessionChanges ? rememberReads(session, (changed) => sessionChanges.addListener((changes) => changed(Object.keys(changes)))) : session;
const secrets = withChangeSignal(createSecretStore(), session, newId);
// No policy: Chrome answers {}, Firefox throws (no managed storage manifest). Either is "none".
const settings = createSettingsStore(local, secrets, () =>
  browser.storage.managed.get(STORAGE_KEYS.managedEnvironments).then((policy) => policy[STORAGE_KEYS.managedEnvironments], () => undefined),
);
// Moves any secret an older version left in storage.local to the secret store as soon as the worker
// starts, not at the first message that happens to read settings.
void settings.read().catch((error: unknown) => console.warn('[settings] could not be read at startup', error));
const history = createHistoryStore(local);
const now = () => Date.now();
const hasHostPermission = (pattern: string) => browser.permissions.contains({ origins: [pattern] });

const tabs = createTabPort(browser.tabs, browser.scripting, contentScriptFile);
const placementStore = createPlacementStore(local);
const syncScripts = () =>
  syncRememberedScripts({ registry: browser.scripting, hasHostPermission, list: placementStore.list, contentScriptFile }).catch(
    (error: unknown) => console.warn('[placements] could not register the restoring script', error),
  );
const lastPicks = createLastPicks(session);
const placements = createPlacementService({
  store: placementStore,
  tabs,
  picks: createPendingPicks(session, now),
  lastPicks,
  hasHostPermission,
  syncScripts,
  newId,
  now,
});

const ui = createUiHandlers({
  settings,
  secrets,
  history,
  log: createRequestLogStore(session),
  quota: createQuotaStore(local),
  session: tokenSlots,
  fetch: (input, init) => fetch(input, init),
  // The built-in Sandbox: the emulator `npm run sandbox` wraps, with no network, started with its first call.
  sandboxFetch: builtInSandboxFetch({
    offscreen: typeof chrome.offscreen === 'undefined' ? undefined : offscreenSandbox(chrome.offscreen, chrome.runtime),
    inWorker: emulatorInWorker(),
    bandLabel: () => t('sandboxBand'),
  }),
  now,
  sleep,
  random: Math.random,
  newId,
  hasHostPermission,
  placements,
  screenshot: createPageScreenshot(tabs, browser.tabs),
  tabs,
  scanner: createScriptPort<WorkerToScanner>(browser.tabs, browser.scripting, pageScannerFile, 'bg-scanner-ping'),
});
const route = createWorkerRouter(
  { ui, content: createContentHandlers(placements) },
  { runtimeId: browser.runtime.id, extensionOrigin: originOf(new URL(browser.runtime.getURL('/'))) },
);

// Returning undefined leaves messages that are not ours to other listeners (the polyfill's contract).
const onMessage = (message: unknown, sender: Runtime.MessageSender) => route(message, sender);
browser.runtime.onMessage.addListener(onMessage as Runtime.OnMessageListenerAsync);

browser.runtime.onInstalled.addListener(() => {
  void createContextMenus(browser.contextMenus).catch((error: unknown) => console.warn('[context-menu] setup failed', error));
  void syncScripts();
});
browser.runtime.onStartup.addListener(() => void syncScripts());
browser.permissions.onRemoved.addListener(() => void syncScripts());
// The popup's snapshot says which environments still need a host permission, and lists the policy's.
const dropSnapshot = () => void dropPopupSnapshot(local).catch((error: unknown) => console.warn('[settings] popup snapshot not dropped', error));
browser.permissions.onRemoved.addListener(dropSnapshot);
browser.permissions.onAdded.addListener(dropSnapshot);
// The managed area's own event: storage.onChanged would wake the worker on every draft keystroke.
// Firefox reads a policy once, at start, and has no such event.
(browser.storage.managed as Partial<Pick<typeof browser.storage.local, 'onChanged'>>).onChanged?.addListener(dropSnapshot);
// A pick is told only while the tab shows the page it was made on. The address comes with the event
// only where the extension may see it; without it, a new document loading counts as leaving.
browser.tabs.onRemoved.addListener((tabId) => void lastPicks.forget(tabId));
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.url !== undefined || change.status === 'loading') void lastPicks.forget(tabId, change.url);
});
browser.contextMenus.onClicked.addListener((info, tab) => {
  void placeFromContextMenu({ tabs, latestQr: async () => (await history.list())[0], newId }, info, tab?.id);
});
