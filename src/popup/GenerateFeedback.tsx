import { Button } from '../ui/Button';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fixedInOptions } from '../ui/error-view';
import { t } from '../shared/i18n';
import { usePopupStore } from './store';

/** What became of the last Generate: cancelled, or an error with what to do about it. */
export function GenerateFeedback() {
  const store = usePopupStore();
  const generation = store.generation.value;
  if (generation.state === 'cancelled') return <p class="note">{t('generateCancelled')}</p>;
  if (generation.state !== 'error') return null;
  const { error } = generation;
  return (
    <ErrorAlert
      error={error}
      action={
        fixedInOptions(error.code) ? (
          <Button size="small" onClick={() => void store.openOptions()}>
            {t('openOptions')}
          </Button>
        ) : undefined
      }
    />
  );
}
