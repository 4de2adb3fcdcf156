import { describe, expect, it, vi } from 'vitest';
import { rememberReads } from '../../../src/core/remembered-reads';
import { createMemoryStore } from '../../../src/core/storage-port';

function setup(initial: Record<string, unknown> = { 'token:a': { accessToken: 'A1' } }) {
  const store = createMemoryStore(initial);
  const reads = vi.spyOn(store, 'get');
  let tell: (keys: readonly string[]) => void = () => {};
  const remembered = rememberReads(store, (listener) => (tell = listener));
  return { store, reads, remembered, changedElsewhere: (...keys: string[]) => tell(keys) };
}

/** The next storage read takes the value it finds now, and answers only once `release` is called. */
function holdNextRead(store: ReturnType<typeof setup>['store'], reads: ReturnType<typeof setup>['reads']): () => void {
  let release: () => void = () => {};
  reads.mockImplementationOnce(async (key) => {
    const value = store.data.get(key);
    await new Promise<void>((resolve) => (release = resolve));
    return value;
  });
  return () => release();
}

describe('rememberReads', () => {
  it('reads a key from storage once, then from memory', async () => {
    const { reads, remembered } = setup();
    expect(await remembered.get('token:a')).toEqual({ accessToken: 'A1' });
    expect(await remembered.get('token:a')).toEqual({ accessToken: 'A1' });
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('remembers that a key holds nothing', async () => {
    const { reads, remembered } = setup({});
    expect(await remembered.get('token:a')).toBeUndefined();
    expect(await remembered.get('token:a')).toBeUndefined();
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('hands out copies: changing what one read got does not change the next', async () => {
    const { remembered } = setup();
    (await remembered.get('token:a') as { accessToken: string }).accessToken = 'changed';
    (await remembered.get('token:a') as { accessToken: string }).accessToken = 'changed again';
    expect(await remembered.get('token:a')).toEqual({ accessToken: 'A1' });
  });

  it('a change made elsewhere drops that key: the next read goes to storage and sees it', async () => {
    const { store, reads, remembered, changedElsewhere } = setup({ 'token:a': { accessToken: 'A1' }, 'token:b': { accessToken: 'B1' } });
    await remembered.get('token:a');
    await remembered.get('token:b');
    store.data.delete('token:a');
    changedElsewhere('token:a');
    expect(await remembered.get('token:a')).toBeUndefined();
    expect(await remembered.get('token:b')).toEqual({ accessToken: 'B1' });
    expect(reads).toHaveBeenCalledTimes(3);
  });

  it('a write, a removal or several keys written through it drop what they touch', async () => {
    const { store, remembered } = setup({ 'token:a': { accessToken: 'A1' }, 'token:b': { accessToken: 'B1' } });
    await remembered.get('token:a');
    await remembered.set('token:a', { accessToken: 'A2' });
    expect(await remembered.get('token:a')).toEqual({ accessToken: 'A2' });
    await remembered.setMany({ 'token:a': { accessToken: 'A3' } });
    expect(await remembered.get('token:a')).toEqual({ accessToken: 'A3' });
    await remembered.remove(['token:a']);
    expect(await remembered.get('token:a')).toBeUndefined();
    await remembered.get('token:b');
    await remembered.remove('token:b');
    expect(await remembered.get('token:b')).toBeUndefined();
    expect(store.data.size).toBe(0);
  });

  it('a read that a change overtook is answered but not remembered', async () => {
    const { store, reads, remembered, changedElsewhere } = setup();
    const release = holdNextRead(store, reads);
    const reading = remembered.get('token:a');
    store.data.set('token:a', { accessToken: 'A2' });
    changedElsewhere('token:a');
    release();
    expect(await reading).toEqual({ accessToken: 'A1' });
    expect(await remembered.get('token:a')).toEqual({ accessToken: 'A2' });
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('a read overtaken by its own write is not remembered either', async () => {
    const { store, reads, remembered } = setup();
    const release = holdNextRead(store, reads);
    const reading = remembered.get('token:a');
    await remembered.set('token:a', { accessToken: 'A2' });
    release();
    await reading;
    expect(await remembered.get('token:a')).toEqual({ accessToken: 'A2' });
  });

  it('several keys are read together from storage, as they are', async () => {
    const { remembered } = setup({ 'token:a': 1, 'token:b': 2 });
    expect(await remembered.getMany(['token:a', 'token:b', 'token:c'])).toEqual({ 'token:a': 1, 'token:b': 2 });
  });
});
