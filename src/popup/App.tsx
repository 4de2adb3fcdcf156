import { useEffect } from 'preact/hooks';
import { t } from '../shared/i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import { StatusMessage } from '../ui/StatusMessage';
import { Header } from './Header';
import { HistoryList, RequestLog } from './Lists';
import { QrForm } from './QrForm';
import { RememberedPlacements } from './RememberedPlacements';
import { ResultPanel } from './ResultPanel';
import { usePopupStore } from './store';

/** The popup (and the same page in a tab or the side panel). */
export function App() {
  const store = usePopupStore();
  const ready = store.ready.value;
  // `npm run bench` reads this mark: the form has rendered and is interactive (ready turns true once).
  useEffect(() => {
    if (ready) performance.mark('pim-qr-form-ready');
  }, [ready]);
  if (!store.ready.value) {
    return (
      <main class="page" aria-busy="true">
        <p class="note">{t('loading')}</p>
      </main>
    );
  }
  return (
    <main class="page">
      <Header />
      {store.notice.value && <p class="alert alert-info">{store.notice.value}</p>}
      {store.problem.value && <ErrorAlert error={store.problem.value} />}
      <QrForm />
      <ResultPanel />
      <RememberedPlacements />
      <HistoryList />
      <RequestLog />
      <StatusMessage text={store.announcement.value} class="toast" />
    </main>
  );
}
