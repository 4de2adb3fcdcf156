// Turns SVG markup into an element that is safe to show in the page: sanitized again here (the page
// is never trusted, and neither is anything that crossed a message boundary), parsed as XML, and
// refused when it is too big or nests <use> so deeply that drawing it could freeze the tab.
import { PimError } from '../core/errors';
import { cssLoadsSomething, sanitizeSvg, SvgSanitizeError } from '../shared/sanitize-svg';
import { contentText } from './text';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const MAX_SVG_ELEMENTS = 20_000;
export const MAX_USE_ELEMENTS = 200;

function refused(message: string): PimError {
  return new PimError('unreadable-response', {
    message,
    hint: 'Generate the QR code again; if it keeps happening, check the environment’s responses in the request log.',
  });
}

const NEVER = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener', 'image', 'feimage']);
const LINKS = new Set(['href', 'xlink:href', 'src']);

/**
 * A second, independent pass over what DOMPurify left: whatever it may miss in some browser or
 * version, nothing here can run script or fetch anything. Removes non-SVG elements, script-capable
 * and loading elements, event handlers, non-fragment links and loading CSS.
 */
export function scrubSvg(svg: Element): void {
  for (const element of Array.from(svg.getElementsByTagName('*'))) {
    if (element.namespaceURI !== SVG_NS || NEVER.has(element.localName.toLowerCase())) {
      element.remove();
      continue;
    }
    if (element.localName === 'style' && cssLoadsSomething(element.textContent ?? '')) {
      element.remove();
      continue;
    }
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      const unsafe = name.startsWith('on') || (LINKS.has(name) ? !attribute.value.trim().startsWith('#') : cssLoadsSomething(attribute.value));
      if (unsafe) element.removeAttributeNode(attribute);
    }
  }
  for (const attribute of Array.from(svg.attributes)) {
    if (attribute.name.toLowerCase().startsWith('on') || cssLoadsSomething(attribute.value)) svg.removeAttributeNode(attribute);
  }
}

/** A `<use>` that points at something containing (or being) a `<use>` can multiply into billions of nodes. */
export function checkSvgBudget(svg: Element): void {
  const all = svg.getElementsByTagName('*');
  if (all.length > MAX_SVG_ELEMENTS) throw refused('This image is too complex to place safely.');
  const uses = Array.from(svg.getElementsByTagNameNS(SVG_NS, 'use'));
  if (uses.length > MAX_USE_ELEMENTS) throw refused('This image repeats parts of itself too often to place safely.');
  for (const use of uses) {
    const href = use.getAttribute('href') ?? use.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '';
    if (!href.startsWith('#')) continue;
    const target = svg.querySelector(`[id="${href.slice(1).replace(/["\\]/g, '\\$&')}"]`);
    if (!target) continue;
    if (target.localName === 'use' || target.getElementsByTagNameNS(SVG_NS, 'use').length > 0 || target.contains(use)) {
      throw refused('This image nests repeated parts and could freeze the page; it was not placed.');
    }
  }
}

export interface PreparedSvg {
  svg: SVGSVGElement;
  /** The size the image asks for (width/height, else its viewBox), when it says. */
  natural?: { width: number; height: number };
}

/** The sanitized `<svg>`, owned by `doc`, sized by CSS (its own width and height are dropped). */
export function prepareSvg(doc: Document, markup: string): PreparedSvg {
  let clean: string;
  try {
    clean = sanitizeSvg(markup);
  } catch (error) {
    if (error instanceof SvgSanitizeError) throw refused(`This image cannot be placed: ${error.message}`);
    throw error;
  }
  const parsed = new DOMParser().parseFromString(clean, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.localName !== 'svg' || root.namespaceURI !== SVG_NS || parsed.getElementsByTagName('parsererror').length > 0) {
    throw refused('This image cannot be placed: it is not a well-formed SVG.');
  }
  checkSvgBudget(root);
  scrubSvg(root);
  const svg = doc.importNode(root, true) as unknown as SVGSVGElement;
  const width = Number.parseFloat(svg.getAttribute('width') ?? '');
  const height = Number.parseFloat(svg.getAttribute('height') ?? '');
  const sane = (n: number) => Number.isFinite(n) && n > 0 && n <= 100_000;
  let natural: PreparedSvg['natural'];
  if (sane(width) && sane(height)) {
    natural = { width, height };
    if (!svg.hasAttribute('viewBox')) svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  } else {
    const [, , boxWidth = NaN, boxHeight = NaN] = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
    if (sane(boxWidth) && sane(boxHeight)) natural = { width: boxWidth, height: boxHeight };
  }
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('role', 'img');
  svg.setAttribute('focusable', 'false');
  if (!svg.querySelector('title')) svg.setAttribute('aria-label', contentText('qrLabel'));
  return natural ? { svg, natural } : { svg };
}
