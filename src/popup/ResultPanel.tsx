import { t } from '../shared/i18n';
import { fetchWhenIdle, Lazy } from './Lazy';
import { loadSanitizer } from './load-sanitizer';
import { loadExports } from './result-state';
import { usePopupStore } from './store';
import { lazyPart } from './lazy-part';

// A popup opens without a result: what shows one, and acts on it, is fetched once the form is
// interactive and the popup idle, so the first result neither waits for it nor slows the opening.
const loadShownResult = lazyPart(() => import('./ShownResult').then((m) => m.ShownResult));

export function fetchResultPartsWhenIdle(): void {
  fetchWhenIdle([loadShownResult, loadSanitizer, loadExports]);
}

/** Fetches them now: a Generate clicked before the popup was idle waits a round trip to the API, time enough to fetch them. */
export function fetchResultParts(): void {
  void Promise.all([loadShownResult(), loadSanitizer(), loadExports()]).catch(() => undefined);
}

/** The last QR and what to do with it, or a note that there is none yet. */
export function ResultPanel() {
  if (!usePopupStore().result.result.value) return <p class="note result-empty">{t('resultEmpty')}</p>;
  return <Lazy load={loadShownResult} />;
}
