// The line of PickStatus: it comes with the tab's first pick, not with the popup.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { errorText } from '../shared/error-text';
import { t } from '../shared/i18n';
import { reveal } from '../ui/reveal';
import type { PickOutcome } from '../shared/placement-messages';
import { usePopupStore } from './store';

function PickOutcomeText({ pick }: { pick: PickOutcome }) {
  switch (pick.state) {
    case 'picking':
      return <>{t('placementPickHint')}</>;
    case 'placed':
      return (
        <>
          {t('placementPickedOn')} <code>{pick.selector}</code>
        </>
      );
    case 'cancelled':
      return <>{t('placementPickCancelled')}</>;
    case 'failed':
      return <>{t('placementPickFailed', errorText({ code: pick.code }).headline)}</>;
  }
}

/**
 * Each step is brought into view when it comes: what to do once "Pick an element" is pressed (a view
 * scrolled down to its buttons would hide it), then the outcome, as the person last looked at the
 * page, not here.
 */
export function PickLine() {
  const pick = usePopupStore().placement.list.value?.lastPick;
  const line = useRef<HTMLParagraphElement>(null);
  const step = pick ? `${pick.id} ${pick.state}` : '';
  // Before the next paint: the view never shows the step out of sight, even for a frame.
  useLayoutEffect(() => {
    if (step) reveal(line.current);
  }, [step]);
  if (!pick) return null;
  return (
    <p ref={line} class={`note${pick.state === 'failed' ? ' warning' : ''}`}>
      <PickOutcomeText pick={pick} />
    </p>
  );
}
