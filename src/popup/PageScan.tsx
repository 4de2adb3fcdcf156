// "Scan this page": every QR code the page shows, read and measured, with a highlight on the page
// and a comparison with the QR generated last. Loads when first used, not with the popup. What the
// page scanner answers is checked (scan-checks.ts) before anything of it is shown, and shown as text.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { type CheckedScan as Scan, pageScan } from '../shared/contracts/scan-checks';
import { t } from '../shared/i18n';
import { SCAN_PORT_NAME } from '../shared/scan-messages';
import { Button } from '../ui/Button';
import { ErrorAlert } from '../ui/ErrorAlert';
import { type ErrorView, toErrorView } from '../ui/error-view';
import { ScanEntryItem } from './ScanEntry';
import { scanOpen } from './ScanAction';
import { usePopupStore } from './store';
import { TIMED_OUT, withinTimeLimit } from './time-limit';
import './page-scan.css';

/** Far more than a real page needs (each picture waits at most 3 s, all at once). */
export const SCAN_TIME_LIMIT_MS = 20_000;

type ScanState =
  | { phase: 'scanning' }
  | { phase: 'done'; tabId: number; scan: Scan }
  | { phase: 'failed'; error: ErrorView }
  | { phase: 'timed-out' };

/** While the list is open, the page scanner holds a port from this view: closing either removes the outline. */
function useLifeline(tabId: number | undefined) {
  useEffect(() => {
    if (tabId === undefined) return;
    let port: ReturnType<typeof browser.tabs.connect> | undefined;
    try {
      port = browser.tabs.connect(tabId, { name: SCAN_PORT_NAME, frameId: 0 });
    } catch (error) {
      console.warn('[popup] no port to the page scanner', error);
    }
    return () => port?.disconnect();
  }, [tabId]);
}

function Summary({ scan }: { scan: Scan }) {
  return (
    <>
      <p class="note" role="status">
        {scan.entries.length === 0 && scan.refused === 0 ? t('scanNone') : t('scanFound', scan.entries.length)}
      </p>
      {scan.refused > 0 && <p class="note">{t('scanRefused', scan.refused)}</p>}
      {scan.more > 0 && <p class="note">{t('scanMore', scan.more)}</p>}
      {scan.crossOriginFrames > 0 && <p class="note">{t('scanCrossOriginFrames', scan.crossOriginFrames)}</p>}
    </>
  );
}

export function PageScan() {
  const store = usePopupStore();
  const [state, setState] = useState<ScanState>({ phase: 'scanning' });
  const [chosen, setChosen] = useState<number | null>(null);
  const tabId = state.phase === 'done' ? state.tabId : undefined;
  useLifeline(tabId);

  async function scan() {
    setState({ phase: 'scanning' });
    setChosen(null);
    try {
      const asked = store.send('ui-bg-scan-page', store.page.tabId === undefined ? {} : { tabId: store.page.tabId });
      const answer = await withinTimeLimit(asked, SCAN_TIME_LIMIT_MS);
      if (answer === TIMED_OUT) {
        setState({ phase: 'timed-out' });
        return;
      }
      setState({ phase: 'done', tabId: answer.tabId, scan: pageScan(answer.scan) });
    } catch (error) {
      setState({ phase: 'failed', error: toErrorView(error) });
    }
  }
  useEffect(() => void scan(), []);

  return (
    <section class="scan" aria-labelledby="scan-heading" aria-busy={state.phase === 'scanning'}>
      <h2 id="scan-heading">{t('scanHeading')}</h2>
      {state.phase === 'scanning' && <p class="note">{t('scanning')}</p>}
      {state.phase === 'failed' && <ErrorAlert error={state.error} />}
      {state.phase === 'timed-out' && (
        <p class="note" role="alert">
          {t('scanTimedOut', SCAN_TIME_LIMIT_MS / 1000)}
        </p>
      )}
      {state.phase === 'done' && (
        <>
          <Summary scan={state.scan} />
          {state.scan.entries.length > 0 && (
            <ol class="scan-list">
              {state.scan.entries.map(({ entry, index }) => (
                <ScanEntryItem key={index} entry={entry} index={index} tabId={state.tabId} chosen={chosen === index} choose={setChosen} />
              ))}
            </ol>
          )}
        </>
      )}
      <div class="scan-actions">
        <Button onClick={() => void scan()} busy={state.phase === 'scanning'}>
          {t('scanAgain')}
        </Button>
        <Button variant="quiet" onClick={() => (scanOpen.value = false)}>
          {t('scanClose')}
        </Button>
      </div>
    </section>
  );
}
