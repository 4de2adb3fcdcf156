// Turns SVG markup into an element that is safe to show in the page: sanitized again here (the page
// is never trusted, and neither is anything that crossed a message boundary), which also refuses
// images whose drawing could freeze the tab, before it is parsed and purified again as DOM.
import { PimError } from '../core/errors';
import DOMPurify from 'dompurify';
import { isContainedStylesheet, isSafeAttribute, sanitizeSvg, SvgSanitizeError } from '../shared/sanitize-svg';
import { t } from '../shared/i18n';

const SVG_NS = 'http://www.w3.org/2000/svg';

let hooked = false;

/**
 * The second, independent pass, where the markup becomes live DOM in the page: DOMPurify over the
 * parsed tree, in place, with the sanitizer's own attribute and style rules as hooks. Whatever the
 * allow-list may miss in some browser or version, nothing here can run script or fetch anything.
 */
export function purifyInPlace(svg: Element): void {
  // The instance DOMPurify makes as it loads is bound to this window already (our isolated world's,
  // the only code that uses it here): making another costs as much again on every page.
  const purifier = DOMPurify;
  if (!hooked) {
    hooked = true;
    purifier.addHook('uponSanitizeAttribute', (_node, data) => {
      if (!isSafeAttribute(data.attrName, data.attrValue)) data.keepAttr = false;
    });
    purifier.addHook('uponSanitizeElement', (node, data) => {
      if (data.tagName === 'style' && !isContainedStylesheet(node.textContent ?? '')) node.parentNode?.removeChild(node);
    });
  }
  // Without a DOM, DOMPurify returns its input untouched: refuse instead.
  if (!purifier.isSupported) throw new PimError('svg-uncheckable');
  purifier.sanitize(svg, { IN_PLACE: true, USE_PROFILES: { svg: true, svgFilters: true }, FORBID_TAGS: ['foreignObject', 'a', 'image', 'feImage'] });
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
    if (error instanceof SvgSanitizeError) throw new PimError('svg-refused');
    throw error;
  }
  const parsed = new DOMParser().parseFromString(clean, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.localName !== 'svg' || root.namespaceURI !== SVG_NS || parsed.getElementsByTagName('parsererror').length > 0) {
    throw new PimError('svg-refused');
  }
  purifyInPlace(root);
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
  // Named as a PiM QR code in the reader's language, then by the image's own title if it has one.
  const title = svg.querySelector('title')?.textContent?.trim();
  svg.setAttribute('aria-label', title ? `${t('content_qrLabel')}: ${title}` : t('content_qrLabel'));
  return natural ? { svg, natural } : { svg };
}
