// Renders the options page inside its real store, with messaging and the permission prompt faked.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import { App } from '../../../src/options/App';
import { createOptionsStore, OptionsStoreContext } from '../../../src/options/store';
import { t } from '../../../src/shared/i18n';
import { type Answers, fakeMessaging } from '../ui/fake-messaging';
import { environmentList, settingsView } from '../ui/fixtures';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

export interface RenderOptionsOptions {
  answers?: Answers;
  /** What the browser's permission prompt answers. */
  grant?: boolean;
  /** false: return once the page is shown, not once every first answer is in. */
  awaitAnswers?: boolean;
}

export async function renderOptions(options: RenderOptionsOptions = {}) {
  const messaging = fakeMessaging({
    'ui-bg-environments-list': environmentList(),
    'ui-bg-settings-get': settingsView(),
    ...options.answers,
  });
  const listeners: ((keys: string[]) => void)[] = [];
  const ports = {
    requestHostPermission: vi.fn(async (_pattern: string) => options.grant ?? true),
    watchStorage: (listener: (keys: string[]) => void) => void listeners.push(listener),
    /** What "Export set-up" handed the browser to download. */
    saveFile: vi.fn((_name: string, _text: string) => undefined),
    now: () => new Date('2026-11-30T10:00:00Z'),
  };
  /** What storage.onChanged tells every open page when these keys change. */
  const changeStorage = (...keys: string[]) => {
    for (const listener of listeners) listener(keys);
  };
  const store = createOptionsStore({ send: messaging.send, ports });
  const view = render(
    <OptionsStoreContext.Provider value={store}>
      <App />
    </OptionsStoreContext.Provider>,
  );
  const init = store.init();
  if (options.awaitAnswers !== false) await init;
  // In the catalogue the test wired (English unless it chose another).
  await screen.findByRole('heading', { name: t('optionsTitle') });
  return { ...view, store, messaging, ports, changeStorage };
}
