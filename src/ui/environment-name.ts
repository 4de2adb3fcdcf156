// Built-in environments are named in the user's language; the user's own keep the name they typed;
// one a browser policy sets says so wherever it is named or picked.
import type { EnvironmentKind } from '../core/environments';
import { t } from '../shared/i18n';

export function environmentName(environment: { kind: EnvironmentKind; name: string; managed?: true }): string {
  if (environment.managed) return t('envNameManaged', environment.name);
  if (environment.kind === 'sandbox') return t('envNameSandbox');
  if (environment.kind === 'production') return t('envNameProduction');
  return environment.name;
}
