// 'floating': the QR sits on top of the page, fixed in the viewport. The person drags it by its frame,
// resizes it by the corner handle, nudges it with the arrow keys, and may pin it to the element under
// it, which it then follows on scroll and when the page renders that element again.
import type { PinSpec, PlacementSpec, Point } from '../../shared/placement-messages';
import { cssSelectorFor } from '../css-selector';
import { isOurElement } from '../../shared/own-host';
import { ownElement, ownIcon } from '../own-elements';
import { centred, clampSize } from '../placement-geometry';
import { makeDraggable, makeResizable } from '../placement-pointer';
import { forceStyles } from '../../shared/own-host';
import { t } from '../../shared/i18n';
import { trusted } from '../trusted-input';
import { fallbackSize, type ModeContext, type Mode, sizeOf, viewport } from './mode';

const positionOf = (state: PlacementSpec): Point => state.position ?? { x: 0, y: 0 };

function applyFloating({ host, state, placePanels }: ModeContext): void {
  const { x, y } = positionOf(state);
  const { width, height } = sizeOf(state);
  forceStyles(host, {
    display: 'block', position: 'fixed', left: `${x}px`, top: `${y}px`, width: `${width}px`, height: `${height}px`,
    margin: '0', 'box-sizing': 'border-box', 'z-index': '2147483646', 'touch-action': 'none', opacity: String(state.opacity ?? 1),
  });
  placePanels();
}

interface Pin {
  /** Moves the QR to keep its offset to the pinned element; false when there is none to follow. */
  follow(): boolean;
  /** Pins to the element under the QR's centre, or unpins. */
  toggle(): void;
  /** After the person moved the QR: its offset to the pinned element is the new one. */
  moved(): void;
}

function pinOf(context: ModeContext): Pin {
  const { host, state } = context;
  const doc = context.win.document;
  let pinnedElement: Element | undefined;
  /** No pin for an element no selector of ours can name (too deep in the page to keep). */
  const offset = (anchor: Element): PinSpec | undefined => {
    const selector = cssSelectorFor(anchor);
    if (!selector) return undefined;
    const rect = anchor.getBoundingClientRect();
    const { x, y } = positionOf(state);
    return { selector, dx: Math.round(x - rect.left), dy: Math.round(y - rect.top) };
  };
  /** The element pinned to; looked up again by its selector once the page rendered it anew. */
  const find = (): Element | undefined => {
    if (!state.pin) return undefined;
    if (pinnedElement?.isConnected) return pinnedElement;
    try {
      pinnedElement = doc.querySelector(state.pin.selector) ?? undefined;
    } catch {
      pinnedElement = undefined;
    }
    return pinnedElement;
  };
  return {
    follow() {
      const anchor = find();
      if (!anchor || !state.pin) return false;
      const rect = anchor.getBoundingClientRect();
      state.position = { x: Math.round(rect.left + state.pin.dx), y: Math.round(rect.top + state.pin.dy) };
      applyFloating(context);
      return true;
    },
    toggle() {
      if (state.pin) {
        delete state.pin;
        pinnedElement = undefined;
        context.changed({ pin: null, position: { ...positionOf(state) } });
        return;
      }
      const { x, y } = positionOf(state);
      const { width, height } = sizeOf(state);
      const anchor = doc.elementsFromPoint(x + width / 2, y + height / 2).find((el) => el !== host && !isOurElement(el)) ?? doc.body;
      const pin = offset(anchor);
      if (!pin) return;
      pinnedElement = anchor;
      state.pin = pin;
      context.changed({ pin: { ...pin } });
    },
    moved() {
      const anchor = find();
      const pin = anchor && offset(anchor);
      if (pin) state.pin = pin;
    },
  };
}

function addControls(context: ModeContext, pin: Pin): void {
  const { host, state, frame, toolbar, signal } = context;
  const doc = context.win.document;
  const pinButton = ownElement(doc, 'button', 'pin', { type: 'button', 'aria-label': t('content_pin'), title: t('content_pin') });
  pinButton.append(ownIcon(doc, 'pin'));
  toolbar.append(pinButton);
  const resizeHandle = ownElement(doc, 'button', 'resize', { type: 'button', 'aria-label': t('content_resize'), title: t('content_resize') });
  frame.append(resizeHandle);
  const setPressed = () => pinButton.setAttribute('aria-pressed', String(state.pin !== undefined));
  setPressed();
  pinButton.addEventListener(
    'click',
    trusted((event) => {
      event.stopPropagation();
      pin.toggle();
      setPressed();
    }),
    { signal },
  );
  const focusedByUser = () => context.userFocus.byUser;
  makeDraggable(host, context.root, frame, [toolbar, resizeHandle], focusedByUser, signal, {
    position: () => positionOf(state),
    moveTo: (next) => {
      state.position = next;
      applyFloating(context);
    },
    committed: () => {
      pin.moved();
      context.measure();
      const position = { ...positionOf(state) };
      context.changed(state.pin ? { position, pin: { ...state.pin } } : { position });
    },
  });
  makeResizable(resizeHandle, signal, {
    size: () => sizeOf(state),
    resizeTo: (next) => {
      state.size = next;
      applyFloating(context);
    },
    committed: () => {
      context.measure();
      context.changed({ size: { ...sizeOf(state) } });
    },
  });
}

export function floatingMode(context: ModeContext): Mode {
  const { win, host, state } = context;
  const pin = pinOf(context);
  return {
    mount() {
      state.size = state.size ? clampSize(state.size) : fallbackSize(context);
      if (!pin.follow()) state.position ??= centred(sizeOf(state), viewport(win));
      applyFloating(context);
      win.document.documentElement.append(host);
      addControls(context, pin);
    },
    isIntact: () => host.isConnected,
    info: () => ({ id: state.id, size: { ...sizeOf(state) }, position: { ...positionOf(state) } }),
    refresh: pin.follow,
    restore: () => host.remove(),
  };
}
