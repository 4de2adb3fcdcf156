// "Scan this page" in the popup: a button until used. What scans and lists the page's codes
// (PageScan.tsx) loads then, so the popup's first load carries only the button.
import { signal } from '@preact/signals';
import { t } from '../shared/i18n';
import { Lazy } from './Lazy';
import { lazyPart } from './lazy-part';

/** Whether the scan list is open; its Close button closes it through this. */
export const scanOpen = signal(false);
const loadPageScan = lazyPart(() => import('./PageScan').then((m) => m.PageScan));

export function ScanAction() {
  if (scanOpen.value) return <Lazy load={loadPageScan} />;
  return (
    <button type="button" class="btn btn-secondary" onClick={() => (scanOpen.value = true)}>
      {t('scanPage')}
    </button>
  );
}
