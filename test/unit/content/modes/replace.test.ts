// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { replaceMode } from '../../../../src/content/modes/replace';
import { boxOf, modeContext } from './mode-context';

const slot = () => document.getElementById('slot') as HTMLElement;

beforeEach(() => {
  document.body.innerHTML = '<main id="app"><span id="slot" style="display: inline; margin-top: 7px; position: absolute; top: 3px; z-index: 4">PiM QR code</span></main>';
  boxOf(slot(), 10, 20, 180.4, 90);
});

function mounted() {
  const setup = modeContext({ mode: 'replace', selector: '#slot' });
  const mode = replaceMode(setup.context, slot());
  mode.mount();
  return { ...setup, mode };
}

describe('replace mode', () => {
  it('takes the element’s place, box and layout, and hides the element', () => {
    const { context, mode } = mounted();
    expect(slot().previousElementSibling).toBe(context.host);
    expect(slot().style.getPropertyValue('display')).toBe('none');
    expect(slot().style.getPropertyPriority('display')).toBe('important');
    const style = context.host.style;
    expect([style.width, style.height, style.display, style.marginTop, style.position, style.top, style.zIndex]).toEqual(['180px', '90px', 'inline-block', '7px', 'absolute', '3px', '4']);
    expect(style.getPropertyPriority('width')).toBe('important');
    expect(mode.info()).toEqual({ id: 'p1', size: { width: 180, height: 90 }, selector: '#slot' });
  });

  it('sizes itself from the image when the element has next to no box', () => {
    boxOf(slot(), 0, 0, 4, 0);
    const { mode } = mounted();
    expect(mode.info().size).toEqual({ width: 240, height: 240 });
  });

  it('is no longer intact once the page removes the element, shows it again, or removes the QR', () => {
    const first = mounted();
    expect(first.mode.isIntact()).toBe(true);
    slot().remove();
    expect(first.mode.isIntact()).toBe(false);

    document.body.innerHTML = '<main id="app"><div id="slot">PiM QR code</div></main>';
    const second = mounted();
    // A framework re-renders the element's attributes, and with them its style.
    slot().setAttribute('style', 'color: red');
    expect(second.mode.isIntact()).toBe(false);

    document.body.innerHTML = '<main id="app"><div id="slot">PiM QR code</div></main>';
    const third = mounted();
    third.context.host.remove();
    expect(third.mode.isIntact()).toBe(false);
  });

  it('restores the element’s own display, priority included, or none when it had none', () => {
    slot().style.setProperty('display', 'flex', 'important');
    const styled = mounted();
    styled.mode.restore();
    expect(styled.context.host.isConnected).toBe(false);
    expect([slot().style.getPropertyValue('display'), slot().style.getPropertyPriority('display')]).toEqual(['flex', 'important']);

    slot().removeAttribute('style');
    const plain = mounted();
    plain.mode.restore();
    expect(slot().style.length).toBe(0);
  });
});
