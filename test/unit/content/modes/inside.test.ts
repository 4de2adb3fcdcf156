// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { insideMode } from '../../../../src/content/modes/inside';
import { modeContext } from './mode-context';

const slot = () => document.getElementById('slot') as HTMLElement;

/** happy-dom lays nothing out: the element's client box is whatever the test says. */
function clientBox(element: HTMLElement, width: number, height: number): void {
  Object.defineProperty(element, 'clientWidth', { configurable: true, value: width });
  Object.defineProperty(element, 'clientHeight', { configurable: true, value: height });
}

beforeEach(() => {
  document.body.innerHTML = '<main id="app"><div id="slot" style="padding: 10px 20px"><p>Scan to log in</p></div></main>';
  clientBox(slot(), 340, 200);
});

function mounted(size?: { width: number; height: number }) {
  const setup = modeContext({ mode: 'inside', selector: '#slot', ...(size ? { size } : {}) });
  const mode = insideMode(setup.context, slot());
  mode.mount();
  return { ...setup, mode };
}

describe('inside mode', () => {
  it('goes last into the element, as a square as large as its content box', () => {
    const { context, mode } = mounted();
    expect(slot().lastElementChild).toBe(context.host);
    expect([context.host.style.width, context.host.style.height, context.host.style.display, context.host.style.margin]).toEqual(['180px', '180px', 'block', '0px']);
    expect(mode.info()).toEqual({ id: 'p1', size: { width: 180, height: 180 }, selector: '#slot' });
  });

  it('keeps a remembered size, and sizes from the image when the element has no room', () => {
    expect(mounted({ width: 120, height: 100 }).mode.info().size).toEqual({ width: 120, height: 100 });
    document.body.innerHTML = '<main id="app"><div id="slot"></div></main>';
    clientBox(slot(), 0, 0);
    expect(mounted().mode.info().size).toEqual({ width: 240, height: 240 });
  });

  it('is no longer intact once the page moves the QR out of the element or throws the element away', () => {
    const moved = mounted();
    expect(moved.mode.isIntact()).toBe(true);
    document.getElementById('app')?.append(moved.context.host);
    expect(moved.mode.isIntact()).toBe(false);

    const thrownAway = mounted();
    (document.getElementById('app') as HTMLElement).innerHTML = '<div id="slot"></div>';
    expect(thrownAway.context.host.isConnected).toBe(false);
    expect(thrownAway.mode.isIntact()).toBe(false);
  });

  it('restore takes it out of the element and leaves the element’s content alone', () => {
    const { context, mode } = mounted();
    mode.restore();
    expect(context.host.isConnected).toBe(false);
    expect(slot().innerHTML).toBe('<p>Scan to log in</p>');
  });
});
