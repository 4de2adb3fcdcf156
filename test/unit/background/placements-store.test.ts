import { describe, expect, it } from 'vitest';
import {
  createPlacementStore,
  MAX_PLACEMENTS,
  parsePlacements,
  type RememberedPlacement,
  validatePlacement,
} from '../../../src/background/placement-store';
import { PimError } from '../../../src/core/errors';
import { createMemoryStore } from '../../../src/core/storage-port';
import { REMEMBERED_SVG_MAX_CHARS } from '../../../src/shared/limits';
import { STORAGE_KEYS } from '../../../src/shared/storage-keys';

const good: RememberedPlacement = {
  id: 'a1',
  origin: 'https://shop.example',
  path: '/login',
  mode: 'replace',
  selector: '#pim-qr-slot',
  size: { width: 240, height: 240 },
  opacity: 1,
  svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  createdAt: 1,
};

describe('validatePlacement', () => {
  it('keeps a well-formed placement and drops unknown fields', () => {
    expect(validatePlacement({ ...good, extra: 'x' })).toEqual(good);
  });

  it('keeps position and pin for a floating placement', () => {
    const floating = { ...good, mode: 'floating', selector: undefined, position: { x: 10, y: -5 }, pin: { selector: 'main', dx: 1, dy: 2 } };
    expect(validatePlacement(floating)).toMatchObject({ mode: 'floating', position: { x: 10, y: -5 }, pin: { selector: 'main', dx: 1, dy: 2 } });
  });

  it.each([
    ['not an object', 'x'],
    ['an array', [good]],
    ['an id with odd characters', { ...good, id: 'a b' }],
    ['a javascript: origin', { ...good, origin: 'javascript:alert(1)' }],
    ['a file origin', { ...good, origin: 'file://' }],
    ['an origin with a path', { ...good, origin: 'https://shop.example/x' }],
    ['a path without a slash', { ...good, path: 'login' }],
    ['a path with a trailing slash', { ...good, path: '/login/' }],
    ['an unknown mode', { ...good, mode: 'overlay' }],
    ['replace without selector', { ...good, selector: undefined }],
    ['an empty selector', { ...good, selector: '  ' }],
    ['a huge selector', { ...good, selector: 'a'.repeat(1001) }],
    ['no SVG', { ...good, svg: '' }],
    ['an SVG over the cap', { ...good, svg: 'x'.repeat(REMEMBERED_SVG_MAX_CHARS + 1) }],
    ['a NaN size', { ...good, size: { width: Number.NaN, height: 10 } }],
    ['a tiny size', { ...good, size: { width: 2, height: 2 } }],
    ['an absurd size', { ...good, size: { width: 1e9, height: 1e9 } }],
    ['a string size', { ...good, size: { width: '240', height: '240' } }],
    ['no createdAt', { ...good, createdAt: undefined }],
  ])('refuses %s', (_name, value) => {
    expect(validatePlacement(value)).toBeUndefined();
  });

  it('repairs what it can: a bad opacity becomes 1, a bad position is dropped', () => {
    const floating = { ...good, mode: 'floating', opacity: 7, position: { x: 'a', y: 1 } };
    const checked = validatePlacement(floating);
    expect(checked?.opacity).toBe(1);
    expect(checked?.position).toBeUndefined();
  });
});

describe('parsePlacements', () => {
  it('drops malformed and duplicate items, keeps the rest', () => {
    const stored = { schemaVersion: 1, items: [good, { ...good, id: 'bad', mode: 'x' }, { ...good }, { ...good, id: 'b2' }] };
    expect(parsePlacements(stored).map((p) => p.id)).toEqual(['a1', 'b2']);
  });

  it.each([undefined, null, [], { items: [good] }, { schemaVersion: 2, items: [good] }])('reads %j as empty', (value) => {
    expect(parsePlacements(value)).toEqual([]);
  });
});

describe('createPlacementStore', () => {
  it('adds, updates and removes', async () => {
    const local = createMemoryStore();
    const store = createPlacementStore(local);
    await store.add(good);
    await store.add({ ...good, id: 'b2', path: '/other' });
    expect(await store.update('a1', (p) => ({ ...p, size: { width: 100, height: 100 }, origin: 'https://evil.example' }))).toMatchObject({
      size: { width: 100, height: 100 },
      origin: 'https://shop.example',
    });
    expect((await store.remove((p) => p.path === '/other')).map((p) => p.id)).toEqual(['b2']);
    expect((await store.list()).map((p) => p.id)).toEqual(['a1']);
    expect(local.data.get(STORAGE_KEYS.placements)).toMatchObject({ schemaVersion: 1 });
  });

  it('refuses an update that would make the item invalid', async () => {
    const store = createPlacementStore(createMemoryStore());
    await store.add(good);
    expect(await store.update('a1', (p) => ({ ...p, selector: '' }))).toBeUndefined();
    expect((await store.list())[0]?.selector).toBe('#pim-qr-slot');
  });

  it('stops at the count limit with a clear error', async () => {
    const store = createPlacementStore(createMemoryStore());
    for (let i = 0; i < MAX_PLACEMENTS; i++) await store.add({ ...good, id: `p${i}` });
    const error = await store.add({ ...good, id: 'one-more' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PimError);
    expect(error).toMatchObject({ code: 'too-many-placements', params: { max: 50 } });
  });

  it('stops at the total size limit', async () => {
    const store = createPlacementStore(createMemoryStore());
    const big = 'x'.repeat(REMEMBERED_SVG_MAX_CHARS);
    await store.add({ ...good, id: 'b1', svg: big });
    await store.add({ ...good, id: 'b2', svg: big });
    await store.add({ ...good, id: 'b3', svg: big });
    await expect(store.add({ ...good, id: 'b4', svg: big })).rejects.toMatchObject({ code: 'placements-too-large' });
  });
});
