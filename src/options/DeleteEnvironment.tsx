import { useState } from 'preact/hooks';
import { Button } from '../ui/Button';
import { t } from '../shared/i18n';
import { useOptionsStore } from './store';

/** Delete, with an inline confirmation: the credentials go with the environment. */
export function DeleteEnvironment() {
  const store = useOptionsStore();
  const [confirming, setConfirming] = useState(false);
  const environment = store.selected.value;
  if (!environment || environment.builtIn || environment.managed) return null;
  if (!confirming) {
    return (
      <Button variant="quiet" onClick={() => setConfirming(true)}>
        {t('deleteEnvironment')}
      </Button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label={t('deleteEnvironment')}>
      <span>{t('deleteConfirm', environment.name)}</span>
      <Button variant="danger" size="small" onClick={() => void store.remove().then(() => setConfirming(false))}>
        {t('deleteConfirmYes')}
      </Button>
      <Button size="small" onClick={() => setConfirming(false)}>
        {t('cancel')}
      </Button>
    </div>
  );
}
