import { useRef } from 'preact/hooks';
import { Button } from '../ui/Button';
import { t } from '../shared/i18n';
import { QrParamFields } from '../ui/QrParamFields';
import { GenerateFeedback } from './GenerateFeedback';
import { usePopupStore } from './store';

/** The parameters and Generate (Enter submits); while waiting, a busy state and Cancel. */
export function QrForm() {
  const store = usePopupStore();
  const formRef = useRef<HTMLFormElement>(null);
  const busy = store.generation.value.state === 'busy';
  const production = store.environment.value?.kind === 'production';

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (store.generate()) return;
    // Wait for the errors to render, then take the user to the first one.
    setTimeout(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid?.matches('fieldset') ? invalid.querySelector<HTMLElement>('input') : invalid)?.focus();
    });
  };

  return (
    <form ref={formRef} class="qr-form" noValidate onSubmit={onSubmit} aria-busy={busy ? 'true' : undefined}>
      <QrParamFields form={store.form} />
      <div class="form-actions">
        <Button type="submit" variant={production ? 'danger' : 'primary'} busy={busy}>
          {t('generate')}
        </Button>
        {busy && <Button onClick={store.cancel}>{t('cancel')}</Button>}
        {production && <span class="production-note">{t('productionWarning')}</span>}
      </div>
      <GenerateFeedback />
    </form>
  );
}
