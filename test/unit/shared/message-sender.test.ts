import { describe, expect, it, vi } from 'vitest';
import { PimError } from '../../../src/core/errors';
import type { MessageSpec } from '../../../src/shared/contract';
import { createSender, workerDidNotAnswer } from '../../../src/shared/message-sender';

/** The sender needs only the contract's type: the checks stay with the receiver. */
type TestContract = {
  'test-echo': MessageSpec<{ text: string }, { echoed: string }>;
  'test-nothing': MessageSpec<undefined, number>;
};

describe('createSender', () => {
  it('sends the name and payload as one envelope and answers the reply’s value', async () => {
    const transport = vi.fn(async () => ({ ok: true, value: { echoed: 'hi' } }));
    const send = createSender<TestContract>(transport, workerDidNotAnswer);
    await expect(send('test-echo', { text: 'hi' })).resolves.toEqual({ echoed: 'hi' });
    expect(transport).toHaveBeenCalledWith({ name: 'test-echo', payload: { text: 'hi' } });
  });

  it.each([undefined, null, 'ok', 42])('says nobody answered when the reply is %s', async (reply) => {
    const send = createSender<TestContract>(async () => reply, workerDidNotAnswer);
    const error = await send('test-nothing', undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PimError);
    expect(error).toMatchObject({ kind: 'internal', code: 'background-silent' });
  });

  it('rebuilds an error reply as the PimError the other side threw', async () => {
    const data = { kind: 'rate-limited', code: 'rate-limited', status: 429, retryAfterSeconds: 3 };
    const send = createSender<TestContract>(async () => ({ ok: false, error: data }), workerDidNotAnswer);
    const error = await send('test-nothing', undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PimError);
    expect(error).toMatchObject(data);
  });

  it('makes error data it cannot read an internal error', async () => {
    const send = createSender<TestContract>(async () => ({ ok: false, error: { kind: 'made-up', message: 'x' } }), workerDidNotAnswer);
    await expect(send('test-nothing', undefined)).rejects.toMatchObject({ kind: 'internal' });
  });

  it('lets the transport’s own failure through (nobody listening in a tab)', async () => {
    const send = createSender<TestContract>(async () => Promise.reject(new Error('Receiving end does not exist.')), workerDidNotAnswer);
    await expect(send('test-nothing', undefined)).rejects.toThrow('Receiving end does not exist.');
  });
});
