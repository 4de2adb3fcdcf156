// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { trusted } from '../../../src/content/trusted-input';
import { asTrusted } from './trusted-events';

describe('trusted', () => {
  it('runs the listener for the browser’s own input only', () => {
    const listener = vi.fn();
    const button = document.createElement('button');
    button.addEventListener('click', trusted(listener));
    button.click();
    button.dispatchEvent(new MouseEvent('click'));
    const untrusted = new MouseEvent('click');
    Object.defineProperty(untrusted, 'isTrusted', { value: false });
    button.dispatchEvent(untrusted);
    expect(listener).not.toHaveBeenCalled();
    const real = asTrusted(new MouseEvent('click'));
    button.dispatchEvent(real);
    expect(listener).toHaveBeenCalledExactlyOnceWith(real);
  });

  it('leaves an ignored event alone: not cancelled, still propagating', () => {
    const outer = vi.fn();
    const parent = document.createElement('div');
    const child = document.createElement('span');
    parent.append(child);
    parent.addEventListener('keydown', outer);
    child.addEventListener(
      'keydown',
      trusted((event: Event) => {
        event.preventDefault();
        event.stopPropagation();
      }),
    );
    const event = new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, cancelable: true });
    child.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(outer).toHaveBeenCalledOnce();
  });
});
