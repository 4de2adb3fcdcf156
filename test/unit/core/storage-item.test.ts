import { describe, expect, it } from 'vitest';
import { type ItemSpec, storedItem } from '../../../src/core/storage-item';
import { versioned } from '../../../src/core/storage-layout';
import { createMemoryStore, type KeyValueStore } from '../../../src/core/storage-port';

interface Counter {
  count: number;
}

/** Version 2: `{ count }`. Version 1 called it `n`; version 0 was a bare list whose length was the count. */
const COUNTER: ItemSpec<Counter> = {
  key: 'counter',
  layout: versioned(2, {
    0: (old, alongside) => {
      alongside.counterHistory = old;
      return { schemaVersion: 1, n: Array.isArray(old) ? old.length : 0 };
    },
    1: (old) => ({ count: (old as { n?: number }).n ?? 0 }),
  }),
  parse: (stored) => ({ count: typeof (stored as Counter | undefined)?.count === 'number' ? (stored as Counter).count : 0 }),
  cap: (value) => ({ count: Math.min(value.count, 100) }),
};

/** Every storage call, in order, so a test can see what was written and when. */
function recording(store: KeyValueStore) {
  const calls: string[] = [];
  const wrapped: KeyValueStore = {
    ...store,
    get: (key) => (calls.push(`get ${key}`), store.get(key)),
    setMany: (values) => (calls.push(`set ${Object.keys(values).sort().join(',')}`), store.setMany(values)),
    remove: (keys) => (calls.push(`remove ${[keys].flat().join(',')}`), store.remove(keys)),
  };
  return { store: wrapped, calls };
}

const bringUpToDate = (stored: unknown) => COUNTER.layout?.upgrade(stored) ?? { value: stored, how: { migrated: false }, alongside: {} };

describe('versioned layouts', () => {
  it('runs each migration from the stored version up, and says it did', () => {
    expect(bringUpToDate({ schemaVersion: 1, n: 4 })).toEqual({ value: { count: 4 }, how: { migrated: true }, alongside: {} });
    expect(bringUpToDate([1, 2, 3])).toEqual({
      value: { count: 3 },
      how: { migrated: true },
      alongside: { counterHistory: [1, 2, 3] },
    });
  });

  it('leaves a current value and an empty slot alone', () => {
    expect(bringUpToDate({ schemaVersion: 2, count: 7 }).how).toEqual({ migrated: false });
    expect(bringUpToDate(undefined)).toEqual({ value: undefined, how: { migrated: false }, alongside: {} });
  });

  it.each([
    ['a newer version', { schemaVersion: 3, count: 1 }, 'newer'],
    ['a string', 'garbage', 'unreadable'],
    ['null', null, 'unreadable'],
    ['a fractional version', { schemaVersion: 1.5 }, undefined],
    ['a version no migration starts from', { schemaVersion: -1 }, 'unknown-older'],
  ])('reports %s instead of guessing', (_name, stored, problem) => {
    const { how } = bringUpToDate(stored);
    // A fractional version is no version: the object is read as the version-0 layout.
    if (problem === undefined) expect(how.migrated).toBe(true);
    else expect(how).toEqual({ migrated: false, problem });
  });

  it('without migrations from version 0, an unversioned object is unreadable', () => {
    expect(versioned(1).upgrade({ items: [] }).how.problem).toBe('unreadable');
  });
});

describe('storedItem', () => {
  it('writes the migrated value back once, with what the migration moved out, in one storage call', async () => {
    const { store, calls } = recording(createMemoryStore({ counter: [1, 2] }));
    const item = storedItem(store, COUNTER);
    expect(await item.read()).toEqual({ count: 2 });
    expect(await item.read()).toEqual({ count: 2 });
    expect(calls).toEqual(['get counter', 'set counter,counterHistory', 'get counter']);
  });

  it('stamps the version and applies the cap on every write', async () => {
    const local = createMemoryStore();
    const item = storedItem(local, COUNTER);
    await item.change((current, writer) => writer.write({ count: current.count + 500 }));
    expect(local.data.get('counter')).toEqual({ count: 100, schemaVersion: 2 });
  });

  it('loses no update when many changes of one item run at once', async () => {
    const local = createMemoryStore();
    const item = storedItem(local, COUNTER);
    // A second item object for the same key and area shares the queue, as two stores in one worker would.
    const twin = storedItem(local, COUNTER);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? item : twin).change(async (current, writer) => {
          await new Promise((resolve) => setTimeout(resolve, i % 3));
          await writer.write({ count: current.count + 1 });
        }),
      ),
    );
    expect(await item.read()).toEqual({ count: 20 });
  });

  it('a failed change does not block the next one', async () => {
    const item = storedItem(createMemoryStore(), COUNTER);
    await expect(item.change(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await item.change((current, writer) => writer.write({ count: current.count + 1 }));
    expect(await item.read()).toEqual({ count: 1 });
  });

  it('removes the item and the keys named with it', async () => {
    const local = createMemoryStore({ counter: { schemaVersion: 2, count: 1 }, other: 1, kept: 2 });
    await storedItem(local, COUNTER).remove(['other']);
    expect([...local.data.keys()]).toEqual(['kept']);
  });
});

describe('storedItem without a layout', () => {
  it('reads what is stored as is, and says nothing was migrated', async () => {
    const seen: unknown[] = [];
    const spec: ItemSpec<number> = { key: 'plain', parse: (stored, how) => (seen.push(how), typeof stored === 'number' ? stored : 0) };
    expect(await storedItem(createMemoryStore({ plain: 7 }), spec).read()).toBe(7);
    expect(seen).toStrictEqual([{ migrated: false }]);
  });
});

describe('a change that removes its item', () => {
  it('removes only that key when no other is named', async () => {
    const { store, calls } = recording(createMemoryStore({ counter: { schemaVersion: 2, count: 1 }, other: 1 }));
    await storedItem(store, COUNTER).change((_current, writer) => writer.remove());
    expect(calls).toEqual(['get counter', 'remove counter']);
    expect(await store.get('other')).toBe(1);
  });
});
