import { t } from '../shared/i18n';
import { Lazy } from './Lazy';
import { usePopupStore } from './store';

// A popup opens without a result: what shows one, and acts on it, arrives with the first result.
const loadShownResult = () => import('./ShownResult').then((m) => m.ShownResult);

/** The last QR and what to do with it, or a note that there is none yet. */
export function ResultPanel() {
  if (!usePopupStore().result.result.value) return <p class="note result-empty">{t('resultEmpty')}</p>;
  return <Lazy load={loadShownResult} />;
}
