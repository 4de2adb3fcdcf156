/** Where this page runs: the toolbar popup, a full tab opened for one tab (`?tab=`), or the side panel. */
export interface PageContext {
  view: 'popup' | 'tab' | 'sidepanel';
  /** The tab "Insert into page" targets; absent means the active tab of the last focused window. */
  tabId?: number;
}

export function parsePageContext(search: string): PageContext {
  const query = new URLSearchParams(search);
  if (query.get('view') === 'sidepanel') return { view: 'sidepanel' };
  const tab = query.get('tab') ?? '';
  const tabId = /^[0-9]{1,15}$/.test(tab) ? Number(tab) : 0;
  return tabId > 0 && Number.isSafeInteger(tabId) ? { view: 'tab', tabId } : { view: 'popup' };
}
