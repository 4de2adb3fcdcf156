// Options page entry: wiring only.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { sendMessage } from '../shared/send-message';
import { t } from '../shared/i18n';
import { watchStorage } from '../ui/watch-storage';
import { App } from './App';
import { createOptionsStore, OptionsStoreContext } from './store';

document.title = t('optionsTitle');
const store = createOptionsStore({
  send: sendMessage,
  ports: { requestHostPermission: (pattern) => browser.permissions.request({ origins: [pattern] }), watchStorage },
});
void store.init();

render(
  <OptionsStoreContext.Provider value={store}>
    <App />
  </OptionsStoreContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
