import { describe, expect, it, vi } from 'vitest';
import { createPendingPicks, PICK_TTL_MS } from '../../../src/background/pending-picks';
import { createLastPicks } from '../../../src/background/last-picks';
import { createPlacementService } from '../../../src/background/placement-service';
import { createPlacementStore } from '../../../src/background/placement-store';
import type { ContentScriptFacts as ContentSender } from '../../../src/background/sender';
import type { TabPort } from '../../../src/background/tab-access';
import { PimError } from '../../../src/core/errors';
import { createMemoryStore } from '../../../src/core/storage-port';
import type { NameOf } from '../../../src/shared/contract';
import type { WorkerToContent } from '../../../src/shared/contracts/worker-to-content';
import type { PlacedInfo } from '../../../src/shared/placement-messages';

type TabMessageName = NameOf<WorkerToContent>;

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>';
const PAGE = 'https://shop.example/login?x=1';

function setup(options: { url?: string; granted?: boolean; placed?: Partial<PlacedInfo> } = {}) {
  let time = 1000;
  let ids = 0;
  const sent: { tabId: number; name: TabMessageName; payload: unknown }[] = [];
  const broadcasts: { patterns: string[]; name: string; payload: unknown }[] = [];
  const tabs: TabPort = {
    resolve: vi.fn(async (tabId?: number) => ({ tabId: tabId ?? 7, ...(options.url === '' ? {} : { url: options.url ?? PAGE }) })),
    ensureController: vi.fn(async () => {}),
    send: vi.fn(async (tabId: number, name: TabMessageName, payload: unknown) => {
      sent.push({ tabId, name, payload });
      if (name === 'bg-content-place') {
        const spec = payload as { id: string; selector?: string };
        return { id: spec.id, size: { width: 240, height: 240 }, ...(spec.selector ? { selector: spec.selector } : { position: { x: 5, y: 6 } }), ...options.placed };
      }
      return { picking: true, removed: 1 };
    }) as TabPort['send'],
    broadcast: vi.fn(async (patterns: string[], name: string, payload: unknown) => {
      broadcasts.push({ patterns, name, payload });
    }) as TabPort['broadcast'],
  };
  const local = createMemoryStore();
  const store = createPlacementStore(local);
  const syncScripts = vi.fn(async () => {});
  const hasHostPermission = vi.fn(async () => options.granted ?? true);
  const lastPicks = createLastPicks(createMemoryStore());
  const service = createPlacementService({
    store,
    tabs,
    picks: createPendingPicks(createMemoryStore(), () => time),
    lastPicks,
    hasHostPermission,
    syncScripts,
    newId: () => `id-${++ids}`,
    now: () => time,
  });
  const advance = (ms: number) => {
    time += ms;
  };
  return { service, store, tabs, sent, broadcasts, syncScripts, hasHostPermission, advance, lastPicks };
}

const content = (over: Partial<ContentSender> = {}): ContentSender => ({ tabId: 7, frameId: 0, url: PAGE, ...over });

