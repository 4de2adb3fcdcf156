// How "Insert into page" places the QR (floating, in place of an element, inside it; by selector or
// picked in the page; remembered or not), and the remembered placements of the target tab's site
// (remembered-list.ts).
import { effect, signal } from '@preact/signals';
import { PimError } from '../core/errors';
import { originMatchPattern } from '../shared/page-address';
import type { PlacementMode, PlaceRequest } from '../shared/placement-messages';
import type { SendMessage } from '../shared/send-message';
import { toErrorView } from '../ui/error-view';
import { t } from '../shared/i18n';
import type { PageContext } from './page-context';
import type { PopupPorts } from './ports';
import { createRememberedList } from './remembered-list';
import type { ResultState } from './result-state';

export interface PlacementDeps {
  send: SendMessage;
  ports: PopupPorts;
  page: PageContext;
  result: ResultState;
}

export function createPlacementState({ send, ports, page, result }: PlacementDeps) {
  const mode = signal<PlacementMode>('floating');
  const selector = signal('');
  const remember = signal(false);
  const target: { tabId?: number } = page.tabId !== undefined ? { tabId: page.tabId } : {};
  const remembered = createRememberedList(send, target);
  const { list, refresh } = remembered;
  let filledFrom = '';

  // Once per pick that placed the QR, the picked element becomes the form's target, so "Insert into
  // page" can use it again; edits made after that are the person's and stay.
  effect(() => {
    const pick = list.value?.lastPick;
    if (pick?.state !== 'placed' || pick.id === filledFrom) return;
    filledFrom = pick.id;
    mode.value = pick.mode;
    selector.value = pick.selector;
  });

  /**
   * Asks for the site's host permission now, within the click: after an await the browser no longer
   * sees a user gesture. The origin is the one the background resolved for the list; when it is not
   * known, the background itself explains why the placement cannot be remembered.
   */
  function askToRemember(): Promise<void> {
    const origin = list.value?.origin;
    if (!remember.value || !origin) return Promise.resolve();
    return ports.requestHostPermission(originMatchPattern(origin)).then((granted) => {
      if (!granted) {
        throw new PimError('remember-access-refused', { params: { host: new URL(origin).host } });
      }
    });
  }

  function place(pick: boolean) {
    if (!result.result.value || result.busy.value) return Promise.resolve();
    const chosen = { mode: mode.value, selector: selector.value.trim(), remember: remember.value };
    if (chosen.mode !== 'floating' && !pick && chosen.selector === '') {
      result.error.value = toErrorView(new PimError('selector-missing'));
      return Promise.resolve();
    }
    const access = askToRemember();
    return result.act(pick ? 'pick' : 'insert', async (shown) => {
      try {
        await access;
        const request: PlaceRequest = { ...target, svg: shown.svg, mode: chosen.mode };
        if (pick) request.pick = true;
        else if (chosen.mode !== 'floating') request.selector = chosen.selector;
        if (chosen.remember) request.remember = true;
        const placed = await send('ui-bg-place', request);
        if (!placed.picking) return t(placed.remembered ? 'statusPlacedRemembered' : 'statusInserted');
        if (page.view === 'popup') ports.closeWindow();
        // No status line: the pick's own live line (PickStatus) says what to do, then how it went.
        return undefined;
      } finally {
        // The tab may show another site by now (the next permission request needs its origin), and
        // the list tells how the pick goes.
        if (chosen.remember || pick) void refresh();
      }
    });
  }

  return {
    mode,
    selector,
    remember,
    ...remembered,
    /** "Insert into page": with the chosen mode, the selector for replace/inside, remembered or not. */
    insert: () => place(false),
    /** "Pick an element": the user clicks the target in the page; the popup closes to let them. */
    pick: () => place(true),
  };
}

export type PlacementState = ReturnType<typeof createPlacementState>;
