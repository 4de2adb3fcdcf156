import { Button } from '../ui/Button';
import { ErrorAlert } from '../ui/ErrorAlert';
import { t } from '../shared/i18n';
import { StatusMessage } from '../ui/StatusMessage';
import { useOptionsStore } from './store';

/** Mints a fresh token with what the form holds, unsaved. Its outcome is shown below the button row. */
export function ConnectionTestButton() {
  const store = useOptionsStore();
  return (
    <Button busy={store.connection.value.state === 'testing'} onClick={store.testConnection}>
      {t('testConnection')}
    </Button>
  );
}

/** Under the buttons, so a long error never pushes them apart. */
export function ConnectionTestOutcome() {
  const connection = useOptionsStore().connection.value;
  const ok = connection.state === 'ok' ? connection : undefined;
  const text = ok
    ? [
        t('connectionOk', Math.round(ok.result.expiresInSeconds / 60), Math.round(ok.result.durationMs)),
        ok.unsaved ? t('connectionTestedUnsaved') : '',
      ]
        .filter(Boolean)
        .join(' ')
    : '';
  return (
    <div class="connection-outcome">
      <StatusMessage class="status-success" text={text} />
      {connection.state === 'error' && <ErrorAlert error={connection.error} />}
    </div>
  );
}
