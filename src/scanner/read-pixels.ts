// Reads the pixels a page shows for one candidate, drawn on a canvas of our own over white (as most
// pages are): an image as loaded, inline SVG as an image of its markup with the page's fills and
// strokes written in, a canvas as it is, a CSS background as the image it names. The browser refuses
// the pixels of another site's image ('cross-origin'); that is said, never worked around.
import type { Pixels } from '../core/qr-figures';
import type { UnreadableReason } from '../shared/scan-messages';
import type { Candidate } from './find-codes';

/** jsQR is slow on big images, and a QR reads fine at this size. */
const MAX_SIDE = 800;
/** How long an image that is still loading is waited for. */
const LOAD_WAIT_MS = 3000;

export interface Raster {
  pixels: Pixels;
  /** CSS pixels per raster pixel, as the code is drawn in the page. */
  cssPerPx: number;
  /** The drawn image in CSS pixels. */
  cssWidth: number;
  cssHeight: number;
}

export type ReadResult = { raster: Raster } | { reason: UnreadableReason };

const SVG_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'opacity', 'fill-opacity', 'display', 'visibility'];
/** Where the page's CSS moves a part to. Other geometry it may set (`d`, `x`, `width` …) is not carried: README says so. */
const SVG_PLACEMENT = ['transform', 'transform-origin', 'transform-box'];

function loaded(image: HTMLImageElement): Promise<UnreadableReason | undefined> {
  if (image.complete) return Promise.resolve(image.naturalWidth > 0 ? undefined : 'broken');
  return new Promise((resolve) => {
    const done = (reason: UnreadableReason | undefined) => {
      clearTimeout(timer);
      resolve(reason);
    };
    const timer = setTimeout(() => done('not-loaded'), LOAD_WAIT_MS);
    image.addEventListener('load', () => done(image.naturalWidth > 0 ? undefined : 'broken'), { once: true });
    image.addEventListener('error', () => done('broken'), { once: true });
  });
}

async function loadImage(doc: Document, url: string): Promise<HTMLImageElement | UnreadableReason> {
  const image = doc.createElement('img');
  image.decoding = 'sync';
  image.src = url;
  return (await loaded(image)) ?? image;
}

/** Draws `source` (natural size `width`×`height`) and reads it back; a tainted canvas throws a SecurityError. */
function draw(source: CanvasImageSource, width: number, height: number, cssWidth: number, cssHeight: number): ReadResult {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height, 1));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return { reason: 'broken' };
  context.fillStyle = '#fff';
  context.fillRect(0, 0, w, h);
  try {
    context.drawImage(source, 0, 0, w, h);
    const data = context.getImageData(0, 0, w, h).data;
    return { raster: { pixels: { data, width: w, height: h }, cssPerPx: cssWidth / w, cssWidth, cssHeight } };
  } catch (error) {
    return { reason: error instanceof DOMException && error.name === 'SecurityError' ? 'cross-origin' : 'broken' };
  }
}

/**
 * The SVG's markup with the page's computed paint and placement written in: CSS rules do not travel
 * with it. Serialized from the page's element and styled in a document of DOMParser's, where nothing
 * runs: cloning in the page would run the page's custom element constructors (say, inside a
 * foreignObject), which could watch or stall the scan. Null when the markup does not parse.
 */
function svgMarkup(svg: SVGSVGElement, win: Window, width: number, height: number): string | null {
  const parsed = new DOMParser().parseFromString(new XMLSerializer().serializeToString(svg), 'image/svg+xml');
  const copy = parsed.documentElement;
  if (copy.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return null;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [copy, ...Array.from(copy.querySelectorAll('*'))];
  originals.forEach((original, i) => {
    const target = copies[i] as Partial<ElementCSSInlineStyle> | undefined;
    if (!target?.style) return;
    const style = win.getComputedStyle(original);
    // The outer SVG's own transform is already in its box, which is the size it is drawn at.
    const properties = i === 0 ? SVG_PROPERTIES : [...SVG_PROPERTIES, ...SVG_PLACEMENT];
    for (const property of properties) target.style.setProperty(property, style.getPropertyValue(property));
  });
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  return new XMLSerializer().serializeToString(copy);
}

/** The size a background image is drawn at in the element's box (background-size: auto, contain, cover or lengths). */
export function backgroundSize(value: string, box: { width: number; height: number }, natural: { width: number; height: number }) {
  const ratio = natural.width / natural.height;
  if (value === 'contain' || value === 'cover') {
    const fitWidth = box.width / box.height < ratio;
    const byWidth = value === 'contain' ? fitWidth : !fitWidth;
    return byWidth ? { width: box.width, height: box.width / ratio } : { width: box.height * ratio, height: box.height };
  }
  const [first = 'auto', second = 'auto'] = value.split(/\s+/);
  const length = (token: string, whole: number) => (token.endsWith('%') ? (Number.parseFloat(token) / 100) * whole : Number.parseFloat(token));
  const w = first === 'auto' ? Number.NaN : length(first, box.width);
  const h = second === 'auto' ? Number.NaN : length(second, box.height);
  if (Number.isFinite(w) && Number.isFinite(h)) return { width: w, height: h };
  if (Number.isFinite(w)) return { width: w, height: w / ratio };
  if (Number.isFinite(h)) return { width: h * ratio, height: h };
  return { width: natural.width, height: natural.height };
}

export async function readPixels(candidate: Candidate): Promise<ReadResult> {
  const { element, win } = candidate;
  const rect = element.getBoundingClientRect();
  switch (candidate.kind) {
    case 'img': {
      if (candidate.url !== undefined) {
        const drawn = await loadImage(document, candidate.url);
        return typeof drawn === 'string' ? { reason: drawn } : draw(drawn, drawn.naturalWidth, drawn.naturalHeight, rect.width, rect.height);
      }
      const image = element as HTMLImageElement;
      const reason = await loaded(image);
      return reason ? { reason } : draw(image, image.naturalWidth, image.naturalHeight, rect.width, rect.height);
    }
    case 'canvas': {
      const canvas = element as HTMLCanvasElement;
      return draw(canvas, canvas.width, canvas.height, rect.width, rect.height);
    }
    case 'svg': {
      if (rect.width < 1 || rect.height < 1) return { reason: 'broken' };
      const dpr = win.devicePixelRatio || 1;
      const markup = svgMarkup(element as SVGSVGElement, win, rect.width, rect.height);
      if (markup === null) return { reason: 'broken' };
      const image = await loadImage(document, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);
      return typeof image === 'string' ? { reason: image } : draw(image, rect.width * dpr, rect.height * dpr, rect.width, rect.height);
    }
    case 'background': {
      const image = await loadImage(document, candidate.url ?? '');
      if (typeof image === 'string') return { reason: image };
      const drawn = backgroundSize(win.getComputedStyle(element).backgroundSize, rect, { width: image.naturalWidth, height: image.naturalHeight });
      return draw(image, image.naturalWidth, image.naturalHeight, drawn.width, drawn.height);
    }
  }
}
