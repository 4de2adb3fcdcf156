// Popup entry (also the side panel and the `?tab=` page): wiring only.
import { render } from 'preact';
import { sendMessage } from '../shared/send-message';
import { t } from '../shared/i18n';
import { nameDocument } from '../ui/document-language';
import { App } from './App';
import { createBrowserPorts } from './browser-ports';
import { parsePageContext } from './page-context';
import { createPopupStore, PopupStoreContext } from './store';

nameDocument(t('appTitle'));
const page = parsePageContext(location.search);
document.documentElement.dataset.view = page.view;
const store = createPopupStore({ send: sendMessage, ports: createBrowserPorts(page), page });
void store.init();

render(
  <PopupStoreContext.Provider value={store}>
    <App />
  </PopupStoreContext.Provider>,
  document.getElementById('app') as HTMLElement,
);
