// Options page entry: wiring only.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { sendMessage } from '../shared/send-message';
import { t } from '../shared/i18n';
import { nameDocument } from '../ui/document-language';
import { watchStorage } from '../ui/watch-storage';
import { App } from './App';
import { createOptionsStore, OptionsStoreContext } from './store';

nameDocument(t('optionsTitle'));

/** A link to the text, clicked: the browser saves it as a download, no downloads permission needed. */
function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  // Revoked later: the browser may still be starting the download when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const store = createOptionsStore({
  send: sendMessage,
  ports: {
    requestHostPermission: (pattern) => browser.permissions.request({ origins: [pattern] }),
    watchStorage,
    saveFile,
    now: () => new Date(),
  },
});
void store.init();

render(
  <OptionsStoreContext.Provider value={store}>
    <App />
  </OptionsStoreContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
