// "Pick an element": hovering highlights an element with its size and a selector, a click chooses
// it; the arrow keys walk the page's elements (up: parent, down: first child, left/right: siblings),
// Enter chooses the highlighted one, Esc cancels. While picking, the page gets none of the person's clicks. Only trusted input
// counts: a page script must not steer the highlight, choose an element or cancel.
import { cssSelectorFor } from './css-selector';
import { adoptStyles, createHost, forceStyles, isOurElement, OWN_UI_ATTRIBUTE } from '../shared/own-host';
import { ownElement } from './own-elements';
import { PICKER_CSS } from './placement-style';
import { t } from '../shared/i18n';
import { trusted } from './trusted-input';

export interface PickerEvents {
  picked(element: Element): void;
  cancelled(): void;
}

/** Elements a QR cannot replace or go into. */
export function isPickable(element: Element): boolean {
  const doc = element.ownerDocument;
  return element !== doc.documentElement && element !== doc.head && !isOurElement(element) && !element.closest('head');
}

/** The highlight box, its label and the banner, on top of everything; the page's clicks go through. */
function drawPicker(doc: Document): { host: HTMLElement; box: HTMLElement; label: HTMLElement } {
  const { host, root } = createHost(doc, OWN_UI_ATTRIBUTE, 'picker');
  forceStyles(host, { position: 'fixed', inset: '0', 'pointer-events': 'none', 'z-index': '2147483647', display: 'block' });
  adoptStyles(root, PICKER_CSS);
  const box = ownElement(doc, 'div', 'box');
  const label = ownElement(doc, 'div', 'label');
  const banner = ownElement(doc, 'div', 'banner', { role: 'status' });
  banner.textContent = t('content_pickBanner');
  root.append(box, label, banner);
  doc.documentElement.append(host);
  return { host, box, label };
}

/** Outlines `element` and names it with its selector and size; nothing, without one. */
function highlight(box: HTMLElement, label: HTMLElement, element: Element | undefined): void {
  if (!element) {
    box.style.display = 'none';
    label.style.display = 'none';
    return;
  }
  const rect = element.getBoundingClientRect();
  Object.assign(box.style, { display: 'block', left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
  label.textContent = `${cssSelectorFor(element) ?? element.localName} · ${Math.round(rect.width)}×${Math.round(rect.height)}`;
  const above = rect.top - 24;
  Object.assign(label.style, { display: 'block', left: `${Math.max(0, rect.left)}px`, top: `${above >= 0 ? above : rect.bottom + 4}px` });
}

const WALKS: ReadonlyMap<string, (el: Element) => Element | null> = new Map([
  ['ArrowUp', (el: Element) => el.parentElement],
  ['ArrowDown', (el: Element) => el.firstElementChild],
  ['ArrowLeft', (el: Element) => el.previousElementSibling],
  ['ArrowRight', (el: Element) => el.nextElementSibling],
]);

const STEPS_ON: ReadonlyMap<string, (el: Element) => Element | null> = new Map([
  ['ArrowUp', (el: Element) => el.parentElement],
  ['ArrowDown', (el: Element) => el.nextElementSibling],
  ['ArrowLeft', (el: Element) => el.previousElementSibling],
  ['ArrowRight', (el: Element) => el.nextElementSibling],
]);

/** Whether the element draws a box a person can see the highlight on (a script or a hidden element draws none). */
function isShown(element: Element): boolean {
  return typeof element.checkVisibility !== 'function' || element.checkVisibility();
}

/**
 * The pickable element an arrow key leads to from `from` (none past the body, past ours or the head);
 * elements without a box are stepped over in the same direction, so the highlight never vanishes.
 */
export function walk(from: Element, key: string): Element | undefined {
  const stepOn = STEPS_ON.get(key);
  let next = WALKS.get(key)?.(from);
  while (next && stepOn && !(isPickable(next) && isShown(next))) {
    next = key === 'ArrowUp' && next === next.ownerDocument.body ? null : stepOn(next);
  }
  return next && isPickable(next) ? next : undefined;
}

/** Starts picking; the answer stops it (without calling `cancelled`). */
export function startPicker(events: PickerEvents, win: Window = window): () => void {
  const doc = win.document;
  const { host, box, label } = drawPicker(doc);
  // Stopping aborts it, which takes every listener below with it.
  const listening = new AbortController();
  const capture = { capture: true, signal: listening.signal };

  let current: Element | undefined;
  const at = (x: number, y: number): Element | undefined => doc.elementsFromPoint(x, y).find((el) => isPickable(el));
  const show = (element: Element | undefined) => {
    current = element;
    highlight(box, label, element);
  };

  const cancel = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const swallow = trusted(cancel);
  // The browser also sends pointer events at a pointer that did not move (after a scroll, when the
  // popup closes): those must not take the highlight from where the keys put it.
  let pointer = '';
  const onMove = trusted((event: PointerEvent | MouseEvent) => {
    const moved = `${event.clientX},${event.clientY}`;
    if (moved === pointer) return;
    pointer = moved;
    show(at(event.clientX, event.clientY));
  });
  const onClick = trusted((event: MouseEvent) => {
    cancel(event);
    const chosen = at(event.clientX, event.clientY) ?? current;
    if (!chosen) return;
    stop();
    events.picked(chosen);
  });
  const onKey = trusted((event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      cancel(event);
      stop();
      events.cancelled();
    } else if (event.key === 'Enter' && current) {
      cancel(event);
      const chosen = current;
      stop();
      events.picked(chosen);
    } else if (WALKS.has(event.key)) {
      cancel(event);
      const next = current ? walk(current, event.key) : doc.body;
      next?.scrollIntoView({ block: 'nearest' });
      if (next) show(next);
    }
  });
  const onScroll = () => show(current);

  const blocked = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'dblclick', 'auxclick', 'contextmenu'] as const;
  win.addEventListener('pointermove', onMove, capture);
  win.addEventListener('mouseover', onMove, capture);
  win.addEventListener('click', onClick, capture);
  win.addEventListener('keydown', onKey, capture);
  win.addEventListener('scroll', onScroll, { ...capture, passive: true });
  for (const type of blocked) win.addEventListener(type, swallow, capture);

  function stop(): void {
    if (listening.signal.aborted) return;
    listening.abort();
    host.remove();
  }
  return stop;
}
