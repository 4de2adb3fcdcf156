// Where a page may show a QR code: images, inline SVG, canvases and CSS background images, in the
// document, in every open shadow root and in every frame of the page's own origin. Our own elements
// (placements, notices, the highlight) are not the page's and are left out.
import { isOurElement } from '../shared/own-host';
import type { ScanKind, ScanPlace } from '../shared/scan-messages';

export interface Candidate {
  element: Element;
  kind: ScanKind;
  place: ScanPlace;
  /** The window the element is laid out in (a frame's, for an element in a frame). */
  win: Window;
  /** For a CSS background: the image's address; for an image the page replaces with `content: url(…)`, the address of what is drawn. */
  url?: string;
}

/** Enough for any real page; a page with more elements is not walked further. */
const MAX_ELEMENTS = 50_000;

/** The first `url(…)` of a computed background-image, unquoted (the computed value is absolute). */
export function backgroundUrl(value: string): string | undefined {
  const match = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)\s]*))\s*\)/.exec(value);
  const url = match ? (match[1] ?? match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1') : '';
  return url === '' ? undefined : url;
}

function frameDocument(frame: HTMLIFrameElement): Document | null {
  try {
    // Null, or a throw, for a frame of another origin.
    return frame.contentDocument;
  } catch {
    return null;
  }
}

export function findCandidates(top: Window): { candidates: Candidate[]; crossOriginFrames: number } {
  const candidates: Candidate[] = [];
  let crossOriginFrames = 0;
  let visited = 0;

  function walk(root: Document | ShadowRoot, win: Window, place: ScanPlace): void {
    const doc = root.ownerDocument ?? (root as Document);
    // Our own elements are skipped with everything inside them.
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, {
      acceptNode: (node) => (isOurElement(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node as Element;
      if (++visited > MAX_ELEMENTS) return;
      const tag = element.localName;
      if (tag === 'img') {
        // A page can draw another picture over an image's own file: what people see is the content URL.
        const drawn = backgroundUrl(win.getComputedStyle(element).content);
        candidates.push({ element, kind: 'img', place, win, ...(drawn === undefined ? {} : { url: drawn }) });
      }
      else if (tag === 'canvas') candidates.push({ element, kind: 'canvas', place, win });
      else if (tag === 'svg' && element.parentElement?.closest('svg') == null) candidates.push({ element, kind: 'svg', place, win });
      const url = backgroundUrl(win.getComputedStyle(element).backgroundImage);
      if (url !== undefined) candidates.push({ element, kind: 'background', place, win, url });
      if (element.shadowRoot) walk(element.shadowRoot, win, place === 'page' ? 'shadow' : place);
      if (tag === 'iframe' || tag === 'frame') {
        const doc = frameDocument(element as HTMLIFrameElement);
        const frameWin = doc?.defaultView;
        if (doc && frameWin) walk(doc, frameWin, 'frame');
        else crossOriginFrames++;
      }
    }
  }

  walk(top.document, top, 'page');
  return { candidates, crossOriginFrames };
}
