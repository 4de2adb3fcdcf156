import { useLayoutEffect } from 'preact/hooks';
import { ErrorAlert } from '../ui/ErrorAlert';
import { markFramePainting } from '../ui/paint-mark';
import { t } from '../shared/i18n';
import { DefaultsForm } from './DefaultsForm';
import { EnvironmentEditor } from './EnvironmentEditor';
import { EnvironmentList } from './EnvironmentList';
import { ManagedRefusals } from './ManagedRefusals';
import { SetupShare } from './SetupShare';
import { useOptionsStore } from './store';

/** The options page: environments and credentials, the form's defaults, then sharing all of it. */
export function App() {
  const store = useOptionsStore();
  const ready = store.ready.value;
  // `npm run bench` reads this mark: the page is shown, not "Loading…" (ready turns true once).
  useLayoutEffect(() => {
    if (ready) markFramePainting('pim-qr-options-ready');
  }, [ready]);
  if (!ready) {
    return (
      <main class="options" aria-busy="true">
        <p class="note">{t('loading')}</p>
      </main>
    );
  }
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {store.problem.value && <ErrorAlert error={store.problem.value} />}
      <ManagedRefusals />
      <section class="environments" aria-labelledby="environments-heading">
        <h2 id="environments-heading" class="visually-hidden">
          {t('environmentsHeading')}
        </h2>
        <EnvironmentList />
        <EnvironmentEditor key={store.editorSession.value} />
      </section>
      <DefaultsForm />
      <SetupShare />
    </main>
  );
}
