// Who may talk to the service worker. Fail closed: anything not proven to be our own page is refused.

/** The parts of `runtime.MessageSender` the decision rests on. */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
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
  if (!isFromThisExtension(sender, runtimeId) || typeof sender.url !== 'string') return false;
  if (sender.frameId !== undefined && sender.frameId !== 0) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
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