describe('place', () => {
  it('injects, places floating and remembers nothing by default', async () => {
    const { service, tabs, sent, store } = setup();
    const result = await service.place({ svg: SVG, mode: 'floating', pick: false, remember: false });
    expect(result).toEqual({ tabId: 7, placementId: 'id-1', picking: false, remembered: false });
    const order = { id: 'id-1', svg: SVG, mode: 'floating', remembered: false, page: PAGE };
    // The order goes with the injection too, so a page new to the controller draws it as the script starts.
    expect(tabs.ensureController).toHaveBeenCalledWith(7, 0, { name: 'bg-content-place', payload: order });
    expect(sent).toEqual([{ tabId: 7, name: 'bg-content-place', payload: order }]);
    expect(await store.list()).toEqual([]);
  });

  it('tells a tab that moved on to another page while placing as "the page changed", whatever the browser said', async () => {
    const errors = [new PimError('page-forbids-extensions'), new PimError('page-silent'), new PimError('tab-access-missing'), new PimError('place-failed')];
    for (const error of errors) {
      for (const [step, now] of [
        ['inject', 'https://shop.example/login?x=2'],
        ['send', 'https://other.example/'],
        ['send', undefined],
      ] as const) {
        const { service, tabs } = setup();
        if (step === 'inject') vi.mocked(tabs.ensureController).mockRejectedValueOnce(error);
        else vi.mocked(tabs.send).mockRejectedValueOnce(error);
        vi.mocked(tabs.resolve).mockResolvedValueOnce({ tabId: 7, url: PAGE }).mockResolvedValueOnce({ tabId: 7, ...(now === undefined ? {} : { url: now }) });
        await expect(service.place({ svg: SVG, mode: 'floating' })).rejects.toMatchObject({ code: 'page-changed' });
      }
    }
  });

  it('keeps the browser’s own error when the tab still shows the page (a jump to an anchor changes nothing)', async () => {
    const { service, tabs } = setup();
    vi.mocked(tabs.ensureController).mockRejectedValueOnce(new PimError('tab-access-missing'));
    vi.mocked(tabs.resolve).mockResolvedValueOnce({ tabId: 7, url: PAGE }).mockResolvedValueOnce({ tabId: 7, url: `${PAGE}#step2` });
    await expect(service.place({ svg: SVG, mode: 'floating' })).rejects.toMatchObject({ code: 'tab-access-missing' });
  });

  it('remembers a placement by origin + path and registers the restoring script', async () => {
    const { service, store, syncScripts, hasHostPermission } = setup();
    const result = await service.place({ tabId: 3, svg: SVG, mode: 'replace', selector: '#slot', pick: false, remember: true });
    expect(result).toMatchObject({ tabId: 3, remembered: true });
    expect(hasHostPermission).toHaveBeenCalledWith('https://shop.example/*');
    expect(await store.list()).toEqual([
      { id: 'id-1', origin: 'https://shop.example', path: '/login', mode: 'replace', selector: '#slot', size: { width: 240, height: 240 }, opacity: 1, svg: SVG, createdAt: 1000 },
    ]);
    expect(syncScripts).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['the site was not granted', { granted: false }, { code: 'remember-host-not-allowed', params: { host: 'shop.example' } }],
    ['the tab address is unknown', { url: '' }, { code: 'remember-site-not-allowed' }],
    ['the tab is not a web page', { url: 'chrome://settings/' }, { code: 'remember-needs-web-page' }],
  ])('refuses to remember when %s, before touching the page', async (_name, options, expected) => {
    const { service, tabs, store } = setup(options);
    const error = await service.place({ svg: SVG, mode: 'floating', pick: false, remember: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PimError);
    expect((error as PimError).kind).toBe('permission-denied');
    expect(error).toMatchObject(expected);
    expect(tabs.ensureController).not.toHaveBeenCalled();
    expect(await store.list()).toEqual([]);
  });

  it('takes the placement off the page again when it cannot be stored', async () => {
    const { service, store, sent } = setup({ placed: { size: { width: 1, height: 1 } } });
    await expect(service.place({ svg: SVG, mode: 'floating', pick: false, remember: true })).rejects.toThrow(PimError);
    expect(sent.at(-1)).toMatchObject({ name: 'bg-content-remove', payload: { ids: ['id-1'] } });
    expect(await store.list()).toEqual([]);
  });
});

describe('pick and remember', () => {
  it('starts the picker and stores the placement once the content script reports the element', async () => {
    const { service, store, sent } = setup();
    const result = await service.place({ svg: SVG, mode: 'replace', pick: true, remember: true });
    expect(result).toEqual({ tabId: 7, placementId: 'id-1', picking: true, remembered: false });
    expect(sent[0]?.name).toBe('bg-content-pick');
    const info = { id: 'id-1', selector: '#slot', size: { width: 200, height: 100 } };
    expect(await service.picked(content(), PAGE, { placementId: 'id-1', selector: '#slot', info })).toBe(true);
    expect(await store.list()).toMatchObject([{ id: 'id-1', selector: '#slot', size: { width: 200, height: 100 }, svg: SVG }]);
    // A second report of the same pick changes nothing.
    expect(await service.picked(content(), PAGE, { placementId: 'id-1', selector: '#slot', info })).toBe(false);
  });

  it.each([
    ['another tab', content({ tabId: 8 }), PAGE],
    ['another page of the site', content(), 'https://shop.example/other'],
    ['a page claiming another origin', content(), 'https://evil.example/login'],
    ['a frame of another origin', content({ url: 'https://evil.example/frame' }), PAGE],
  ])('ignores a pick reported from %s', async (_name, sender, url) => {
    const { service, store } = setup();
    await service.place({ svg: SVG, mode: 'replace', pick: true, remember: true });
    expect(await service.picked(sender, url, { placementId: 'id-1', selector: '#x', info: { id: 'id-1', selector: '#x', size: { width: 50, height: 50 } } })).toBe(false);
    expect(await store.list()).toEqual([]);
  });

  it('forgets a pick nobody finished in time', async () => {
    const { service, advance } = setup();
    await service.place({ svg: SVG, mode: 'inside', pick: true, remember: true });
    advance(PICK_TTL_MS + 1);
    expect(await service.picked(content(), PAGE, { placementId: 'id-1', selector: '#x', info: { id: 'id-1', selector: '#x', size: { width: 50, height: 50 } } })).toBe(false);
  });

  it('does not remember a pick it was not asked to', async () => {
    const { service, store } = setup();
    await service.place({ svg: SVG, mode: 'inside', pick: true, remember: false });
    expect(await service.picked(content(), PAGE, { placementId: 'id-1', selector: '#x', info: { id: 'id-1', selector: '#x', size: { width: 50, height: 50 } } })).toBe(false);
    expect(await store.list()).toEqual([]);
  });
});

describe('the content script side', () => {
  async function remembered() {
    const context = setup();
    await context.service.place({ svg: SVG, mode: 'floating', pick: false, remember: true });
    return context;
  }

  it('restores the placements of the page it is on, with their SVG', async () => {
    const { service } = await remembered();
    expect(await service.restore(content(), PAGE)).toMatchObject([{ id: 'id-1', svg: SVG, mode: 'floating', position: { x: 5, y: 6 }, remembered: true }]);
    expect(await service.restore(content(), 'https://shop.example/login/#again')).toHaveLength(1);
    expect(await service.restore(content(), 'https://shop.example/cart')).toEqual([]);
  });

  it('follows an SPA path change but never another origin than the browser reports', async () => {
    const { service } = await remembered();
    expect(await service.restore(content({ url: 'https://shop.example/' }), PAGE)).toHaveLength(1);
    expect(await service.restore(content({ url: 'https://evil.example/' }), PAGE)).toEqual([]);
  });

  it('saves moves of its own page’s placements only', async () => {
    const { service, store } = await remembered();
    expect(await service.update(content(), PAGE, 'id-1', { position: { x: 50, y: 60 }, opacity: 0.5 })).toBe(true);
    expect(await service.update(content(), 'https://shop.example/cart', 'id-1', { position: { x: 0, y: 0 } })).toBe(false);
    expect(await service.update(content(), PAGE, 'nope', { position: { x: 0, y: 0 } })).toBe(false);
    expect(await store.list()).toMatchObject([{ position: { x: 50, y: 60 }, opacity: 0.5 }]);
    expect(await service.update(content(), PAGE, 'id-1', { pin: { selector: 'main', dx: 1, dy: 2 } })).toBe(true);
    expect((await store.list())[0]?.pin).toEqual({ selector: 'main', dx: 1, dy: 2 });
    expect(await service.update(content(), PAGE, 'id-1', { pin: null })).toBe(true);
    expect((await store.list())[0]?.pin).toBeUndefined();
  });

  it('forgets a placement its user removed on the page', async () => {
    const { service, store, syncScripts } = await remembered();
    expect(await service.removedByUser(content({ tabId: 99 }), 'https://shop.example/other', 'id-1')).toBe(false);
    expect(await service.removedByUser(content(), PAGE, 'id-1')).toBe(true);
    expect(await store.list()).toEqual([]);
    expect(syncScripts).toHaveBeenCalledTimes(2);
  });
});

describe('list and forget', () => {
  it('lists the site’s placements and marks those of this page', async () => {
    const { service, tabs } = setup();
    await service.place({ svg: SVG, mode: 'replace', selector: '#a', pick: false, remember: true });
    vi.mocked(tabs.resolve).mockResolvedValueOnce({ tabId: 7, url: 'https://shop.example/other' });
    await service.place({ svg: SVG, mode: 'floating', pick: false, remember: true });
    vi.mocked(tabs.resolve).mockResolvedValueOnce({ tabId: 7, url: 'https://elsewhere.example/' });
    await service.place({ svg: SVG, mode: 'floating', pick: false, remember: true });
    const list = await service.list();
    expect(list.origin).toBe('https://shop.example');
    expect(list.page).toBe('https://shop.example/login');
    expect(list.placements.map((p) => [p.id, p.onThisPage, p.selector])).toEqual([
      ['id-1', true, '#a'],
      ['id-2', false, undefined],
    ]);
    expect(JSON.stringify(list)).not.toContain('<svg');
  });

  it('lists nothing for a tab whose address it may not know', async () => {
    const { service } = setup({ url: '' });
    expect(await service.list()).toEqual({ origin: '', page: '', placements: [], lastPick: null });
  });

  it('forgets one placement, takes it off open tabs, and answers the new list', async () => {
    const { service, broadcasts, syncScripts } = setup();
    await service.place({ svg: SVG, mode: 'floating', pick: false, remember: true });
    const list = await service.forget('id-1');
    expect(list.placements).toEqual([]);
    expect(broadcasts).toEqual([{ patterns: ['https://shop.example/*'], name: 'bg-content-remove', payload: { ids: ['id-1'] } }]);
    expect(syncScripts).toHaveBeenCalledTimes(2);
  });

  it('forgets every placement of this page and keeps the rest of the site', async () => {
    const { service, tabs } = setup();
    await service.place({ svg: SVG, mode: 'floating', pick: false, remember: true });
    await service.place({ svg: SVG, mode: 'floating', pick: false, remember: true });
    vi.mocked(tabs.resolve).mockResolvedValueOnce({ tabId: 7, url: 'https://shop.example/other' });
    await service.place({ svg: SVG, mode: 'floating', pick: false, remember: true });
    const list = await service.forgetPage();
    expect(list.placements.map((p) => p.id)).toEqual(['id-3']);
  });
});

describe('the last pick of a tab', () => {
  const info = { id: 'id-1', selector: '#slot', size: { width: 200, height: 100 } };
  const lastPick = async (service: ReturnType<typeof setup>['service'], tabId?: number) => (await service.list(tabId)).lastPick;

  it('is "picking" once the page is asked, then where the QR went, for a pick that is not remembered too', async () => {
    const { service, store } = setup();
    expect(await lastPick(service)).toBeNull();
    await service.place({ svg: SVG, mode: 'replace', pick: true, remember: false });
    expect(await lastPick(service)).toEqual({ id: 'id-1', state: 'picking', mode: 'replace' });
    expect(await service.picked(content(), PAGE, { placementId: 'id-1', selector: 'main > .card', info })).toBe(false);
    expect(await lastPick(service)).toEqual({ id: 'id-1', state: 'placed', mode: 'replace', selector: 'main > .card' });
    expect(await store.list()).toEqual([]);
  });

  it('is "cancelled" after Esc', async () => {
    const { service } = setup();
    await service.place({ svg: SVG, mode: 'inside', pick: true });
    expect(await service.pickCancelled(content(), 'id-1')).toBe(true);
    expect(await lastPick(service)).toEqual({ id: 'id-1', state: 'cancelled', mode: 'inside' });
    // Over: a late report of the same pick changes nothing.
    expect(await service.pickCancelled(content(), 'id-1')).toBe(false);
    await service.picked(content(), PAGE, { placementId: 'id-1', selector: '#late', info });
    expect(await lastPick(service)).toMatchObject({ state: 'cancelled' });
  });

  it('is "failed" with the code when the QR could not go on the chosen element', async () => {
    const { service } = setup();
    await service.place({ svg: SVG, mode: 'replace', pick: true });
    expect(await service.pickFailed(content(), 'id-1', 'pick-outside-page')).toBe(true);
    expect(await lastPick(service)).toEqual({ id: 'id-1', state: 'failed', mode: 'replace', code: 'pick-outside-page' });
    expect(await service.pickFailed(content({ tabId: 8 }), 'id-1', 'pick-selector-too-long')).toBe(false);
    expect(await service.pickCancelled(content(), 'id-1')).toBe(false);
    expect(await lastPick(service)).toMatchObject({ state: 'failed', code: 'pick-outside-page' });
  });

  it.each([
    ['another tab', content({ tabId: 8 }), 'id-1'],
    ['a frame of the page', content({ frameId: 3 }), 'id-1'],
    ['a pick the worker did not start', content(), 'id-9'],
  ])('ignores an outcome reported by %s', async (_name, sender, placementId) => {
    const { service } = setup();
    await service.place({ svg: SVG, mode: 'replace', pick: true });
    expect(await service.pickCancelled(sender, placementId)).toBe(false);
    await service.picked(sender, PAGE, { placementId, selector: '#forged', info });
    expect(await lastPick(service)).toEqual({ id: 'id-1', state: 'picking', mode: 'replace' });
  });

  it('belongs to its tab: a new pick replaces it, other tabs keep theirs', async () => {
    const { service } = setup();
    await service.place({ tabId: 7, svg: SVG, mode: 'replace', pick: true });
    await service.place({ tabId: 8, svg: SVG, mode: 'inside', pick: true });
    await service.place({ tabId: 7, svg: SVG, mode: 'inside', pick: true });
    expect(await lastPick(service, 7)).toEqual({ id: 'id-3', state: 'picking', mode: 'inside' });
    expect(await lastPick(service, 8)).toEqual({ id: 'id-2', state: 'picking', mode: 'inside' });
  });

  it('is gone when the tab closes, loads a new document or moves to another page; the same page keeps it', async () => {
    const { service, lastPicks } = setup();
    await service.place({ svg: SVG, mode: 'replace', pick: true });
    await service.picked(content(), PAGE, { placementId: 'id-1', selector: '#slot', info });
    await lastPicks.forget(7, 'https://shop.example/login#step-2');
    expect(await lastPick(service)).toMatchObject({ state: 'placed' });
    await lastPicks.forget(7, 'https://shop.example/checkout');
    expect(await lastPick(service)).toBeNull();

    await service.place({ svg: SVG, mode: 'replace', pick: true });
    await lastPicks.forget(7);
    expect(await lastPick(service)).toBeNull();
  });

  it('is not told for a tab that shows another page by now, even when no event said so', async () => {
    const { service, tabs } = setup();
    await service.place({ svg: SVG, mode: 'replace', pick: true });
    await service.picked(content(), PAGE, { placementId: 'id-1', selector: '#slot', info });
    vi.mocked(tabs.resolve).mockResolvedValueOnce({ tabId: 7, url: 'https://shop.example/cart' });
    expect(await lastPick(service)).toBeNull();
  });

  it('is dropped when the page could not be asked to pick', async () => {
    const { service, tabs } = setup();
    vi.mocked(tabs.send).mockRejectedValueOnce(new PimError('page-silent'));
    await expect(service.place({ svg: SVG, mode: 'replace', pick: true })).rejects.toMatchObject({ code: 'page-silent' });
    expect(await lastPick(service)).toBeNull();
  });
});
