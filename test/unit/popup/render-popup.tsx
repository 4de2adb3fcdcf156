// Renders the popup inside its real store, with messaging and browser ports faked.
import { cleanup, configure, render, screen } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import type { PageContext } from '../../../src/popup/page-context';
import type { PopupPorts } from '../../../src/popup/ports';
import { createPopupStore, PopupStoreContext } from '../../../src/popup/store';
import { t } from '../../../src/shared/i18n';
import { type Answers, fakeMessaging } from '../ui/fake-messaging';
import { environmentList, settingsView } from '../ui/fixtures';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);
// The first result of a file imports the lazy sanitizer chunk, which Vitest transforms on demand:
// on a loaded 2-core machine that alone can pass Testing Library's 1 s default. Wait as long as a test may run.
configure({ asyncUtilTimeout: 4_000 });

export interface RenderPopupOptions {
  answers?: Answers;
  page?: PageContext;
  /** What storage.local holds under 'draft'. */
  draft?: unknown;
  /** What storage.local holds under 'popupSnapshot' (none: the first paint waits for the worker). */
  snapshot?: unknown;
  ports?: Partial<PopupPorts>;
}

export function fakePorts(draft: unknown, overrides: Partial<PopupPorts> = {}, snapshot?: unknown) {
  let ids = 0;
  const listeners: ((keys: string[]) => void)[] = [];
  const tabListeners: (() => void)[] = [];
  const ports = {
    watchStorage: vi.fn((listener: (keys: string[]) => void) => void listeners.push(listener)),
    watchTargetTab: vi.fn((listener: () => void) => void tabListeners.push(listener)),
    loadDraft: vi.fn(async (): Promise<unknown> => draft),
    saveDraft: vi.fn(async (_draft: unknown) => undefined),
    loadSnapshot: vi.fn(async (): Promise<unknown> => snapshot),
    saveSnapshot: vi.fn(async (_snapshot: unknown) => undefined),
    openOptionsPage: vi.fn(async () => undefined),
    copyText: vi.fn(async (_text: string) => undefined),
    copyImage: vi.fn(async (_png: Promise<Blob>) => undefined),
    download: vi.fn((_blob: Blob, _name: string) => undefined),
    newRequestId: vi.fn(() => `request-${++ids}`),
    decodeQr: vi.fn(async (_svg: string, _width: number, _height: number): Promise<string | null> => 'https://sandbox.pim.invalid/r/1?attributes=Email'),
    renderPng: vi.fn(async (_svg: string, _width: number, _height: number) => new Blob(['png'], { type: 'image/png' })),
    requestHostPermission: vi.fn(async (_pattern: string) => true),
    closeWindow: vi.fn(() => undefined),
  } satisfies PopupPorts;
  // Overrides are spied on too, so tests can inspect every port the same way.
  for (const [name, port] of Object.entries(overrides)) Object.assign(ports, { [name]: vi.fn(port) });
  /** What storage.onChanged tells every open view when these keys change. */
  const changeStorage = (...keys: string[]) => {
    for (const listener of listeners) listener(keys);
  };
  /** What the browser tells the view when another tab comes to the front or the target tab loads. */
  const changeTargetTab = () => {
    for (const listener of tabListeners) listener();
  };
  return Object.assign(ports as typeof ports & Pick<PopupPorts, 'openSidePanel'>, { changeStorage, changeTargetTab });
}

export async function renderPopup(options: RenderPopupOptions = {}) {
  const messaging = fakeMessaging({
    'ui-bg-settings-get': settingsView(),
    'ui-bg-environments-list': environmentList(),
    'ui-bg-settings-save': (payload) => settingsView({ selectedEnvironmentId: payload.selectedEnvironmentId ?? 'sandbox' }),
    // The toolbar popup over a page that is not a web page: no site, nothing remembered.
    'ui-bg-placements-list': { origin: '', page: '', placements: [], lastPick: null },
    // No answer has reported quota figures yet.
    'ui-bg-quota-get': null,
    ...options.answers,
  });
  const ports = fakePorts(options.draft, options.ports, options.snapshot);
  const store = createPopupStore({ send: messaging.send, ports, page: options.page ?? { view: 'popup' } });
  const view = render(
    <PopupStoreContext.Provider value={store}>
      <App />
    </PopupStoreContext.Provider>,
  );
  await store.init();
  // In the catalogue the test wired (English unless it chose another).
  await screen.findByRole('button', { name: t('generate') });
  return { ...view, store, messaging, ports };
}
