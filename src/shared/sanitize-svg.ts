// Cleans SVG markup from the API (or from storage) before any page shows it. Needs a DOM.
import DOMPurify, { type Config } from 'dompurify';
import { SvgSanitizeError } from './svg-sanitize-error';

export { SvgSanitizeError };

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  USE_PROFILES: { svg: true, svgFilters: true },
  FORBID_TAGS: ['foreignObject'],
  RETURN_DOM_FRAGMENT: true,
};

const LINK_ATTRIBUTES = new Set(['href', 'xlink:href', 'src']);

/** True when a CSS text (a style element, a style attribute, a presentation attribute) could load anything. */
export function cssLoadsSomething(css: string): boolean {
  // Escapes could spell `url(` so a pattern misses it; no QR needs them.
  if (/\\|@import|image-set\s*\(|expression\s*\(/i.test(css)) return true;
  for (const match of css.matchAll(/url\s*\(\s*(['"]?)\s*([^'")\s]*)/gi)) {
    if (!(match[2] ?? '').startsWith('#')) return true;
  }
  return false;
}

/** Links may only point inside the document (`#id`); any other attribute may not load through CSS. */
export function isSafeAttribute(name: string, value: string): boolean {
  return LINK_ATTRIBUTES.has(name.toLowerCase()) ? value.trim().startsWith('#') : !cssLoadsSomething(value);
}

let purifier: ReturnType<typeof DOMPurify> | undefined;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  // Without a DOM, DOMPurify returns its input unchanged: refuse instead.
  if (!instance.isSupported) throw new SvgSanitizeError('SVG cannot be checked in this context.');
  // No javascript:, data:, http(s): or relative files, in links or in CSS.
  instance.addHook('uponSanitizeAttribute', (_node, data) => {
    if (!isSafeAttribute(data.attrName, data.attrValue)) data.keepAttr = false;
  });
  instance.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && cssLoadsSomething(node.textContent ?? '')) node.parentNode?.removeChild(node);
  });
  purifier = instance;
  return instance;
}

/**
 * Returns the first `<svg>` of the markup with script, event handlers, foreignObject, external
 * references and loading CSS removed, serialized as standalone XML. Throws SvgSanitizeError when
 * no `<svg>` remains.
 */
export function sanitizeSvg(markup: string): string {
  if (typeof markup !== 'string' || markup.trim() === '') throw new SvgSanitizeError('The image is empty.');
  const fragment = getPurifier().sanitize(markup, CONFIG);
  const svg = Array.from(fragment.childNodes).find(
    (node): node is Element => node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === 'svg',
  );
  if (!svg) throw new SvgSanitizeError('No SVG image remains after removing unsafe content.');
  return new XMLSerializer().serializeToString(svg);
}
