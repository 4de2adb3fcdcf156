import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { t } from '../ui/i18n';
import { useOptionsStore } from './store';

/** Client ID and a write-only secret: the page learns only whether one is set and (16 characters or more) its last 4. */
export function CredentialsFields() {
  const store = useOptionsStore();
  const { editor } = store;
  if (editor.kind.value === 'sandbox') return <p class="note">{t('sandboxNeedsNoCredentials')}</p>;
  const stored = store.selected.value;
  const secretDescription = !stored?.secretSet
    ? t('secretNotSet')
    : stored.secretHint
      ? t('secretSetWithHint', stored.secretHint)
      : t('secretSet');
  return (
    <div class="credentials">
      <Field
        label={t('fieldClientId')}
        value={editor.clientId}
        autoComplete="off"
        onBlur={() => editor.touch('clientId')}
        error={editor.errorFor('clientId')}
      />
      <Field
        label={t('fieldClientSecret')}
        type="password"
        value={editor.clientSecret}
        autoComplete="new-password"
        description={secretDescription}
      />
      {stored && (stored.secretSet || stored.clientId) && (
        <div>
          <Button size="small" variant="quiet" onClick={() => void store.clearCredentials()}>
            {t('clearCredentials')}
          </Button>
        </div>
      )}
    </div>
  );
}
