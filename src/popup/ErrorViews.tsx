// The popup's error alerts, with what words an error: loaded with the first error to show, not with the
// popup (GenerateFeedback.tsx, App.tsx), so its first load stays small.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { Button } from '../ui/Button';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fixedInOptions } from '../ui/error-view';
import { usePopupStore } from './store';

/**
 * What became of the last Generate: cancelled, or an error with what to do about it. A Generate
 * started here that failed takes focus to the error, so the reader hears it and can act on it.
 */
export function GenerateOutcome() {
  const store = usePopupStore();
  const generation = store.generation.value;
  const alert = useRef<HTMLDivElement>(null);
  const focusHere = store.generateEnded.value === 'error' && generation.state === 'error';
  useEffect(() => {
    if (!focusHere || !alert.current) return;
    alert.current.focus();
    store.generateEnded.value = null;
  }, [focusHere, generation]);
  if (generation.state === 'cancelled') return <p class="note">{t('generateCancelled')}</p>;
  if (generation.state !== 'error') return null;
  const { error } = generation;
  return (
    <ErrorAlert
      error={error}
      focusRef={alert}
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

/** Why the popup could not get its settings from the worker. */
export function ProblemAlert() {
  const problem = usePopupStore().problem.value;
  return problem ? <ErrorAlert error={problem} /> : null;
}
