import { Lazy } from './Lazy';
import { usePopupStore } from './store';
import { lazyPart } from './lazy-part';

const loadPickLine = lazyPart(() => import('./PickLine').then((m) => m.PickLine));

/**
 * How the tab's last "Pick an element" went: still waiting for the click, where the QR went,
 * cancelled, or why nothing was placed (PickLine.tsx). A polite live region that is always there, so
 * a screen reader hears each step.
 */
export function PickStatus() {
  const picked = usePopupStore().placement.list.value?.lastPick !== undefined;
  return (
    <div aria-live="polite" class="pick-status">
      {picked && <Lazy load={loadPickLine} />}
    </div>
  );
}
