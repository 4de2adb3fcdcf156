// What a hostile script on a remembered site tries against a placement, shared by the Chromium and
// Firefox suites. Each function is handed to the page as is (Playwright's and puppeteer's evaluate),
// so it is self-contained.

type PageSpy = Window & { captured?: ShadowRoot[] };

/** Hooks shadow-root creation to keep hold of every root, before the placement is drawn. */
export function hookShadowRoots(): void {
  const spy = window as PageSpy;
  spy.captured = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    spy.captured?.push(root);
    return root;
  };
}

/**
 * Clicks, slides, drags and keys everything of the first placement a script can reach, and says
 * whether it could reach the shadow root at all.
 */
export function attackPlacement(): { shadowRoot: boolean; captured: number } {
  const host = document.querySelector('[data-pim-qr-placement]') as HTMLElement;
  const rect = host.getBoundingClientRect();
  const at = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true, composed: true, cancelable: true };
  const root = host.shadowRoot ?? (window as PageSpy).captured?.[0] ?? null;
  const result = { shadowRoot: host.shadowRoot !== null, captured: (window as PageSpy).captured?.length ?? 0 };
  // Were a root reachable: its controls, clicked, slid, dragged and keyed.
  root?.querySelector<HTMLButtonElement>('button.pin')?.click();
  const opacity = root?.querySelector<HTMLInputElement>('input.opacity');
  if (opacity) {
    opacity.value = '10';
    opacity.dispatchEvent(new Event('input', { bubbles: true }));
    opacity.dispatchEvent(new Event('change', { bubbles: true }));
  }
  const frame = root?.querySelector('.frame');
  frame?.dispatchEvent(new PointerEvent('pointerdown', { ...at, button: 0, pointerId: 7 }));
  frame?.dispatchEvent(new PointerEvent('pointermove', { ...at, clientX: at.clientX + 150, pointerId: 7 }));
  frame?.dispatchEvent(new PointerEvent('pointerup', { ...at, clientX: at.clientX + 150, pointerId: 7 }));
  root?.querySelector('button.resize')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true, composed: true }));
  root?.querySelector<HTMLButtonElement>('button.remove')?.click();
  // The host itself is in the page for anyone: focus it, nudge it, drag it, press Delete, click it.
  host.focus();
  for (const key of ['ArrowLeft', 'ArrowUp']) {
    host.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey: true, bubbles: true, composed: true, cancelable: true }));
  }
  host.dispatchEvent(new PointerEvent('pointerdown', { ...at, button: 0, pointerId: 8 }));
  host.dispatchEvent(new PointerEvent('pointermove', { ...at, clientY: at.clientY + 90, pointerId: 8 }));
  host.dispatchEvent(new PointerEvent('pointerup', { ...at, clientY: at.clientY + 90, pointerId: 8 }));
  host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, composed: true, cancelable: true }));
  host.dispatchEvent(new MouseEvent('click', at));
  return result;
}
