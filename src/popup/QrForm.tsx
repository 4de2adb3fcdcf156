import { useRef } from 'preact/hooks';
import { Button } from '../ui/Button';
import { t } from '../shared/i18n';
import { QrParamFields } from '../ui/QrParamFields';
import { GenerateFeedback } from './GenerateFeedback';
import { fetchResultParts } from './ResultPanel';
import { usePopupStore } from './store';

/** ⌘ on macOS, Ctrl elsewhere: the modifier the shortcut hint names. Both keys work everywhere. */
const SHORTCUT_MODIFIER = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/**
 * The parameters and Generate (Enter submits from a text field; Ctrl+Enter or ⌘+Enter from anywhere
 * in the form); while waiting, a busy state and Cancel.
 */
export function QrForm() {
  const store = usePopupStore();
  const formRef = useRef<HTMLFormElement>(null);
  const busy = store.generation.value.state === 'busy';
  const production = store.environment.value?.kind === 'production';

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (store.generate()) {
      fetchResultParts();
      return;
    }
    // Wait for the errors to render, then take the user to the first one.
    setTimeout(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid?.matches('fieldset') ? invalid.querySelector<HTMLElement>('input') : invalid)?.focus();
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) onSubmit(event);
  };

  return (
    <form ref={formRef} class="qr-form" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} aria-busy={busy ? 'true' : undefined}>
      <QrParamFields form={store.form} />
      <div class="form-actions">
        <Button type="submit" variant={production ? 'danger' : 'primary'} busy={busy} aria-describedby="generate-shortcut">
          {t('generate')}
        </Button>
        <span id="generate-shortcut" class="shortcut-hint">
          {t('generateShortcut', SHORTCUT_MODIFIER)}
        </span>
        {busy && <Button onClick={store.cancel}>{t('cancel')}</Button>}
        {production && <span class="production-note">{t('productionWarning')}</span>}
      </div>
      <GenerateFeedback />
    </form>
  );
}
