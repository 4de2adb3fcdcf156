import { describe, expect, it, vi } from 'vitest';
import { type Contract, message } from '../../../src/shared/contract';
import { FIRST_MESSAGE_KEY } from '../../../src/shared/install-once';
import { objectPayload, requiredString } from '../../../src/shared/payload';
import { actOnFirstMessage } from '../../../src/shared/worker-listener';

const contract = {
  'test-draw': message((raw) => ({ text: requiredString(objectPayload(raw), 'text') })).answers<{ drawn: boolean }>(),
} satisfies Contract;

function setup(left?: unknown) {
  const scope: Record<symbol, unknown> = {};
  if (left !== undefined) scope[Symbol.for(FIRST_MESSAGE_KEY)] = left;
  const draw = vi.fn(async () => ({ drawn: true }));
  return { scope, draw, act: () => actOnFirstMessage(contract, { 'test-draw': draw }, 'test', scope) };
}

describe('actOnFirstMessage', () => {
  it('runs the handler in the same task, with the checked payload, and takes the message away', () => {
    const { scope, draw, act } = setup({ name: 'test-draw', payload: { text: 'qr', extra: 1 } });
    expect(act()).toBe(true);
    expect(draw).toHaveBeenCalledWith({ text: 'qr' }, undefined);
    expect(Object.getOwnPropertySymbols(scope)).toEqual([]);
    expect(act()).toBe(false);
    expect(draw).toHaveBeenCalledTimes(1);
  });

  it('does nothing without a message, or with one that fails its check or is not in the contract', () => {
    for (const left of [undefined, { name: 'test-draw', payload: { text: 3 } }, { name: 'test-other', payload: {} }, 'test-draw']) {
      const { draw, act } = setup(left);
      expect(() => act()).not.toThrow();
      expect(draw).not.toHaveBeenCalled();
    }
  });
});
