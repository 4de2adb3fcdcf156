// The pieces our UI in a page is built from (how our elements are marked: shared/own-host.ts).
/** Set on a placement's host while the tab is captured (own-ui-hiding.ts): its panels are then hidden. */
export const CAPTURING_ATTRIBUTE = 'data-pim-qr-capturing';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Line icons on a 16×16 grid, drawn in the button's text colour. */
export const ICONS = {
  remove: 'M4 4l8 8M12 4L4 12',
  pin: 'M8 15s-4.5-4.8-4.5-8.5a4.5 4.5 0 0 1 9 0C12.5 10.2 8 15 8 15zM8 8.2a1.8 1.8 0 1 0 0-3.6 1.8 1.8 0 0 0 0 3.6z',
} as const;

/** An icon as SVG: an emoji needs a font the machine may lack (📌 is an empty box without one). */
export function ownIcon(doc: Document, name: keyof typeof ICONS): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

/** An element for inside one of our shadow roots, with its class and attributes. */
export function ownElement<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, attributes: Record<string, string> = {}) {
  const node = doc.createElement(tag);
  node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}
