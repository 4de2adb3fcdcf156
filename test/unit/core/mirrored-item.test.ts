import { describe, expect, it } from 'vitest';
import { mirroredItem } from '../../../src/core/mirrored-item';
import { createMemoryStore, type KeyValueStore } from '../../../src/core/storage-port';

const LIST = { key: 'list', parse: (stored: unknown) => (Array.isArray(stored) ? (stored as string[]) : []) };

/** Storage that counts calls as they are made, and can refuse the next write. */
function watched(store: KeyValueStore) {
  const calls: string[] = [];
  let refuse = false;
  const wrapped: KeyValueStore = {
    ...store,
    get: (key) => {
      calls.push(`get ${key}`);
      return store.get(key);
    },
    setMany: (values) => {
      calls.push(`set ${Object.keys(values).join(',')}`);
      if (refuse) {
        refuse = false;
        return Promise.reject(new Error('quota'));
      }
      return store.setMany(values);
    },
  };
  return { store: wrapped, calls, refuseNextWrite: () => (refuse = true) };
}

describe('mirrored item', () => {
  it('once loaded, hands each change to storage before update returns, with no read first', async () => {
    const { store, calls } = watched(createMemoryStore({ list: ['a'] }));
    const item = mirroredItem(store, LIST);
    expect(await item.load()).toEqual(['a']);
    calls.length = 0;
    const done = item.update((current) => ({ value: ['b', ...current], alongside: { other: 1 } }));
    expect(calls).toEqual(['set other,list']);
    await done;
    expect(await item.load()).toEqual(['b', 'a']);
    expect(calls).toEqual(['set other,list']);
  });

  it('loses no change when many are made at once, loaded or not', async () => {
    const memory = createMemoryStore();
    const item = mirroredItem(memory, LIST);
    await Promise.all(Array.from({ length: 20 }, (_, i) => item.update((current) => ({ value: [...current, `n${i}`] }))));
    expect(memory.data.get('list')).toHaveLength(20);
    // Another item on the same storage and key shares the copy: it cannot write over these.
    await mirroredItem(memory, LIST).update((current) => ({ value: [...current, 'last'] }));
    expect(memory.data.get('list')).toHaveLength(21);
  });

  it('reads storage again after a write storage refused', async () => {
    const memory = createMemoryStore({ list: ['kept'] });
    const { store, calls, refuseNextWrite } = watched(memory);
    const item = mirroredItem(store, LIST);
    await item.load();
    refuseNextWrite();
    await expect(item.update(() => ({ value: ['lost'] }))).rejects.toThrow('quota');
    expect(item.loaded()).toBe(false);
    calls.length = 0;
    expect(await item.load()).toEqual(['kept']);
    expect(calls).toEqual(['get list']);
  });
});
