// Which element "Place PiM QR here" means (see background/context-menu.ts for the whole approach):
// the target of the last `contextmenu` event when the controller was already listening, else the
// element the menu's click data names (image or media source, link, selection).
import type { ContextTargetHints } from '../shared/placement-messages';
import { isPickable } from './picker';
import { trusted } from './trusted-input';

export interface ContextTargetRecorder {
  /** The element right-clicked last, if it is still in the page and recent. */
  last(): Element | undefined;
  stop(): void;
}

const FRESH_MS = 60_000;

export function recordContextTargets(win: Window = window, now: () => number = Date.now): ContextTargetRecorder {
  let last: { element: Element; at: number } | undefined;
  // Only a real right-click names the element: a page script's made-up contextmenu event must not
  // choose where the QR goes.
  const listener = trusted((event: Event) => {
    // event.target, not composedPath()[0]: a right-click inside one of our placements names its host.
    const target = event.target;
    if (target !== null && (target as Node).nodeType === Node.ELEMENT_NODE) last = { element: target as Element, at: now() };
  });
  win.addEventListener('contextmenu', listener, true);
  return {
    last: () => (last && last.element.isConnected && now() - last.at < FRESH_MS ? last.element : undefined),
    stop: () => win.removeEventListener('contextmenu', listener, true),
  };
}

function sameUrl(a: string, b: string): boolean {
  return a !== '' && a === b;
}

export function elementFromHints(doc: Document, hints: ContextTargetHints): Element | undefined {
  if (hints.srcUrl) {
    for (const media of Array.from(doc.querySelectorAll('img, video, audio, input[type="image"], source, embed, object'))) {
      const m = media as HTMLImageElement & { currentSrc?: string };
      if (sameUrl(m.currentSrc ?? '', hints.srcUrl) || sameUrl(m.src ?? '', hints.srcUrl)) {
        return media.localName === 'source' ? (media.parentElement ?? undefined) : media;
      }
    }
  }
  if (hints.linkUrl) {
    const link = Array.from(doc.querySelectorAll('a[href], area[href]')).find((a) => sameUrl((a as HTMLAnchorElement).href, hints.linkUrl ?? ''));
    if (link) return link;
  }
  if (hints.selectionText) {
    const selection = doc.getSelection();
    if (selection && selection.rangeCount > 0) {
      const node = selection.getRangeAt(0).commonAncestorContainer;
      const element = node instanceof Element ? node : node.parentElement;
      if (element) return element;
    }
  }
  return undefined;
}

/** The element to place at, or undefined when only the picker can tell. */
export function contextTarget(recorder: ContextTargetRecorder, doc: Document, hints: ContextTargetHints): Element | undefined {
  const found = recorder.last() ?? elementFromHints(doc, hints);
  return found && isPickable(found) && found !== doc.body ? found : undefined;
}
