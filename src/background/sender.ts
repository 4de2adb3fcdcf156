// Who may talk to the service worker. Fail closed: anything not proven to be our own page is refused.

/** The parts of `runtime.MessageSender` the decision rests on. */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  /** Present for content scripts (and for extension pages shown in a tab). */
  tab?: { id?: number };
}

/** Extension pages allowed to send privileged messages (credentials, generate, logs). */
export const UI_PAGE_PATHS: readonly string[] = ['/src/popup/index.html', '/src/options/index.html'];

export function isFromThisExtension(sender: SenderFacts, runtimeId: string): boolean {
  return typeof sender.id === 'string' && sender.id === runtimeId;
}

/**
 * True only for a top-level extension page of ours: same origin exactly (so
 * `chrome-extension://<id>.evil.com` fails), a known page path, and never a content script,
 * whose `url` is the web page it runs in.
 */
export function isOwnUiPage(sender: SenderFacts, extensionOrigin: string, runtimeId: string): boolean {
  if (!isFromThisExtension(sender, runtimeId)) return false;
  if (sender.frameId !== undefined && sender.frameId !== 0) return false;
  let url: URL;
  try {
    // A missing url is no URL at all, and is refused with the unparsable ones.
    url = new URL(sender.url ?? '');
  } catch {
    return false;
  }
  if (originOf(url) !== extensionOrigin) return false;
  if (sender.origin !== undefined && sender.origin !== extensionOrigin) return false;
  return UI_PAGE_PATHS.includes(url.pathname);
}

/** `URL.origin` is "null" for non-web schemes outside a browser, so build it from its parts. */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** The facts a content script's message carries: its tab and frame, and the page it runs in. */
export interface ContentScriptFacts {
  tabId: number;
  frameId: number;
  url: string;
}

/**
 * Facts about a content script of ours, or undefined for anything else: another extension, a sender
 * without a tab (the worker, the popup), or an extension page shown in a tab (its url is ours, not
 * a web page's).
 */
export function contentScriptSender(sender: SenderFacts, runtimeId: string): ContentScriptFacts | undefined {
  if (!isFromThisExtension(sender, runtimeId)) return undefined;
  const tabId = sender.tab?.id ?? -1;
  if (!Number.isInteger(tabId) || tabId < 0) return undefined;
  const address = sender.url ?? '';
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:') return undefined;
  return { tabId, frameId: sender.frameId ?? 0, url: address };
}
