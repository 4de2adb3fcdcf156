// How "Insert into page" is to place the QR (floating, in place of an element, inside it; by selector or
// picked in the page; remembered or not), and the remembered placements of the target tab's site
// (remembered-list.ts). The placing itself comes with the result view (placing.ts).
import { effect, signal } from '@preact/signals';
import type { PlacementMode } from '../shared/placement-messages';
import type { SendMessage } from '../shared/send-message';
import type { PageContext } from './page-context';
import { createRememberedList } from './remembered-list';

export function createPlacementState(send: SendMessage, page: PageContext) {
  const mode = signal<PlacementMode>('floating');
  const selector = signal('');
  const remember = signal(false);
  const target: { tabId?: number } = page.tabId !== undefined ? { tabId: page.tabId } : {};
  const remembered = createRememberedList(send, target);
  const { list } = remembered;
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

  return {
    mode,
    selector,
    remember,
    /** The tab the popup places in (none: the active tab). */
    target,
    ...remembered,
  };
}

export type PlacementState = ReturnType<typeof createPlacementState>;
