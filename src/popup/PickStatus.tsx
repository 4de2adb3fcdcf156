import { t } from '../shared/i18n';
import { usePopupStore } from './store';

/** How the tab's last "Pick an element" went: still waiting for the click, where the QR went, or cancelled. */
export function PickStatus() {
  const pick = usePopupStore().placement.list.value?.lastPick;
  if (!pick) return null;
  return (
    <p class="note">
      {pick.state === 'placed' ? (
        <>
          {t('placementPickedOn')} <code>{pick.selector}</code>
        </>
      ) : (
        t(pick.state === 'picking' ? 'placementPickHint' : 'placementPickCancelled')
      )}
    </p>
  );
}
