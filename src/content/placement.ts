// One QR placement in the page: a host element with a closed shadow root holding the sanitized SVG
// and its controls, which answer trusted input only (see trusted-input.ts). Floating placements sit
// on top and can be dragged, resized, nudged and pinned; 'replace' takes an element's box (the
// element is hidden until the QR is removed); 'inside' is appended to an element.
import type { PinSpec, PlacedInfo, PlacementSpec, Point, Size } from '../shared/placement-messages';
import { cssSelectorFor } from './css-selector';
import { measurePlacement } from './measure-placement';
import { centred, clampSize, DEFAULT_SIDE, initialSize, MIN_SIDE } from './placement-geometry';
import { makeDraggable, makeResizable } from './placement-pointer';
import { adoptStyles, createHost, forceStyles, PLACEMENT_CSS } from './placement-style';
import { qrGeometry } from './qr-modules';
import { assessScannability } from './scannability';
import type { PreparedSvg } from './svg-image';
import { t } from '../shared/i18n';
import { trackUserFocus, trusted } from './trusted-input';

export const PLACEMENT_ATTRIBUTE = 'data-pim-qr-placement';
const IMAGE_CSS = ':host { display: block; width: 100%; height: 100%; } svg { display: block; width: 100%; height: 100%; }';
/** Layout properties a replacing placement copies from the element it stands in for. */
const COPIED_LAYOUT = [
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'float', 'vertical-align',
  'flex-grow', 'flex-shrink', 'flex-basis', 'align-self', 'justify-self', 'order',
  'grid-row-start', 'grid-row-end', 'grid-column-start', 'grid-column-end',
];

export interface PlacementChange {
  position?: Point;
  size?: Size;
  opacity?: number;
  pin?: PinSpec | null;
}

export interface PlacementEvents {
  removed(placement: Placement, byUser: boolean): void;
  changed(placement: Placement, change: PlacementChange): void;
}

export interface Placement {
  readonly id: string;
  readonly host: HTMLElement;
  readonly spec: PlacementSpec;
  readonly target: Element | undefined;
  info(): PlacedInfo;
  /** False once the page removed the host or re-rendered the element it belongs to. */
  isIntact(): boolean;
  /** Re-measures (and re-positions a pinned placement). */
  refresh(): void;
  remove(byUser?: boolean): void;
}

export function isOurElement(element: Element): boolean {
  return element.hasAttribute(PLACEMENT_ATTRIBUTE) || element.hasAttribute('data-pim-qr-ui');
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, attributes: Record<string, string> = {}) {
  const node = doc.createElement(tag);
  node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function viewport(win: Window): Size {
  return { width: win.innerWidth, height: win.innerHeight };
}

/** The size of an element's content box, for 'inside'. */
function contentBox(target: Element, win: Window): Size {
  const style = win.getComputedStyle(target);
  const width = target.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
  const height = target.clientHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom);
  return { width: Number.isFinite(width) ? width : 0, height: Number.isFinite(height) ? height : 0 };
}

