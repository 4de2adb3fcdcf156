// Our own elements in a web page: how they are marked, so that nothing of ours is ever picked,
// pinned to, scanned or counted as the page's, and the host they live in, which the page can
// neither restyle nor reach into. Placement hosts carry PLACEMENT_ATTRIBUTE; the picker, notices
// and the scanner's highlight carry OWN_UI_ATTRIBUTE.
export const PLACEMENT_ATTRIBUTE = 'data-pim-qr-placement';
export const OWN_UI_ATTRIBUTE = 'data-pim-qr-ui';

export function isOurElement(element: Element): boolean {
  return element.hasAttribute(PLACEMENT_ATTRIBUTE) || element.hasAttribute(OWN_UI_ATTRIBUTE);
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
  return { host, root };
}
