// How our own elements in a page are marked, so that nothing of ours is ever picked, pinned to or
// counted as the page's: placement hosts carry PLACEMENT_ATTRIBUTE, the picker and notices `data-pim-qr-ui`.
export const PLACEMENT_ATTRIBUTE = 'data-pim-qr-placement';

export function isOurElement(element: Element): boolean {
  return element.hasAttribute(PLACEMENT_ATTRIBUTE) || element.hasAttribute('data-pim-qr-ui');
}

/** An element for inside one of our shadow roots, with its class and attributes. */
export function ownElement<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, attributes: Record<string, string> = {}) {
  const node = doc.createElement(tag);
  node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}
