// One QR placement in the page: the shell all modes share. It draws a host element with a closed shadow
// root holding the sanitized SVG, the toolbar and the scannability badge, whose controls answer trusted
// input only (see trusted-input.ts), and it owns the placement's one AbortController: removing the
// placement aborts it, which takes every listener the shell and the mode registered. Where the host
// goes is the mode's (modes/): 'floating' on top of the page, 'replace' in an element's stead (the
// element hidden until the QR is removed), 'inside' appended to an element.
import type { PlacedInfo, PlacementSpec } from '../shared/placement-messages';
import { afterNextPaint } from './after-paint';
import { measurePlacement } from './measure-placement';
import { placePanels, type Panels } from './placement-panels';
import { floatingMode } from './modes/floating';
import { insideMode } from './modes/inside';
import type { ModeContext, ModeFactory, Mode, PlacementChange } from './modes/mode';
import { replaceMode } from './modes/replace';
import { adoptStyles, createHost, PLACEMENT_ATTRIBUTE } from '../shared/own-host';
import { ownElement, ownIcon } from './own-elements';
import { PLACEMENT_CSS } from './placement-style';
import { qrGeometry, type QrGeometry } from './qr-modules';
import { assessScannability } from '../shared/scannability';
import type { PreparedSvg } from './svg-image';
import { t } from '../shared/i18n';
import { trackUserFocus, trusted } from './trusted-input';

export type { PlacementChange } from './modes/mode';

const IMAGE_CSS = ':host { display: block; width: 100%; height: 100%; } svg { display: block; width: 100%; height: 100%; }';
const IN_ELEMENT: Record<'replace' | 'inside', ModeFactory> = { replace: replaceMode, inside: insideMode };

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

/** The host, its closed shadow root and the frame every mode shows; the image has a closed root of its own. */
function drawFrame(doc: Document, spec: PlacementSpec, prepared: PreparedSvg) {
  const { host, root } = createHost(doc, PLACEMENT_ATTRIBUTE, spec.id);
  host.tabIndex = 0;
  host.setAttribute('role', 'group');
  host.setAttribute('aria-label', t('content_placementLabel'));
  host.setAttribute('data-mode', spec.mode);
  adoptStyles(root, PLACEMENT_CSS);

  const frame = ownElement(doc, 'div', 'frame');
  const clip = ownElement(doc, 'div', 'clip');
  const image = ownElement(doc, 'div', 'image');
  // A nested shadow root: a <style> inside the SVG can reach neither our controls nor our host.
  const imageRoot = image.attachShadow({ mode: 'closed' });
  adoptStyles(imageRoot, IMAGE_CSS);
  imageRoot.append(prepared.svg);
  clip.append(image);
  const toolbar = ownElement(doc, 'div', 'toolbar', { role: 'toolbar', 'aria-label': t('content_toolbar') });
  frame.append(clip, toolbar);
  root.append(frame);
  return { host, root, frame, toolbar, image };
}

/** Remove and opacity in the toolbar, and Delete or Backspace on the host itself. */
function addToolbar(context: ModeContext, removeByUser: () => void): void {
  const { host, root, state, signal } = context;
  const doc = host.ownerDocument;
  const removeButton = ownElement(doc, 'button', 'remove', { type: 'button', 'aria-label': t('content_remove'), title: t('content_remove') });
  removeButton.append(ownIcon(doc, 'remove'));
  const opacityInput = ownElement(doc, 'input', 'opacity', { type: 'range', min: '10', max: '100', step: '5', 'aria-label': t('content_opacity'), title: t('content_opacity') });
  opacityInput.value = String(Math.round((state.opacity ?? 1) * 100));
  context.toolbar.append(removeButton, opacityInput);
  removeButton.addEventListener(
    'click',
    trusted((event) => {
      event.stopPropagation();
      removeByUser();
    }),
    { signal },
  );
  opacityInput.addEventListener(
    'input',
    trusted(() => {
      state.opacity = Number(opacityInput.value) / 100;
      host.style.setProperty('opacity', String(state.opacity), 'important');
    }),
    { signal },
  );
  opacityInput.addEventListener(
    'change',
    trusted(() => {
      context.measure();
      context.changed({ opacity: state.opacity ?? 1 });
    }),
    { signal },
  );
  // The host is in the page's DOM, where any script can focus it and dispatch keys at it. Keys for a
  // control inside (the closed root hides it from composedPath() here) are that control's, and keys
  // count only when the person gave the host its focus.
  host.addEventListener(
    'keydown',
    trusted((event: KeyboardEvent) => {
      if (root.activeElement !== null || !context.userFocus.byUser) return;
      if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        event.stopPropagation();
        removeByUser();
      }
    }),
    { signal },
  );
}

