// What pages do to placements, shared by the Chromium and Firefox suites: a hostile script on a
// remembered site, and a busy app that never stops changing. Each function is handed to the page as is
// (Playwright's and puppeteer's evaluate or init script), so it is self-contained.

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

/**
 * From DOMContentLoaded on, the page behaves like a busy app: a clock ticks into the DOM every 2 ms,
 * and the QR slot is rendered only when the test calls `window.renderSlot()` (again and again if asked).
 */
export function busyPageWithLateSlot(): void {
  addEventListener('DOMContentLoaded', () => {
    const first = document.getElementById('pim-qr-slot') as HTMLElement;
    const parent = first.parentElement as HTMLElement;
    const next = first.nextSibling;
    first.remove();
    const clock = document.createElement('output');
    document.body.append(clock);
    const ticks: number[] = [];
    setInterval(() => {
      ticks.push(performance.now());
      clock.textContent = String(ticks.length);
    }, 2);
    const busy = window as { ticks?: number[]; renderSlot?: () => void };
    busy.ticks = ticks;
    busy.renderSlot = () => {
      parent.querySelector('#pim-qr-slot')?.remove();
      parent.insertBefore(first.cloneNode(true), next);
    };
  });
}
