import { useId } from 'preact/hooks';
import type { RememberedPlacementView } from '../shared/placement-messages';
import { Button } from '../ui/Button';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatPixels } from '../shared/format';
import { t } from '../shared/i18n';
import { MODE_LABELS } from './placement-mode-labels';
import { usePopupStore } from './store';
import './remembered.css';

/** The placements that come back on the target tab's site, each with a way to forget it (App.tsx shows it on web pages). */
export function RememberedPlacements() {
  const { placement } = usePopupStore();
  const id = useId();
  const list = placement.list.value;
  const error = placement.listError.value;
  const items = list?.placements ?? [];
  const busy = placement.listBusy.value;
  return (
    <section class="remembered" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('rememberedHeading')}</h2>
      {error && <ErrorAlert error={error} />}
      {list && items.length === 0 && <p class="note">{t('rememberedEmpty')}</p>}
      {items.length > 0 && (
        <ul class="remembered-list">
          {items.map((item) => (
            <li key={item.id} class="remembered-entry">
              <span id={`${id}-${item.id}`} class="remembered-text">
                {describe(item, list?.origin ?? '')}
              </span>
              <Button size="small" variant="quiet" busy={busy === item.id} aria-describedby={`${id}-${item.id}`} onClick={() => void placement.forget(item.id)}>
                {t('rememberedRemove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {items.some((item) => item.onThisPage) && (
        <Button size="small" variant="quiet" busy={busy === 'page'} onClick={() => void placement.forgetPage()}>
          {t('rememberedRemovePage')}
        </Button>
      )}
    </section>
  );
}

/** "Replace element · #pim-qr-slot · 240×240 px", with the page's path when it is another page of the site. */
function describe(item: RememberedPlacementView, origin: string): string {
  const parts = [t(MODE_LABELS[item.mode]), item.selector ?? '', formatPixels(Math.round(item.size.width), Math.round(item.size.height))];
  if (!item.onThisPage) parts.push(t('rememberedOtherPage', item.page.slice(origin.length) || '/'));
  return parts.filter(Boolean).join(' · ');
}
