// "Place PiM QR here" on the page's context menu: puts the last generated QR over, or in place of,
// the element the user right-clicked.
//
// Finding that element: no content script runs before the click (nothing is injected at install),
// and Chrome gives the worker no handle to the element. So the click injects the controller into
// the clicked frame (the menu click grants activeTab) and it looks, in order, for
//   1. the element of the last `contextmenu` event, recorded if the controller was already there;
//   2. what the click data names: the image/video by `srcUrl`, the link by `linkUrl`, the selection;
//   3. otherwise it starts the element picker with the same QR: one more click, never a guess.
import { placeFailedNotice } from '../shared/error-text';
import { t } from '../shared/i18n';
import { SELECTION_HINT_MAX_CHARS } from '../shared/limits';
import type { HistoryItem } from '../shared/messages';
import type { ContextTargetHints, PlacementOrder } from '../shared/placement-messages';
import type { TabPort } from './tab-access';

export const MENU_PARENT = 'pim-qr-place';
export const MENU_OVER = 'pim-qr-place-over';
export const MENU_REPLACE = 'pim-qr-place-replace';

const CONTEXTS = ['page', 'frame', 'selection', 'link', 'editable', 'image', 'video', 'audio'] as const;

export interface MenusApi {
  removeAll(): Promise<void>;
  create(item: { id: string; title: string; contexts?: (typeof CONTEXTS)[number][]; parentId?: string }): unknown;
}

export interface MenuClick {
  menuItemId: string | number;
  frameId?: number;
  /** The address of the page (and of the frame, when it is one) the user right-clicked in. */
  pageUrl?: string;
  frameUrl?: string;
  srcUrl?: string;
  linkUrl?: string;
  selectionText?: string;
}

export interface ContextMenuDeps {
  tabs: TabPort;
  latestQr: () => Promise<HistoryItem | undefined>;
  newId: () => string;
}

export async function createContextMenus(menus: MenusApi): Promise<void> {
  await menus.removeAll();
  menus.create({ id: MENU_PARENT, title: t('contextMenuPlace'), contexts: [...CONTEXTS] });
  menus.create({ id: MENU_OVER, parentId: MENU_PARENT, title: t('contextMenuPlaceOver'), contexts: [...CONTEXTS] });
  menus.create({ id: MENU_REPLACE, parentId: MENU_PARENT, title: t('contextMenuPlaceReplace'), contexts: [...CONTEXTS] });
}

export function contextHints(click: MenuClick): ContextTargetHints {
  const hints: ContextTargetHints = {};
  if (click.srcUrl) hints.srcUrl = click.srcUrl;
  if (click.linkUrl) hints.linkUrl = click.linkUrl;
  if (click.selectionText) hints.selectionText = click.selectionText.slice(0, SELECTION_HINT_MAX_CHARS);
  return hints;
}

export async function placeFromContextMenu(deps: ContextMenuDeps, click: MenuClick, tabId: number | undefined): Promise<void> {
  if (click.menuItemId !== MENU_OVER && click.menuItemId !== MENU_REPLACE) return;
  if (tabId === undefined || tabId < 0) return;
  const frameId = click.frameId ?? 0;
  try {
    await deps.tabs.ensureController(tabId, frameId);
  } catch (error) {
    // A protected page (chrome://, the Web Store) has nowhere to show the error either.
    console.warn('[context-menu] cannot place on this page', error);
    return;
  }
  try {
    const latest = await deps.latestQr();
    if (!latest) {
      await deps.tabs.send(tabId, 'bg-content-notice', { text: t('contextMenuNothingYet') }, frameId);
      return;
    }
    const how = click.menuItemId === MENU_REPLACE ? 'replace' : 'over';
    const spec: PlacementOrder = { id: deps.newId(), svg: latest.svg, mode: how === 'replace' ? 'replace' : 'floating', remembered: false };
    const page = frameId === 0 ? click.pageUrl : click.frameUrl;
    if (page !== undefined) spec.page = page;
    await deps.tabs.send(tabId, 'bg-content-place-at-context-target', { spec, how, hints: contextHints(click) }, frameId);
  } catch (error) {
    console.warn('[context-menu] placing failed', error);
    await deps.tabs.send(tabId, 'bg-content-notice', { text: placeFailedNotice(error) }, frameId).catch(() => undefined);
  }
}
