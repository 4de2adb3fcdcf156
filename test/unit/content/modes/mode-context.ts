// A ModeContext as the placement shell hands it to a mode, with the shell's callbacks as mocks.
import { vi } from 'vitest';
import type { ModeContext } from '../../../../src/content/modes/mode';
import type { PlacementSpec } from '../../../../src/shared/placement-messages';

export function modeContext(spec: Partial<PlacementSpec> & Pick<PlacementSpec, 'mode'>, natural?: { width: number; height: number }) {
  const lifetime = new AbortController();
  const host = document.createElement('div');
  host.setAttribute('data-pim-qr-placement', 'p1');
  const root = host.attachShadow({ mode: 'closed' });
  const frame = document.createElement('div');
  const toolbar = document.createElement('div');
  frame.append(toolbar);
  root.append(frame);
  const userFocus = { byUser: true };
  const context = {
    win: window,
    host,
    root,
    frame,
    toolbar,
    state: { id: 'p1', svg: '<svg/>', remembered: false, ...spec },
    natural,
    signal: lifetime.signal,
    userFocus,
    measure: vi.fn<ModeContext['measure']>(),
    placePanels: vi.fn<ModeContext['placePanels']>(),
    changed: vi.fn<ModeContext['changed']>(),
  } satisfies ModeContext;
  return { context, lifetime, userFocus };
}

/** happy-dom lays nothing out: an element's box is whatever the test says. */
export function boxOf(element: Element, left: number, top: number, width: number, height: number): void {
  element.getBoundingClientRect = () => new DOMRect(left, top, width, height);
}
