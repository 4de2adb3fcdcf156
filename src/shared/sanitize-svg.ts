// Cleans SVG markup from the API (or from storage) before any view shows it, without a DOM: it parses
// with a pure-JavaScript XML parser and writes back an allow-list, so no event handler, script,
// foreign element or loading reference ever becomes a DOM node. Parsing untrusted markup with the
// browser's own parsers (DOMParser, <template>, innerHTML, DOMPurify) creates its attributes in a
// document that shares the extension page's (or the web page's) scripting context: Chromium checks
// each `on*` attribute against that context's CSP right there, so only the CSP stood between an
// answer and script. Runs anywhere: extension pages, the content script, the worker, Node.
import { parseXml, XmlElement, XmlError, type XmlNode, type XmlText } from '@rgrove/parse-xml';
import { SvgSanitizeError } from './svg-sanitize-error';

export { SvgSanitizeError };

export const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Deeper than any QR needs; bounds the recursion below (the parser's own is bounded by the 2 MB body cap). */
export const MAX_SVG_DEPTH = 64;
/** Far more than a QR needs; beyond it, drawing alone can stall a page or the popup for seconds. */
export const MAX_SVG_ELEMENTS = 20_000;
export const MAX_USE_ELEMENTS = 200;
/** Elements as drawn, each `<use>` counting the copy it draws. */
export const MAX_DRAWN_ELEMENTS = 50_000;

/** SVG elements a QR image can use; nothing here runs script, loads a resource or animates. */
const KEPT_ELEMENTS = new Set([
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'style',
  'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path', 'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'marker',
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
  'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA',
  'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology',
  'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
]);

/** Wrappers whose content is still part of the picture: the wrapper goes, its children stay. */
const UNWRAPPED_ELEMENTS = new Set(['a', 'switch']);

/** Namespaced attributes with a meaning in SVG; every other prefix (and every xmlns:*) is dropped. */
const KEPT_PREFIXED = new Set(['xlink:href', 'xml:space', 'xml:lang']);
const LINK_ATTRIBUTES = new Set(['href', 'xlink:href']);
const ATTRIBUTE_NAME = /^[A-Za-z_][\w.:-]*$/;

/** True when a CSS text (a style element, a style attribute, a presentation attribute) could load anything. */
export function cssLoadsSomething(css: string): boolean {
  // Escapes could spell `url(` so a pattern misses it; no QR needs them.
  if (/\\|@import|image-set\s*\(|expression\s*\(|-moz-binding|behavior\s*:/i.test(css)) return true;
  // Any url() whose target does not start with `#`, quoted or not; the lookahead also refuses the
  // blanks and quotes so that backtracking cannot step around them.
  return /url\s*\(\s*['"]?\s*(?![\s'"#])/i.test(css);
}

/**
 * A `<style>` is kept only when it can match nothing outside its own SVG: no at-rules (`@import`,
 * `@font-face`, `@namespace`, ...), no `:host` (which would reach the element the SVG is shown in)
 * and nothing that loads.
 */
export function isContainedStylesheet(css: string): boolean {
  return !/@|:host/i.test(css) && !cssLoadsSomething(css);
}

/** Links may only point inside the document (`#id`); any other attribute may not load through CSS. */
export function isSafeAttribute(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('on') || !ATTRIBUTE_NAME.test(name)) return false;
  if (name.includes(':') && !KEPT_PREFIXED.has(name)) return false;
  if (lower === 'src') return false;
  return LINK_ATTRIBUTES.has(lower) ? value.trim().startsWith('#') : !cssLoadsSomething(value);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const isElement = (node: XmlNode): node is XmlElement => node.type === 'element';
// CDATA sections arrive as text: the parser does not keep them apart unless asked to.
const isText = (node: XmlNode): node is XmlText => node.type === 'text';

interface Output {
  parts: string[];
  usesXlink: boolean;
}

function textOf(element: XmlElement): string {
  return element.children.filter(isText).map((node) => node.text).join('');
}

function writeAttributes(element: XmlElement, out: Output): string {
  let written = '';
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name === 'xmlns' || !isSafeAttribute(name, value)) continue;
    if (name === 'xlink:href') out.usesXlink = true;
    written += ` ${name}="${escapeAttribute(value)}"`;
  }
  return written;
}

function writeChildren(element: XmlElement, depth: number, out: Output): void {
  for (const child of element.children) {
    if (isElement(child)) writeElement(child, depth + 1, out);
    else if (isText(child)) out.parts.push(escapeText(child.text));
    // Comments and processing instructions carry nothing a picture needs.
  }
}

function writeElement(element: XmlElement, depth: number, out: Output): void {
  if (depth > MAX_SVG_DEPTH) throw new SvgSanitizeError('The image nests its parts too deeply to show safely.');
  const { name } = element;
  // Another default namespace (XHTML inside the SVG, say) makes every name below it foreign.
  const namespace = element.attributes.xmlns;
  if (namespace !== undefined && namespace !== SVG_NS) return;
  if (UNWRAPPED_ELEMENTS.has(name)) {
    writeChildren(element, depth, out);
    return;
  }
  if (!KEPT_ELEMENTS.has(name)) return;
  if (name === 'style') {
    const css = textOf(element);
    if (isContainedStylesheet(css)) out.parts.push(`<style>${escapeText(css)}</style>`);
    return;
  }
  out.parts.push(`<${name}${writeAttributes(element, out)}`);
  if (element.children.length === 0) {
    out.parts.push('/>');
    return;
  }
  out.parts.push('>');
  writeChildren(element, depth, out);
  out.parts.push(`</${name}>`);
}

/** A plain length (`400`, `400px`) in user units; 0 for percentages, other units and nonsense. */
function pixels(length: string | undefined): number {
  const match = /^\s*(\d+(?:\.\d+)?)(?:px)?\s*$/.exec(length ?? '');
  return match ? Number(match[1]) : 0;
}

const linkOf = (element: XmlElement): string => (element.attributes.href ?? element.attributes['xlink:href'] ?? '').trim();

/**
 * Refuses an image whose drawing alone could freeze the view showing it: too many elements, too many
 * `<use>`, a `<use>` of something that holds (or is) a `<use>` or of its own ancestor (each level
 * multiplies: nine levels of ten draw a billion copies), or flat `<use>` copies of a large group.
 */
export function checkDrawingBudget(root: XmlElement): void {
  const elements: XmlElement[] = [];
  const pending: XmlElement[] = [root];
  // In document order (children pushed last-first), so the first element of an id wins, as in browsers.
  for (let element = pending.pop(); element !== undefined; element = pending.pop()) {
    elements.push(element);
    if (elements.length > MAX_SVG_ELEMENTS) throw new SvgSanitizeError('The image is too complex to show safely.');
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i];
      if (child !== undefined && isElement(child)) pending.push(child);
    }
  }
  const uses = elements.filter((element) => element.name === 'use');
  if (uses.length > MAX_USE_ELEMENTS) throw new SvgSanitizeError('The image repeats parts of itself too often to show safely.');
  if (uses.length === 0) return;
  const byId = new Map<string, XmlElement>();
  for (const element of elements) {
    const id = element.attributes.id;
    if (id !== undefined && !byId.has(id)) byId.set(id, element);
  }
  /** Elements in a subtree, and whether it holds a `<use>`; counted once per referenced element. */
  const sizes = new Map<XmlElement, { count: number; holdsUse: boolean }>();
  const sizeOf = (target: XmlElement) => {
    let size = sizes.get(target);
    if (size === undefined) {
      size = { count: 0, holdsUse: false };
      const stack = [target];
      for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
        size.count += 1;
        if (element.name === 'use') size.holdsUse = true;
        for (const child of element.children) if (isElement(child)) stack.push(child);
      }
      sizes.set(target, size);
    }
    return size;
  };
  let drawn = elements.length;
  for (const use of uses) {
    const link = linkOf(use);
    const target = link.startsWith('#') ? byId.get(link.slice(1)) : undefined;
    if (target === undefined) continue;
    let ancestor: XmlElement | null = use;
    while (ancestor !== null && ancestor !== target) ancestor = ancestor.parent instanceof XmlElement ? ancestor.parent : null;
    if (ancestor === target || sizeOf(target).holdsUse) {
      throw new SvgSanitizeError('The image nests repeated parts and could freeze the page showing it.');
    }
    drawn += sizeOf(target).count;
    if (drawn > MAX_DRAWN_ELEMENTS) throw new SvgSanitizeError('The image draws too many copies of its parts to show safely.');
  }
}