export function createPlacement(
  spec: PlacementSpec,
  prepared: PreparedSvg,
  target: Element | undefined,
  events: PlacementEvents,
  win: Window = window,
): Placement {
  const doc = win.document;
  const state: PlacementSpec = { ...spec };
  const geometry = qrGeometry(prepared.svg);
  const { host, root } = createHost(doc, PLACEMENT_ATTRIBUTE, spec.id);
  host.tabIndex = 0;
  host.setAttribute('role', 'group');
  host.setAttribute('aria-label', t('content_placementLabel'));
  host.setAttribute('data-mode', spec.mode);
  adoptStyles(root, PLACEMENT_CSS);

  const frame = element(doc, 'div', 'frame');
  const clip = element(doc, 'div', 'clip');
  const image = element(doc, 'div', 'image');
  // A nested shadow root: a <style> inside the SVG can reach neither our controls nor our host.
  const imageRoot = image.attachShadow({ mode: 'closed' });
  adoptStyles(imageRoot, IMAGE_CSS);
  imageRoot.append(prepared.svg);
  clip.append(image);

  const toolbar = element(doc, 'div', 'toolbar', { role: 'toolbar', 'aria-label': t('content_toolbar') });
  const removeButton = element(doc, 'button', 'remove', { type: 'button', 'aria-label': t('content_remove'), title: t('content_remove') });
  removeButton.textContent = '✕';
  const opacityInput = element(doc, 'input', 'opacity', { type: 'range', min: '10', max: '100', step: '5', 'aria-label': t('content_opacity'), title: t('content_opacity') });
  opacityInput.value = String(Math.round((state.opacity ?? 1) * 100));
  toolbar.append(removeButton, opacityInput);
  const badge = element(doc, 'div', 'badge');
  const alert = element(doc, 'div', 'alert', { 'aria-hidden': 'true' });
  alert.textContent = '!';
  frame.append(clip, toolbar, badge, alert);

  let pinButton: HTMLButtonElement | undefined;
  let resizeHandle: HTMLButtonElement | undefined;
  if (spec.mode === 'floating') {
    pinButton = element(doc, 'button', 'pin', { type: 'button', 'aria-label': t('content_pin'), title: t('content_pin'), 'aria-pressed': 'false' });
    pinButton.textContent = '📌';
    toolbar.append(pinButton);
    resizeHandle = element(doc, 'button', 'resize', { type: 'button', 'aria-label': t('content_resize'), title: t('content_resize') });
    frame.append(resizeHandle);
  }
  root.append(frame);

  let removed = false;
  const userFocus = trackUserFocus(host, win);
  let pinnedElement: Element | undefined;
  let savedDisplay: { value: string; priority: string } | undefined;

  const size = (): Size => state.size ?? { width: DEFAULT_SIDE, height: DEFAULT_SIDE };
  const position = (): Point => state.position ?? { x: 0, y: 0 };

  function applyFloating(): void {
    const { x, y } = position();
    const { width, height } = size();
    forceStyles(host, {
      display: 'block', position: 'fixed', left: `${x}px`, top: `${y}px`, width: `${width}px`, height: `${height}px`,
      margin: '0', 'box-sizing': 'border-box', 'z-index': '2147483646', 'touch-action': 'none', opacity: String(state.opacity ?? 1),
    });
  }

  function applyInFlow(layout: Record<string, string>): void {
    const { width, height } = size();
    forceStyles(host, {
      position: 'relative', width: `${width}px`, height: `${height}px`, 'box-sizing': 'border-box',
      opacity: String(state.opacity ?? 1), ...layout,
    });
  }

  function findPinned(): Element | undefined {
    if (!state.pin) return undefined;
    if (pinnedElement?.isConnected) return pinnedElement;
    try {
      pinnedElement = doc.querySelector(state.pin.selector) ?? undefined;
    } catch {
      pinnedElement = undefined;
    }
    return pinnedElement;
  }

  function followPin(): void {
    const anchor = findPinned();
    if (!anchor || !state.pin) return;
    const rect = anchor.getBoundingClientRect();
    state.position = { x: Math.round(rect.left + state.pin.dx), y: Math.round(rect.top + state.pin.dy) };
    applyFloating();
  }

  function pinOffset(anchor: Element): PinSpec {
    const rect = anchor.getBoundingClientRect();
    const { x, y } = position();
    return { selector: cssSelectorFor(anchor), dx: Math.round(x - rect.left), dy: Math.round(y - rect.top) };
  }

  function measure(): void {
    if (removed) return;
    const lastReport = assessScannability(measurePlacement(host, image, geometry, win));
    badge.replaceChildren(doc.createTextNode(lastReport.sizeText));
    for (const warning of lastReport.warnings) {
      const line = doc.createElement('p');
      line.textContent = `⚠ ${warning.text}`;
      badge.append(line);
    }
    alert.classList.toggle('on', lastReport.warnings.length > 0);
    alert.title = lastReport.warnings.map((w) => w.text).join('\n');
    host.setAttribute('aria-description', [lastReport.sizeText, ...lastReport.warnings.map((w) => w.text)].join('. '));
    host.setAttribute('data-scan', lastReport.warnings.map((w) => w.kind).join(' ') || 'ok');
  }

  // Where the host goes and how big it is.
  if (spec.mode === 'floating') {
    state.size = state.size ? clampSize(state.size) : initialSize(prepared.natural, viewport(win));
    if (state.pin && findPinned()) followPin();
    else state.position ??= centred(size(), viewport(win));
    applyFloating();
    doc.documentElement.append(host);
  } else if (spec.mode === 'replace' && target) {
    const rect = target.getBoundingClientRect();
    const style = win.getComputedStyle(target);
    const fallback = state.size ?? initialSize(prepared.natural, viewport(win));
    state.size = {
      width: Math.round(rect.width) >= MIN_SIDE / 2 ? Math.round(rect.width) : fallback.width,
      height: Math.round(rect.height) >= MIN_SIDE / 2 ? Math.round(rect.height) : fallback.height,
    };
    const layout: Record<string, string> = { display: style.display.startsWith('inline') ? 'inline-block' : 'block' };
    for (const property of COPIED_LAYOUT) layout[property] = style.getPropertyValue(property);
    if (style.position !== 'static') {
      Object.assign(layout, { position: style.position, top: style.top, right: style.right, bottom: style.bottom, left: style.left, 'z-index': style.zIndex });
    }
    applyInFlow(layout);
    target.before(host);
    savedDisplay = { value: (target as HTMLElement).style?.getPropertyValue('display') ?? '', priority: (target as HTMLElement).style?.getPropertyPriority('display') ?? '' };
    (target as HTMLElement).style?.setProperty('display', 'none', 'important');
  } else if (target) {
    if (!state.size) {
      const box = contentBox(target, win);
      const side = Math.floor(Math.min(box.width, box.height > 0 ? box.height : box.width));
      state.size = side >= MIN_SIDE ? { width: side, height: side } : initialSize(prepared.natural, viewport(win));
    }
    applyInFlow({ display: 'block', 'flex-shrink': '0', margin: '0' });
    target.append(host);
  }

  const placement: Placement = {
    id: spec.id,
    host,
    spec: state,
    target,
    info: () => {
      const info: PlacedInfo = { id: spec.id, size: { ...size() } };
      if (state.selector !== undefined && spec.mode !== 'floating') info.selector = state.selector;
      if (spec.mode === 'floating') info.position = { ...position() };
      return info;
    },
    isIntact: () => {
      if (!host.isConnected) return false;
      if (spec.mode === 'floating' || !target) return true;
      if (!target.isConnected) return false;
      if (spec.mode === 'inside') return host.parentElement === target;
      return (target as HTMLElement).style?.getPropertyValue('display') === 'none';
    },
    refresh: () => {
      if (state.pin) followPin();
      measure();
    },
    remove: (byUser = false) => {
      if (removed) return;
      removed = true;
      stopKeys?.();
      userFocus.stop();
      win.removeEventListener('scroll', onViewportChange, true);
      win.removeEventListener('resize', onViewportChange);
      host.remove();
      if (savedDisplay && target instanceof HTMLElement) {
        if (savedDisplay.value === '') target.style.removeProperty('display');
        else target.style.setProperty('display', savedDisplay.value, savedDisplay.priority);
      }
      events.removed(placement, byUser);
    },
  };

  let frameRequest = 0;
  let measureTimer: ReturnType<typeof setTimeout> | undefined;
  function onViewportChange(): void {
    if (state.pin && !frameRequest) {
      frameRequest = win.requestAnimationFrame(() => {
        frameRequest = 0;
        followPin();
      });
    }
    clearTimeout(measureTimer);
    measureTimer = setTimeout(measure, 150);
  }
  win.addEventListener('scroll', onViewportChange, { capture: true, passive: true });
  win.addEventListener('resize', onViewportChange, { passive: true });

  removeButton.addEventListener(
    'click',
    trusted((event) => {
      event.stopPropagation();
      placement.remove(true);
    }),
  );
  opacityInput.addEventListener(
    'input',
    trusted(() => {
      state.opacity = Number(opacityInput.value) / 100;
      host.style.setProperty('opacity', String(state.opacity), 'important');
    }),
  );
  opacityInput.addEventListener(
    'change',
    trusted(() => {
      measure();
      events.changed(placement, { opacity: state.opacity ?? 1 });
    }),
  );
  // The host is in the page's DOM, where any script can focus it and dispatch keys at it. Keys for a
  // control inside (the closed root hides it from composedPath() here) are that control's, and keys
  // count only when the person gave the host its focus.
  host.addEventListener(
    'keydown',
    trusted((event: KeyboardEvent) => {
      if (root.activeElement !== null || !userFocus.byUser) return;
      if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        event.stopPropagation();
        placement.remove(true);
      }
    }),
  );

  let stopKeys: (() => void) | undefined;
  if (spec.mode === 'floating' && pinButton && resizeHandle) {
    const pin = pinButton;
    const setPressed = () => pin.setAttribute('aria-pressed', String(state.pin !== undefined));
    setPressed();
    pin.addEventListener(
      'click',
      trusted((event) => {
        event.stopPropagation();
        if (state.pin) {
          delete state.pin;
          pinnedElement = undefined;
          events.changed(placement, { pin: null, position: { ...position() } });
        } else {
          const { x, y } = position();
          const { width, height } = size();
          const anchor = doc.elementsFromPoint(x + width / 2, y + height / 2).find((el) => el !== host && !isOurElement(el)) ?? doc.body;
          pinnedElement = anchor;
          state.pin = pinOffset(anchor);
          events.changed(placement, { pin: { ...state.pin } });
        }
        setPressed();
      }),
    );
    stopKeys = makeDraggable(host, root, frame, [toolbar, resizeHandle], () => userFocus.byUser, {
      position,
      moveTo: (next) => {
        state.position = next;
        applyFloating();
      },
      committed: () => {
        const anchor = findPinned();
        if (anchor) state.pin = pinOffset(anchor);
        measure();
        events.changed(placement, state.pin ? { position: { ...position() }, pin: { ...state.pin } } : { position: { ...position() } });
      },
    });
    makeResizable(resizeHandle, {
      size,
      resizeTo: (next) => {
        state.size = next;
        applyFloating();
      },
      committed: () => {
        measure();
        events.changed(placement, { size: { ...size() } });
      },
    });
  }

  measure();
  // Fonts, layout and the page's own scripts settle after insertion: measure once more.
  win.requestAnimationFrame(() => measure());
  return placement;
}
