// Built-in environments are named in the user's language; the user's own keep the name they typed.
import type { EnvironmentKind } from '../core/environments';
import { t } from '../shared/i18n';

export function environmentName(environment: { kind: EnvironmentKind; name: string }): string {
  if (environment.kind === 'sandbox') return t('envNameSandbox');
  if (environment.kind === 'production') return t('envNameProduction');
  return environment.name;
}
