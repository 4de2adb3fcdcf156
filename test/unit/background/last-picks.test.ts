import { describe, expect, it } from 'vitest';
import { createLastPicks, MAX_LAST_PICKS, pickPage } from '../../../src/background/last-picks';
import { createMemoryStore } from '../../../src/core/storage-port';
import { SELECTOR_MAX_CHARS } from '../../../src/shared/limits';
import { STORAGE_KEYS } from '../../../src/shared/storage-keys';

const PAGE = 'https://shop.example/login';
const picking = (id: string) => ({ id, state: 'picking' as const, mode: 'replace' as const });

describe('the last picks kept in storage.session', () => {
  it('keeps one line per tab under its key, and ends only the pick the tab waits for', async () => {
    const session = createMemoryStore();
    const picks = createLastPicks(session);
    await picks.started(3, PAGE, picking('a'));
    expect(await picks.ended(3, PAGE, 'b', { state: 'cancelled' })).toBe(false);
    expect(await picks.ended(4, PAGE, 'a', { state: 'cancelled' })).toBe(false);
    expect(await picks.ended(3, PAGE, 'a', { state: 'placed', selector: '#slot' })).toBe(true);
    expect(session.data.get(STORAGE_KEYS.lastPicks)).toEqual([{ tabId: 3, page: PAGE, outcome: { id: 'a', state: 'placed', mode: 'replace', selector: '#slot' } }]);
    expect(await picks.ended(3, PAGE, 'a', { state: 'cancelled' })).toBe(false);
  });

  it('takes the page of the report: a pick started while the tab’s address was unknown is told on that page only', async () => {
    const picks = createLastPicks(createMemoryStore());
    await picks.started(3, '', picking('a'));
    expect(await picks.of(3, 'https://elsewhere.example/')).toEqual(picking('a'));
    await picks.ended(3, PAGE, 'a', { state: 'cancelled' });
    expect(await picks.of(3, `${PAGE}?step=2#top`)).toMatchObject({ state: 'cancelled' });
    expect(await picks.of(3, 'https://shop.example/cart')).toBeNull();
    expect(await picks.of(3)).toMatchObject({ state: 'cancelled' });
  });

  it(`keeps the ${MAX_LAST_PICKS} tabs picked in last`, async () => {
    const picks = createLastPicks(createMemoryStore());
    for (let tab = 1; tab <= MAX_LAST_PICKS + 2; tab++) await picks.started(tab, PAGE, picking(`p${tab}`));
    expect(await picks.of(1)).toBeNull();
    expect(await picks.of(2)).toBeNull();
    expect(await picks.of(3)).toEqual(picking('p3'));
    expect(await picks.of(MAX_LAST_PICKS + 2)).toEqual(picking(`p${MAX_LAST_PICKS + 2}`));
  });

  it('drops whatever is malformed in storage and keeps the rest', async () => {
    const good = { tabId: 5, page: PAGE, outcome: { id: 'g', state: 'placed', mode: 'inside', selector: '#ok' } };
    const failed = { tabId: 12, page: PAGE, outcome: { id: 'f', state: 'failed', mode: 'inside', code: 'pick-outside-page' } };
    const session = createMemoryStore({
      [STORAGE_KEYS.lastPicks]: [
        null,
        'x',
        { tabId: '1', page: PAGE, outcome: picking('a') },
        { tabId: 2, page: 7, outcome: picking('a') },
        { tabId: 3, page: PAGE, outcome: { id: 'a', state: 'placed', mode: 'replace' } },
        { tabId: 4, page: PAGE, outcome: { id: 'a', state: 'placed', mode: 'replace', selector: 's'.repeat(SELECTOR_MAX_CHARS + 1) } },
        { tabId: 6, page: PAGE, outcome: { id: 'a', state: 'done', mode: 'replace' } },
        { tabId: 9, page: PAGE, outcome: { id: 'a', state: 'failed', mode: 'replace', code: 'no-such-code' } },
        { tabId: 10, page: PAGE, outcome: { id: 'a', state: 'failed', mode: 'replace', code: 'selector-invalid' } },
        { tabId: 11, page: PAGE, outcome: { id: 'a', state: 'placed', mode: 'replace', selector: '#a\u202Eb' } },
        failed,
        { tabId: 7, page: PAGE, outcome: { id: 'a', state: 'picking', mode: 'everywhere' } },
        { tabId: 8, page: PAGE, outcome: { id: 'i'.repeat(101), state: 'picking', mode: 'replace' } },
        good,
      ],
    });
    const picks = createLastPicks(session);
    for (const tab of [1, 2, 3, 4, 6, 7, 8, 9, 10, 11]) expect(await picks.of(tab)).toBeNull();
    expect(await picks.of(5)).toEqual(good.outcome);
    expect(await picks.of(12)).toEqual(failed.outcome);
    expect(await createLastPicks(createMemoryStore({ [STORAGE_KEYS.lastPicks]: { 5: good } })).of(5)).toBeNull();
  });
});

describe('pickPage', () => {
  it('compares web pages by origin and path, other pages without query and fragment', () => {
    expect(pickPage('https://shop.example/login/?a=1#b')).toBe(PAGE);
    expect(pickPage('file:///home/me/page.html?x#y')).toBe('file:///home/me/page.html');
    expect(pickPage('about:blank')).toBe('about:blank');
  });
});
