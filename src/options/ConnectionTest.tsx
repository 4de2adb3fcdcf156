import { Button } from '../ui/Button';
import { ErrorAlert } from '../ui/ErrorAlert';
import { t } from '../shared/i18n';
import { StatusMessage } from '../ui/StatusMessage';
import { useOptionsStore } from './store';

/** Mints a fresh token with the stored credentials and says how it went. */
export function ConnectionTest() {
  const store = useOptionsStore();
  const connection = store.connection.value;
  const ok = connection.state === 'ok' ? connection.result : undefined;
  return (
    <div class="connection-test">
      <Button busy={connection.state === 'testing'} onClick={() => void store.testConnection()}>
        {t('testConnection')}
      </Button>
      <StatusMessage
        class="status-success"
        text={ok ? t('connectionOk', Math.round(ok.expiresInSeconds / 60), Math.round(ok.durationMs)) : ''}
      />
      {connection.state === 'error' && <ErrorAlert error={connection.error} />}
    </div>
  );
}
