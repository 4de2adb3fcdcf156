// Service worker entry: wiring only. Everything it must remember lives in extension storage,
// because the worker can be stopped between any two messages.
import browser, { type Runtime } from 'webextension-polyfill';
import { createSandboxHandler, sandboxFetch } from '../core/sandbox/handler';
import { sleep } from '../core/sleep';
import { createHandlers } from './handlers';
import { createHistoryStore } from './history';
import { insertIntoPage } from './insert-into-page';
import { createRequestLogStore } from './request-log-store';
import { routeMessage } from './router';
import { originOf } from './sender';
import { createSettingsStore } from './settings-store';
import { storageAreaStore } from './storage-area';

const local = storageAreaStore(browser.storage.local);
const session = storageAreaStore(browser.storage.session);

const handlers = createHandlers({
  settings: createSettingsStore(local),
  history: createHistoryStore(local),
  log: createRequestLogStore(session),
  session,
  fetch: (input, init) => fetch(input, init),
  // The built-in Sandbox: the same emulator as `npm run sandbox`, in-process, so it needs no network.
  sandboxFetch: sandboxFetch(createSandboxHandler({ adminRoutes: false })),
  now: () => Date.now(),
  sleep,
  random: Math.random,
  newId: () => crypto.randomUUID(),
  hasHostPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  insertIntoPage,
});

const context = { runtimeId: browser.runtime.id, extensionOrigin: originOf(new URL(browser.runtime.getURL('/'))) };

// Returning undefined leaves messages that are not ours to other listeners (the polyfill's contract).
const onMessage = (message: unknown, sender: Runtime.MessageSender) => routeMessage(handlers, context, message, sender);
browser.runtime.onMessage.addListener(onMessage as Runtime.OnMessageListenerAsync);
