// Notices single-page-app navigations and re-renders. The isolated world cannot wrap the page's own
// history.pushState, so the URL is compared on the Navigation API's events, popstate, hashchange, DOM
// changes and a slow poll; DOM changes are reported debounced (~100 ms), once the page is calm, or
// every DOM_MAX_WAIT_MS on a page that never is (a ticking clock, an animation written to the DOM).

export interface PageWatchEvents {
  urlChanged(url: string): void;
  domChanged(): void;
}

export const DOM_DEBOUNCE_MS = 100;
export const DOM_MAX_WAIT_MS = 500;
const POLL_MS = 500;

/**
 * Calls `fn` once `ms` after the last call, and no later than `maxWait` after the first call it has
 * not answered yet: calls that keep coming faster than `ms` would otherwise put it off for ever.
 */
export function debounce(fn: () => void, ms: number, maxWait = Infinity): { (): void; cancel(): void } {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(quiet);
    clearTimeout(deadline);
    quiet = undefined;
    deadline = undefined;
  };
  const fire = () => {
    cancel();
    fn();
  };
  const call = () => {
    clearTimeout(quiet);
    quiet = setTimeout(fire, ms);
    if (deadline === undefined && Number.isFinite(maxWait)) deadline = setTimeout(fire, maxWait);
  };
  call.cancel = cancel;
  return call;
}

export function watchPage(events: PageWatchEvents, win: Window = window): () => void {
  let url = win.location.href;
  const checkUrl = () => {
    if (win.location.href === url) return;
    url = win.location.href;
    events.urlChanged(url);
  };
  const domChanged = debounce(() => {
    checkUrl();
    events.domChanged();
  }, DOM_DEBOUNCE_MS, DOM_MAX_WAIT_MS);
  const observer = new MutationObserver(domChanged);
  observer.observe(win.document, { childList: true, subtree: true, attributes: true, attributeFilter: ['id', 'class'] });
  const poll = setInterval(checkUrl, POLL_MS);
  win.addEventListener('popstate', checkUrl);
  win.addEventListener('hashchange', checkUrl);
  const navigation = (win as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', checkUrl);
  return () => {
    observer.disconnect();
    domChanged.cancel();
    clearInterval(poll);
    win.removeEventListener('popstate', checkUrl);
    win.removeEventListener('hashchange', checkUrl);
    navigation?.removeEventListener('navigatesuccess', checkUrl);
  };
}