/** The root `<svg>` of the text, undefined when the root is something else, or the parser's error. */
function parseSvg(text: string): XmlElement | undefined | Error {
  try {
    const root = parseXml(text, { ignoreUndefinedEntities: true }).root;
    return root?.name === 'svg' ? root : undefined;
  } catch (error) {
    // A RangeError is the parser's own recursion running out on absurd nesting.
    // The parser's message ends with an excerpt of the markup on further lines: the first line says it.
    // split always gives at least one part, so [0] is there.
    return new Error(error instanceof XmlError ? error.message.split('\n', 1)[0] : 'it nests too deeply');
  }
}

function parseSvgRoot(markup: string): XmlElement | undefined {
  const whole = parseSvg(markup);
  if (whole !== undefined && !(whole instanceof Error)) return whole;
  // An SVG file wrapped in something else (an HTML page, a JSON leftover): the first <svg> element alone.
  const start = markup.search(/<svg[\s>/]/);
  const end = markup.lastIndexOf('</svg>');
  if (start < 0 || end < start) return undefined;
  const inner = parseSvg(markup.slice(start, end + '</svg>'.length));
  if (inner instanceof Error) throw new SvgSanitizeError(`The image is not well-formed SVG: ${inner.message}.`);
  return inner;
}

/**
 * The SVG of `markup` reduced to an allow-list of elements and attributes, serialized as standalone
 * XML: no script, event handler, foreign content, animation, external reference or loading CSS, and
 * styles that cannot reach outside the image. Adds a viewBox when the image has only a width and a
 * height, so it scales instead of being cropped. Throws SvgSanitizeError when no SVG remains.
 */
export function sanitizeSvg(markup: string): string {
  if (typeof markup !== 'string' || markup.trim() === '') throw new SvgSanitizeError('The image is empty.');
  const root = parseSvgRoot(markup);
  if (!root || (root.attributes.xmlns !== undefined && root.attributes.xmlns !== SVG_NS)) {
    throw new SvgSanitizeError('No SVG image remains after removing unsafe content.');
  }
  checkDrawingBudget(root);
  const out: Output = { parts: [], usesXlink: false };
  writeChildren(root, 0, out);
  let attributes = writeAttributes(root, out);
  const width = pixels(root.attributes.width);
  const height = pixels(root.attributes.height);
  if (root.attributes.viewBox === undefined && width > 0 && height > 0) attributes += ` viewBox="0 0 ${width} ${height}"`;
  const xlink = out.usesXlink ? ` xmlns:xlink="${XLINK_NS}"` : '';
  return `<svg xmlns="${SVG_NS}"${xlink}${attributes}>${out.parts.join('')}</svg>`;
}
