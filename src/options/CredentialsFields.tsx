import { useId } from 'preact/hooks';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { t } from '../shared/i18n';
import { useOptionsStore } from './store';

/** Client ID and a write-only secret: the page learns only whether one is set and (16 characters or more) its last 4. */
export function CredentialsFields() {
  const store = useOptionsStore();
  const warningId = useId();
  const { editor } = store;
  if (editor.kind.value === 'sandbox') return <p class="note">{t('sandboxNeedsNoCredentials')}</p>;
  const stored = store.selected.value;
  const binding = editor.secretBindingChange.value;
  const warnings = [
    binding.origin !== undefined ? t('secretBoundToOrigin', binding.origin) : '',
    binding.clientId !== undefined ? t('secretBoundToClientId', binding.clientId) : '',
  ].filter(Boolean);
  // While a warning applies, "leave empty to keep it" would no longer be true: the warning replaces it.
  const secretDescription =
    warnings.length > 0
      ? undefined
      : !stored?.secretSet
        ? t('secretNotSet')
        : stored.secretHint
          ? t('secretSetWithHint', stored.secretHint)
          : t('secretSet');
  return (
    <div class="credentials">
      <Field
        label={t('fieldClientId')}
        value={editor.clientId}
        readOnly={editor.managed.value}
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
        describedBy={warnings.length > 0 ? warningId : undefined}
      />
      {/* Stays in the page so screen readers hear the warning when it appears. */}
      <div role="status">
        {warnings.length > 0 && (
          <div id={warningId} class="alert alert-warning">
            {warnings.map((warning) => (
              <p key={warning}>{warning}</p>
            ))}
          </div>
        )}
      </div>
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
