// The outline around the code chosen in the scan list: a host of our own (closed shadow root, styles
// the page cannot override, marked as ours), fixed over the element and kept on it while the page
// scrolls or resizes. One at a time.
import { adoptStyles, createHost, forceStyles, OWN_UI_ATTRIBUTE } from '../shared/own-host';

const OUTLINE_CSS = '.outline { box-sizing: border-box; width: 100%; height: 100%; border: 4px solid #e6007e; outline: 2px solid #fff; box-shadow: 0 0 0 6px rgb(0 0 0 / 0.45); border-radius: 4px; }';
/** Room between the code and the outline, so the outline does not cover the code's quiet zone. */
const GAP = 6;

export function createHighlighter() {
  let stop: (() => void) | undefined;

  function clear(): void {
    stop?.();
    stop = undefined;
  }

  /** False when the element is no longer in the page. */
  function show(element: Element): boolean {
    clear();
    const doc = element.ownerDocument;
    const win = doc.defaultView;
    if (!element.isConnected || !win) return false;
    const { host, root } = createHost(doc, OWN_UI_ATTRIBUTE, 'scan-highlight');
    adoptStyles(root, OUTLINE_CSS);
    const outline = doc.createElement('div');
    outline.className = 'outline';
    root.append(outline);
    const place = () => {
      const rect = element.getBoundingClientRect();
      forceStyles(host, {
        position: 'fixed',
        left: `${rect.left - GAP}px`,
        top: `${rect.top - GAP}px`,
        width: `${rect.width + 2 * GAP}px`,
        height: `${rect.height + 2 * GAP}px`,
        'z-index': '2147483647',
        'pointer-events': 'none',
        display: 'block',
      });
    };
    element.scrollIntoView({ block: 'center', inline: 'center' });
    place();
    doc.documentElement.append(host);
    const abort = new AbortController();
    win.addEventListener('scroll', place, { capture: true, passive: true, signal: abort.signal });
    win.addEventListener('resize', place, { passive: true, signal: abort.signal });
    stop = () => {
      abort.abort();
      host.remove();
    };
    return true;
  }

  return { show, clear };
}
