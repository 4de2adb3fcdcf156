// "Insert into page" and "Pick an element": the QR on show goes to the target tab as the placement
// controls say (placement-state.ts). Loaded with the result view, the only thing that offers them.
import { PimError } from '../core/errors';
import { t } from '../shared/i18n';
import { originMatchPattern } from '../shared/page-address';
import type { PlaceRequest } from '../shared/placement-messages';
import { toErrorView } from '../ui/error-view';
import type { PopupStore } from './store';

type PlacingStore = Pick<PopupStore, 'send' | 'ports' | 'page' | 'result' | 'placement'>;

/**
 * Asks for the site's host permission now, within the click: after an await the browser no longer
 * sees a user gesture. The origin is the one the background resolved for the list; when it is not
 * known, the background itself explains why the placement cannot be remembered.
 */
function askToRemember({ ports, placement }: PlacingStore): Promise<void> {
  const origin = placement.list.value?.origin;
  if (!placement.remember.value || !origin) return Promise.resolve();
  return ports.requestHostPermission(originMatchPattern(origin)).then((granted) => {
    if (!granted) {
      throw new PimError('remember-access-refused', { params: { host: new URL(origin).host } });
    }
  });
}

/** With the chosen mode, the selector for replace/inside (or an element picked in the page), remembered or not. */
export function placeQr(store: PlacingStore, pick: boolean): Promise<void> {
  const { send, ports, page, result, placement } = store;
  if (!result.result.value || result.busy.value) return Promise.resolve();
  const chosen = { mode: placement.mode.value, selector: placement.selector.value.trim(), remember: placement.remember.value };
  if (chosen.mode !== 'floating' && !pick && chosen.selector === '') {
    result.error.value = toErrorView(new PimError('selector-missing'));
    return Promise.resolve();
  }
  const access = askToRemember(store);
  return result.act(pick ? 'pick' : 'insert', async (shown) => {
    try {
      await access;
      const request: PlaceRequest = { ...placement.target, svg: shown.svg, mode: chosen.mode };
      if (pick) request.pick = true;
      else if (chosen.mode !== 'floating') request.selector = chosen.selector;
      if (chosen.remember) request.remember = true;
      const placed = await send('ui-bg-place', request);
      if (!placed.picking) return t(placed.remembered ? 'statusPlacedRemembered' : 'statusInserted');
      // The popup closes so the person can click in the page; the pick's own live line (PickStatus) says
      // what to do, then how it went.
      if (page.view === 'popup') ports.closeWindow();
      return undefined;
    } finally {
      // The tab may show another site by now (the next permission request needs its origin), and
      // the list tells how the pick goes.
      if (chosen.remember || pick) void placement.refresh();
    }
  });
}
