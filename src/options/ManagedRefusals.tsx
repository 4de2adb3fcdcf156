import type { ManagedRefusal } from '../core/managed-environments';
import { t } from '../shared/i18n';
import { environmentErrorText, environmentFieldLabel } from './environment-error-text';
import { useOptionsStore } from './store';

/**
 * The browser policy's environments the extension could not use, each with its reason (the others are in
 * the list), and the entries whose client secret was ignored.
 */
export function ManagedRefusals() {
  const store = useOptionsStore();
  const refused = store.managedRefused.value;
  const secretsIgnored = store.managedSecretsIgnored.value;
  if (refused.length === 0 && secretsIgnored.length === 0) return null;
  return (
    <div role="alert" class="alert alert-warning managed-refused">
      {refused.length > 0 && <p>{t('managedRefusedHeading')}</p>}
      <ul>
        {refused.map((refusal) => (
          <li key={refusal.entry}>{t('importRefused', managedLabel(refusal), managedReason(refusal))}</li>
        ))}
        {secretsIgnored.map((ignored) => (
          <li key={`secret-${ignored.entry}`}>{t('managedSecretIgnored', managedLabel(ignored))}</li>
        ))}
      </ul>
    </div>
  );
}

function managedLabel({ entry, name }: { entry: number; name: unknown }): string {
  return typeof name === 'string' && name.trim() !== ''
    ? t('managedEnvironmentNamed', entry, [...name.trim()].slice(0, 60).join(''))
    : t('managedEnvironmentNumbered', entry);
}

export function managedReason(refusal: ManagedRefusal): string {
  if (refusal.code === 'not-text') return t('managedNotText', environmentFieldLabel(refusal.field));
  // Any field of a policy entry, not only the name the form's own message speaks of.
  if (refusal.code === 'hidden-characters') return t('managedHiddenCharacters', environmentFieldLabel(refusal.field));
  if (refusal.code === 'markup') return t('managedMarkup', environmentFieldLabel(refusal.field));
  if (refusal.field === 'clientId') return t('errRequired', environmentFieldLabel('clientId'));
  return environmentErrorText(refusal.field, refusal, typeof refusal.name === 'string' ? refusal.name : '');
}
