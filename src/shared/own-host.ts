// Our own elements in a web page: how they are marked, so that nothing of ours is ever picked,
// pinned to, scanned or counted as the page's, and the host they live in, which the page can
// neither restyle nor reach into. Placement hosts carry PLACEMENT_ATTRIBUTE; the picker, notices
// and the scanner's highlight carry OWN_UI_ATTRIBUTE. The attributes only name what a host is for:
// a page can write them too, so what is ours is known from a registry the page cannot see.
export const PLACEMENT_ATTRIBUTE = 'data-pim-qr-placement';
export const OWN_UI_ATTRIBUTE = 'data-pim-qr-ui';

const OWN_HOSTS_KEY = Symbol.for('pim-qr.own-hosts');

/**
 * The hosts we made in `win`'s document. It hangs on the window as our isolated world sees it: the
 * page's scripts live in another world and see neither the property nor the set, so they can neither
 * read it nor add to it. Each content script and the scanner that reach this window share it.
 */
function ownHosts(win: Window | null): WeakSet<Element> | undefined {
  if (!win) return undefined;
  const slot = win as unknown as Record<symbol, WeakSet<Element> | undefined>;
  if (!slot[OWN_HOSTS_KEY]) Object.defineProperty(win, OWN_HOSTS_KEY, { value: new WeakSet<Element>(), enumerable: false });
  return slot[OWN_HOSTS_KEY];
}

export function isOurElement(element: Element): boolean {
  return ownHosts(element.ownerDocument.defaultView)?.has(element) === true;
}

export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = root.ownerDocument.createElement('style');
    style.textContent = css;
    root.prepend(style);
  }
}

/** Sets inline styles that page CSS cannot override: `!important` in the style attribute wins over every stylesheet. */
export function forceStyles(element: HTMLElement, styles: Record<string, string>): void {
  for (const [property, value] of Object.entries(styles)) element.style.setProperty(property, value, 'important');
}

/**
 * A host element for our UI: a plain div (a page may define custom elements), reset with `all: initial`.
 * Its shadow root is closed: `host.shadowRoot` is null for the page's scripts, which therefore cannot
 * reach our controls (the isolated world's attachShadow is not the one a page can wrap, either).
 */
export function createHost(doc: Document, attribute: string, value: string): { host: HTMLDivElement; root: ShadowRoot } {
  const host = doc.createElement('div');
  host.setAttribute(attribute, value);
  forceStyles(host, { all: 'initial' });
  const root = host.attachShadow({ mode: 'closed' });
  ownHosts(doc.defaultView)?.add(host);
  return { host, root };
}
