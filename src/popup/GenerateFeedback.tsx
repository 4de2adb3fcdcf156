import { Lazy } from './Lazy';
import { usePopupStore } from './store';
import { lazyPart } from './lazy-part';

export const loadGenerateOutcome = lazyPart(() => import('./ErrorViews').then((m) => m.GenerateOutcome));

/** What became of the last Generate, once it was cancelled or failed (ErrorViews.tsx). */
export function GenerateFeedback() {
  const { state } = usePopupStore().generation.value;
  return state === 'error' || state === 'cancelled' ? <Lazy load={loadGenerateOutcome} /> : null;
}
