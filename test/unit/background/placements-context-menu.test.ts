import { describe, expect, it, vi } from 'vitest';
import { contextHints, createContextMenus, MENU_OVER, MENU_PARENT, MENU_REPLACE, placeFromContextMenu } from '../../../src/background/context-menu';
import type { TabPort } from '../../../src/background/tab-access';
import { PimError } from '../../../src/core/errors';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import type { HistoryItem } from '../../../src/shared/messages';

const latest: HistoryItem = { id: 'h1', svg: '<svg/>', bytes: 6, durationMs: 1, environmentId: 'sandbox', environmentName: 'Sandbox', params: DEFAULT_PARAMS, time: 1 };

function setup(options: { latest?: HistoryItem; inject?: Error } = { latest }) {
  const tabs = {
    resolve: vi.fn(),
    ensureController: vi.fn(async () => {
      if (options.inject) throw options.inject;
    }),
    send: vi.fn(async () => ({ placed: true, picking: false })),
    broadcast: vi.fn(),
  } as unknown as TabPort;
  const deps = { tabs, latestQr: async () => options.latest, newId: () => 'n1' };
  return { tabs, deps };
}

describe('context menu', () => {
  it('creates "Place PiM QR here" with two choices on every element', async () => {
    const created: { id: string; title: string; parentId?: string; contexts?: string[] }[] = [];
    await createContextMenus({ removeAll: async () => {}, create: (item) => created.push(item) });
    expect(created.map((c) => [c.id, c.title, c.parentId])).toEqual([
      [MENU_PARENT, 'Place PiM QR here', undefined],
      [MENU_OVER, 'Over this element', MENU_PARENT],
      [MENU_REPLACE, 'In place of this element', MENU_PARENT],
    ]);
    expect(created[0]?.contexts).toEqual(expect.arrayContaining(['page', 'image', 'link', 'frame']));
  });

  it.each([
    [MENU_OVER, 'over', 'floating'],
    [MENU_REPLACE, 'replace', 'replace'],
  ])('%s injects into the clicked frame and places the last QR %s', async (menuItemId, how, mode) => {
    const { tabs, deps } = setup();
    await placeFromContextMenu(deps, { menuItemId, frameId: 3, srcUrl: 'https://a.example/logo.png' }, 9);
    expect(tabs.ensureController).toHaveBeenCalledWith(9, 3);
    expect(tabs.send).toHaveBeenCalledWith(
      9,
      'bg-content-place-at-context-target',
      { spec: { id: 'n1', svg: '<svg/>', mode, remembered: false }, how, hints: { srcUrl: 'https://a.example/logo.png' } },
      3,
    );
  });

  it('names the address of the clicked page or frame, so a page that moved on meanwhile refuses the order', async () => {
    const { tabs, deps } = setup();
    await placeFromContextMenu(deps, { menuItemId: MENU_OVER, frameId: 0, pageUrl: 'https://a.example/?a', frameUrl: 'https://f.example/' }, 9);
    await placeFromContextMenu(deps, { menuItemId: MENU_OVER, frameId: 2, pageUrl: 'https://a.example/?a', frameUrl: 'https://f.example/' }, 9);
    const pages = vi.mocked(tabs.send).mock.calls.map((call) => (call[2] as { spec: { page?: string } }).spec.page);
    expect(pages).toEqual(['https://a.example/?a', 'https://f.example/']);
  });

  it('says in the page that there is no QR yet', async () => {
    const { tabs, deps } = setup({});
    await placeFromContextMenu(deps, { menuItemId: MENU_OVER }, 9);
    expect(tabs.send).toHaveBeenCalledWith(9, 'bg-content-notice', { text: 'Generate a QR code in the PiM QR popup first, then try again.' }, 0);
  });

  it('says in the page why placing failed, in the catalogue’s words', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { tabs, deps } = setup();
    vi.mocked(tabs.send).mockRejectedValueOnce(new PimError('svg-refused'));
    await placeFromContextMenu(deps, { menuItemId: MENU_OVER }, 9);
    expect(tabs.send).toHaveBeenLastCalledWith(9, 'bg-content-notice', { text: 'The QR could not be placed: The QR image is not safe to show.' }, 0);
    warn.mockRestore();
  });

  it('does nothing on a page that refuses extensions, and nothing for other menus', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { tabs, deps } = setup({ latest, inject: new Error('Cannot access a chrome:// URL') });
    await placeFromContextMenu(deps, { menuItemId: MENU_OVER }, 9);
    await placeFromContextMenu(deps, { menuItemId: 'other' }, 9);
    await placeFromContextMenu(deps, { menuItemId: MENU_OVER }, undefined);
    expect(tabs.send).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('passes only what identifies the element', () => {
    expect(contextHints({ menuItemId: 'x', linkUrl: 'https://a/', selectionText: 'y'.repeat(600) })).toEqual({ linkUrl: 'https://a/', selectionText: 'y'.repeat(500) });
  });
});
