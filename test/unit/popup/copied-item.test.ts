import { describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../../src/core/storage-port';
import { copiedItem } from '../../../src/popup/copied-item';
import { draftItem } from '../../../src/popup/draft';
import { pageCopy } from '../../../src/shared/page-copy';
import type { FormDraft } from '../../../src/ui/qr-form-state';
import { fakeLocalStorage } from '../shared/fake-local-storage';

const DRAFT = draftItem('popup');
const typed: FormDraft = { redirect: '1', title: 'Inloggen', description: '', attributes: ['Email'], width: '300', height: '300', keepSquare: true };

function setup(stored: Record<string, unknown> = {}) {
  const local = createMemoryStore(stored);
  const get = vi.spyOn(local, 'get');
  const copy = pageCopy(fakeLocalStorage());
  return { local, get, copy, item: copiedItem(local, DRAFT, copy) };
}

describe('an item read from its copy first (the first paint in Firefox)', () => {
  it('answers from the copy without asking storage.local', async () => {
    const { get, copy, item } = setup({ draft: { title: 'older' } });
    copy.write('draft', typed);
    expect(await item.read()).toEqual(typed);
    expect(get).not.toHaveBeenCalled();
  });

  it('answers "none" from a copy that says so, without asking storage.local', async () => {
    const { get, copy, item } = setup();
    copy.write('draft', undefined);
    expect(await item.read()).toBeUndefined();
    expect(get).not.toHaveBeenCalled();
  });

  it('with no copy yet, reads storage.local and keeps what it holds as the copy', async () => {
    const { get, copy, item } = setup({ draft: typed });
    expect(await item.read()).toEqual(typed);
    expect(get).toHaveBeenCalledTimes(1);
    expect(copy.read('draft')).toEqual({ value: typed });
  });

  it('does not overwrite a copy another view wrote while storage.local was read', async () => {
    const { local, copy, item } = setup({ draft: { title: 'older' } });
    const reading = item.read();
    copy.write('draft', typed);
    await reading;
    expect(copy.read('draft')).toEqual({ value: typed });
    expect(await local.get('draft')).toEqual({ title: 'older' });
  });

  it('reads the record when the copy holds something no view writes (not an object)', async () => {
    const { copy, item } = setup({ draft: typed });
    for (const odd of [[], 'text', 7, true]) {
      copy.write('draft', odd);
      expect(await item.read(), JSON.stringify(odd)).toEqual(typed);
    }
  });

  it('hands storage.local each save in the call itself, with no read first, so the last keystroke is never left behind', () => {
    const { local, get, item } = setup();
    const set = vi.spyOn(local, 'set');
    const remove = vi.spyOn(local, 'remove');
    // Not awaited: a view that closes now has made both calls already.
    void item.save({ ...typed, title: 'I' });
    void item.save({ ...typed, title: 'In' });
    void item.save(undefined);
    expect(set.mock.calls.map(([, value]) => (value as { title: string }).title)).toEqual(['I', 'In']);
    expect(remove).toHaveBeenCalledWith('draft');
    expect(get).not.toHaveBeenCalled();
  });

  it('writes the copy at once, before storage.local has answered, and the record too', async () => {
    const { local, copy, item } = setup();
    const saving = item.save(typed);
    expect(copy.read('draft')).toEqual({ value: typed });
    await saving;
    expect(await local.get('draft')).toEqual(typed);
    await item.save(undefined);
    expect(copy.read('draft')).toEqual({ value: undefined });
    expect(await local.get('draft')).toBeUndefined();
  });

  it('without a copy (Chrome, a private window) is storage.local alone', async () => {
    const local = createMemoryStore({ draft: typed });
    const item = copiedItem(local, DRAFT, undefined);
    expect(await item.read()).toEqual(typed);
    await item.save(undefined);
    expect(await local.get('draft')).toBeUndefined();
  });
});
