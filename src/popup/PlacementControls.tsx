import { PLACEMENT_MODES } from '../shared/placement-messages';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { t } from '../shared/i18n';
import { MODE_LABELS } from './placement-mode-labels';
import { placeQr } from './placing';
import { usePopupStore } from './store';

/**
 * How "Insert into page" places the QR: floating, in place of an element or inside it, and whether it
 * comes back. Enter in any of its fields places, as "Insert into page" does; it never reaches a form
 * around it, whose Enter would be Generate: a new call to the API, on Production a real code.
 */
export function PlacementControls() {
  const store = usePopupStore();
  const { placement, result } = store;
  const targeted = placement.mode.value !== 'floating';
  const placeOnEnter = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    event.stopPropagation();
    void placeQr(store, false);
  };
  return (
    <fieldset class="placement" onKeyDown={placeOnEnter}>
      <legend>{t('placementHeading')}</legend>
      <div class="placement-modes">
        {PLACEMENT_MODES.map((mode) => (
          <label key={mode} class="check">
            <input
              type="radio"
              name="placement-mode"
              value={mode}
              checked={placement.mode.value === mode}
              onChange={() => (placement.mode.value = mode)}
            />
            {t(MODE_LABELS[mode])}
          </label>
        ))}
      </div>
      {targeted && (
        <div class="placement-target">
          <Field label={t('placementSelector')} value={placement.selector} placeholder="#pim-qr-slot" class="placement-selector" />
          <Button size="small" busy={result.busy.value === 'pick'} onClick={() => void placeQr(store, true)}>
            {t('placementPick')}
          </Button>
        </div>
      )}
      <label class="check">
        <input type="checkbox" checked={placement.remember.value} onChange={(e) => (placement.remember.value = e.currentTarget.checked)} />
        {t('placementRemember')}
      </label>
    </fieldset>
  );
}
