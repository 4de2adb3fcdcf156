// Which event listeners are live, as the browser keeps them: added, less those removed and those
// whose signal aborted. Listeners on AbortSignals themselves are left out.
import { vi } from 'vitest';

interface Entry {
  target: EventTarget;
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
}

const captures = (options: boolean | EventListenerOptions | undefined) => (typeof options === 'boolean' ? options : Boolean(options?.capture));

export function trackListeners(): { on(target: EventTarget): string[]; count(): number } {
  const live = new Set<Entry>();
  // happy-dom's window has methods of its own, which call the prototype's: count such a call once.
  let depth = 0;
  const wrap = (owner: EventTarget) => {
    const add = owner.addEventListener;
    const remove = owner.removeEventListener;
    vi.spyOn(owner, 'addEventListener').mockImplementation(function (this: EventTarget, type, listener, options) {
      const signal = typeof options === 'object' ? options.signal : undefined;
      if (depth === 0 && listener && !(this instanceof AbortSignal) && !signal?.aborted) {
        const entry = { target: this, type, listener, capture: captures(options) };
        live.add(entry);
        if (signal) EventTarget.prototype.addEventListener.call(signal, 'abort', () => live.delete(entry));
      }
      depth++;
      try {
        add.call(this, type, listener, options);
      } finally {
        depth--;
      }
    });
    vi.spyOn(owner, 'removeEventListener').mockImplementation(function (this: EventTarget, type, listener, options) {
      for (const entry of live) {
        if (entry.target === this && entry.type === type && entry.listener === listener && entry.capture === captures(options)) live.delete(entry);
      }
      depth++;
      try {
        remove.call(this, type, listener, options);
      } finally {
        depth--;
      }
    });
  };
  // The objects that hold the methods elements, documents and the window actually call.
  const owners = new Set<EventTarget>();
  for (const target of [document.createElement('div'), document, window] as EventTarget[]) {
    let owner: EventTarget | null = target;
    while (owner && !Object.prototype.hasOwnProperty.call(owner, 'addEventListener')) owner = Object.getPrototypeOf(owner) as EventTarget | null;
    if (owner) owners.add(owner);
  }
  for (const owner of owners) wrap(owner);
  return {
    on: (target) => [...live].filter((entry) => entry.target === target).map((entry) => entry.type).sort(),
    count: () => live.size,
  };
}
