// The placements remembered on the target tab's site, as the popup lists them, and forgetting them.
// Read again whenever remembered placements change anywhere (a move or resize in the page, another
// view): store.ts follows storage.
import { signal } from '@preact/signals';
import type { RememberedPlacementList } from '../shared/placement-messages';
import type { SendMessage } from '../shared/send-message';
import type { ErrorView } from '../ui/error-view';
import { coalesced } from '../ui/live';
import { tracked } from '../ui/tracked';

export function createRememberedList(send: SendMessage, target: { tabId?: number }) {
  const list = signal<RememberedPlacementList | null>(null);
  const listError = signal<ErrorView | null>(null);
  /** 'load', 'page', or the id of the placement being removed. */
  const listBusy = signal<string | null>(null);

  const update = (busy: string, action: () => Promise<RememberedPlacementList>) =>
    tracked({ signal: listBusy, running: busy, idle: null }, listError, async () => {
      list.value = await action();
    });

  return {
    list,
    listError,
    listBusy,
    refresh: coalesced(() => update('load', () => send('ui-bg-placements-list', target))),
    forget: (id: string) => update(id, () => send('ui-bg-placement-forget', { ...target, id })),
    forgetPage: () => update('page', () => send('ui-bg-placements-forget-page', target)),
  };
}
