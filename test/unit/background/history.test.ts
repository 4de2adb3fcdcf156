import { describe, expect, it } from 'vitest';
import { createHistoryStore, HISTORY_MAX_BYTES } from '../../../src/background/history';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { createMemoryStore, type KeyValueStore } from '../../../src/core/storage-port';
import type { HistoryItem } from '../../../src/shared/messages';

const item = (id: string, svg = '<svg/>'): HistoryItem => ({
  id,
  svg,
  bytes: svg.length,
  durationMs: 10,
  environmentId: 'sandbox',
  environmentName: 'Sandbox',
  params: DEFAULT_PARAMS,
  time: 1_700_000_000_000,
});

/** The keys each write stored, so a test sees that a generate writes one entry and the index, nothing more. */
function countingWrites(store: KeyValueStore) {
  const written: string[][] = [];
  const wrapped: KeyValueStore = {
    ...store,
    setMany: (values) => {
      written.push(Object.keys(values).sort());
      return store.setMany(values);
    },
  };
  return { store: wrapped, written };
}

describe('history store', () => {
  it('moves the history array of older versions to one key per entry, losing nothing', async () => {
    const old = [item('c'), item('b'), { broken: true }, item('a'), item('b')];
    const local = createMemoryStore({ history: old });
    const history = createHistoryStore(local);
    expect((await history.list()).map((i) => i.id)).toEqual(['c', 'b', 'a']);
    expect(local.data.get('history')).toEqual({
      schemaVersion: 1,
      entries: ['c', 'b', 'a'].map((id) => ({ id, bytes: '<svg/>'.length + 512 })),
    });
    expect(local.data.get('history:b')).toEqual(item('b'));
    // The next generate goes on from there.
    await history.add(item('d'), 20);
    expect((await createHistoryStore(local).list()).map((i) => i.id)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('a generate writes its entry and the index in one call, not the whole history', async () => {
    const { store, written } = countingWrites(createMemoryStore());
    const history = createHistoryStore(store);
    for (const id of ['a', 'b', 'c']) await history.add(item(id), 20);
    expect(written).toEqual([
      ['history', 'history:a'],
      ['history', 'history:b'],
      ['history', 'history:c'],
    ]);
  });

  it('keeps the newest within the count limit and removes what it pushed out', async () => {
    const local = createMemoryStore();
    const history = createHistoryStore(local);
    for (const id of ['a', 'b', 'c']) await history.add(item(id), 2);
    const { evicted } = await history.add(item('d'), 2);
    expect((await evicted).map((i) => i.id)).toEqual(['b']);
    expect((await history.list()).map((i) => i.id)).toEqual(['d', 'c']);
    expect([...local.data.keys()].sort()).toEqual(['history', 'history:c', 'history:d']);
  });

  it('keeps the byte cap, but always the newest item', async () => {
    const history = createHistoryStore(createMemoryStore());
    const big = 'x'.repeat(HISTORY_MAX_BYTES / 2);
    await history.add(item('a', big), 20);
    await history.add(item('b', big), 20);
    expect((await history.list()).map((i) => i.id)).toEqual(['b']);
    await history.add(item('huge', 'x'.repeat(HISTORY_MAX_BYTES + 1)), 20);
    expect((await history.list()).map((i) => i.id)).toEqual(['huge']);
  });

  it('two generates at once both land, in the order their writes came', async () => {
    const local = createMemoryStore();
    await Promise.all(['one', 'two'].map((id) => createHistoryStore(local).add(item(id), 20)));
    expect((await createHistoryStore(local).list()).map((i) => i.id)).toEqual(['two', 'one']);
  });

  it('twenty generates at once lose nothing, and the limit still holds', async () => {
    const local = createMemoryStore();
    const history = createHistoryStore(local);
    await Promise.all(Array.from({ length: 20 }, (_, i) => history.add(item(`g${i}`), 15)));
    const ids = (await history.list()).map((i) => i.id);
    expect(ids).toEqual(Array.from({ length: 15 }, (_, i) => `g${19 - i}`));
    expect([...local.data.keys()].filter((key) => key.startsWith('history:'))).toHaveLength(15);
  });

  it('takes a write back and restores what it pushed out', async () => {
    const history = createHistoryStore(createMemoryStore());
    await history.add(item('a'), 2);
    await history.add(item('b'), 2);
    const { evicted } = await history.add(item('c'), 2);
    await history.withdraw('c', evicted, 2);
    expect((await history.list()).map((i) => i.id)).toEqual(['b', 'a']);
    expect((await history.list())[1]).toEqual(item('a'));
  });

  it('clears every entry and the index', async () => {
    const local = createMemoryStore({ settings: 'kept' });
    const history = createHistoryStore(local);
    await history.add(item('a'), 20);
    await history.add(item('b'), 20);
    expect(await history.clear()).toEqual([]);
    expect([...local.data.keys()]).toEqual(['settings']);
    await history.withdraw('b', Promise.resolve([]), 20);
    expect(await history.list()).toEqual([]);
  });

  it('deletes one entry and its line in the index, keeping the others in order', async () => {
    const local = createMemoryStore();
    const history = createHistoryStore(local);
    for (const id of ['a', 'b', 'c']) await history.add(item(id), 20);
    expect((await history.remove('b')).map((i) => i.id)).toEqual(['c', 'a']);
    expect(local.data.has('history:b')).toBe(false);
    expect(local.data.get('history')).toEqual({ schemaVersion: 1, entries: ['c', 'a'].map((id) => ({ id, bytes: '<svg/>'.length + 512 })) });
    // Deleted already (in another view): nothing else changes.
    expect((await history.remove('b')).map((i) => i.id)).toEqual(['c', 'a']);
    await history.add(item('d'), 20);
    expect((await createHistoryStore(local).list()).map((i) => i.id)).toEqual(['d', 'c', 'a']);
  });

  it('drops an index entry whose item is missing or damaged', async () => {
    const local = createMemoryStore({
      history: { schemaVersion: 1, entries: [{ id: 'a', bytes: 600 }, { id: 'gone', bytes: 600 }, { id: 'bad', bytes: 600 }, 'x'] },
      'history:a': item('a'),
      'history:bad': { ...item('bad'), params: { title: '' } },
    });
    expect((await createHistoryStore(local).list()).map((i) => i.id)).toEqual(['a']);
    expect(local.data.get('history')).toMatchObject({ entries: [{ id: 'a' }] });
    expect([...local.data.keys()].sort()).toEqual(['history', 'history:a']);
  });
});