/** Adds the badge and the alert; the answer says on them, and in the host's description, how well a phone will scan the QR where it is. */
function addScannability({ win, host, frame, toolbar }: ModeContext, image: Element, geometry: () => QrGeometry): { panels: Panels; show(): void } {
  const doc = win.document;
  const badge = ownElement(doc, 'div', 'badge', { role: 'group', 'aria-label': t('content_scanBadge') });
  const alert = ownElement(doc, 'div', 'alert', { 'aria-hidden': 'true' });
  alert.textContent = '!';
  frame.append(badge, alert);
  const show = () => {
    const lastReport = assessScannability(measurePlacement(host, image, geometry(), win));
    const texts = lastReport.warnings.map((w) => w.text);
    badge.replaceChildren(doc.createTextNode(lastReport.sizeText));
    for (const text of texts) {
      const line = doc.createElement('p');
      line.textContent = `⚠ ${text}`;
      badge.append(line);
    }
    alert.classList.toggle('on', texts.length > 0);
    alert.title = texts.join('\n');
    host.setAttribute('aria-description', [lastReport.sizeText, ...texts].join('. '));
    host.setAttribute('data-scan', lastReport.warnings.map((w) => w.kind).join(' ') || 'ok');
  };
  return { panels: { toolbar, badge, alert }, show };
}

/** Scrolling and resizing move a pinned QR along (once a frame) and may change how scannable it is. */
function followViewport({ win, signal, measure, placePanels: place }: ModeContext, mode: Mode): void {
  let frameRequest = 0;
  let measureTimer: ReturnType<typeof setTimeout> | undefined;
  const onViewportChange = () => {
    frameRequest ||= win.requestAnimationFrame(() => {
      frameRequest = 0;
      // The placement may have been removed since: measure() checks that too.
      if (signal.aborted) return;
      mode.refresh?.();
      place();
    });
    clearTimeout(measureTimer);
    measureTimer = setTimeout(measure, 150);
  };
  win.addEventListener('scroll', onViewportChange, { capture: true, passive: true, signal });
  win.addEventListener('resize', onViewportChange, { passive: true, signal });
}

export function createPlacement(
  spec: PlacementSpec,
  prepared: PreparedSvg,
  target: Element | undefined,
  events: PlacementEvents,
  win: Window = window,
): Placement {
  const lifetime = new AbortController();
  const { signal } = lifetime;
  // Read from the image's paths for the scan check only, which waits for the first frame anyway.
  let geometry: QrGeometry | undefined;
  const geometryOnce = () => (geometry ??= qrGeometry(prepared.svg));
  const { image, ...drawn } = drawFrame(win.document, spec, prepared);
  const context: ModeContext = {
    ...drawn,
    win,
    signal,
    state: { ...spec },
    natural: prepared.natural,
    userFocus: trackUserFocus(drawn.host, win, signal),
    measure: () => {
      if (signal.aborted) return;
      scannability.show();
      context.placePanels();
    },
    placePanels: () => placePanels(win, drawn.host, image, scannability.panels),
    changed: (change) => events.changed(placement, change),
  };
  addToolbar(context, () => placement.remove(true));
  const scannability = addScannability(context, image, geometryOnce);
  // The page may have moved the QR since the last layout: the panels take their places as they appear.
  for (const type of ['pointerenter', 'focusin']) drawn.host.addEventListener(type, context.placePanels, { signal });
  // The controller hands 'replace' and 'inside' their element; without one the QR floats rather than
  // stay out of the page.
  const mode = spec.mode !== 'floating' && target ? IN_ELEMENT[spec.mode](context, target) : floatingMode(context);
  mode.mount();

  const placement: Placement = {
    id: spec.id,
    host: drawn.host,
    spec: context.state,
    target,
    info: mode.info,
    isIntact: mode.isIntact,
    refresh: () => {
      mode.refresh?.();
      context.measure();
    },
    remove: (byUser = false) => {
      if (signal.aborted) return;
      lifetime.abort();
      mode.restore();
      events.removed(placement, byUser);
    },
  };
  followViewport(context, mode);

  // Measuring forces layouts and a hit test: done before the first frame, it would hold that frame
  // back. Once the QR is painted, layout, fonts and the page's own scripts have settled too.
  afterNextPaint(win, context.measure);
  return placement;
}
