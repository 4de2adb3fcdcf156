import { useLayoutEffect, useRef } from 'preact/hooks';
import { errorText } from '../shared/error-text';
import { t } from '../shared/i18n';
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
 * How the tab's last "Pick an element" went: still waiting for the click, where the QR went,
 * cancelled, or why nothing was placed. A polite live region that is always there, so a screen
 * reader hears each step; the outcome is brought into view when it arrives, since the person last
 * looked at the page, not here.
 */
export function PickStatus() {
  const pick = usePopupStore().placement.list.value?.lastPick;
  const line = useRef<HTMLParagraphElement>(null);
  const ended = pick && pick.state !== 'picking' ? `${pick.id} ${pick.state}` : '';
  // Before the next paint: the view never shows the outcome out of sight, even for a frame.
  useLayoutEffect(() => {
    if (ended) line.current?.scrollIntoView?.({ block: 'nearest' });
  }, [ended]);
  return (
    <div aria-live="polite" class="pick-status">
      {pick && (
        <p ref={line} class={`note${pick.state === 'failed' ? ' warning' : ''}`}>
          <PickOutcomeText pick={pick} />
        </p>
      )}
    </div>
  );
}
