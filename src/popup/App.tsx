import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { markFramePainting } from '../ui/paint-mark';
import { StatusMessage } from '../ui/StatusMessage';
import { Header } from './Header';
import { fetchWhenIdle, Lazy } from './Lazy';
import { loadGenerateOutcome } from './GenerateFeedback';
import { HistoryList, RequestLog } from './Lists';
import { PickStatus } from './PickStatus';
import { QrForm } from './QrForm';
import { fetchResultPartsWhenIdle, ResultPanel } from './ResultPanel';
import { ScanAction } from './ScanAction';
import { usePopupStore } from './store';
import { lazyPart } from './lazy-part';

// Only a session that calls an environment which asks first needs the dialog.
const loadFirstCallDialog = lazyPart(() => import('./FirstCallDialog').then((m) => m.FirstCallDialog));
// Only web pages can remember placements, and the list arrives after the form anyway.
const loadRemembered = lazyPart(() => import('./RememberedPlacements').then((m) => m.RememberedPlacements));
const loadProblemAlert = lazyPart(() => import('./ErrorViews').then((m) => m.ProblemAlert));

/**
 * A live region from the start, so a screen reader hears a notice that comes later (an environment
 * deleted elsewhere); a new notice is scrolled into view, as the popup may be scrolled down by then.
 */
function PageNotice({ text }: { text: string }) {
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (text) region.current?.scrollIntoView({ block: 'nearest' });
  }, [text]);
  return (
    <div ref={region} aria-live="polite" class="page-notice">
      {text && <p class="alert alert-info">{text}</p>}
    </div>
  );
}

function Remembered() {
  const { placement } = usePopupStore();
  if (!placement.list.value?.origin && !placement.listError.value) return null;
  return <Lazy load={loadRemembered} />;
}

/**
 * The popup (and the same page in a tab or the side panel). The result has a column of its own that
 * stays in view in the wide popup, and comes right under the header in the narrow side panel; the
 * status line sits below the scrolling page, so it never covers what it reports on.
 */
export function App() {
  const store = usePopupStore();
  const ready = store.ready.value;
  // `npm run bench` reads this mark: the form is on screen and interactive (ready turns true once).
  useLayoutEffect(() => {
    if (ready) markFramePainting('pim-qr-form-ready');
  }, [ready]);
  useEffect(() => {
    if (!ready) return;
    fetchResultPartsWhenIdle();
    // Left out of the first paint, the remembered placements and the error alerts are fetched too, so
    // neither waits for its files when it is first shown.
    fetchWhenIdle([loadRemembered, loadGenerateOutcome]);
  }, [ready]);
  if (!store.ready.value) {
    return (
      <main class="page" aria-busy="true">
        <p class="note">{t('loading')}</p>
      </main>
    );
  }
  return (
    <>
      <main class="page">
        <div class="page-head">
          <Header />
          <PageNotice text={store.notice.value} />
          {store.problem.value && <Lazy load={loadProblemAlert} />}
        </div>
        <div class="page-result">
          <PickStatus />
          <ResultPanel />
        </div>
        <div class="page-form">
          <QrForm />
          <Remembered />
          <ScanAction />
          <HistoryList />
          <RequestLog />
        </div>
      </main>
      <StatusMessage text={store.announcement.value} class="status-bar" />
      {store.firstCall.asked() && <Lazy load={loadFirstCallDialog} />}
    </>
  );
}
