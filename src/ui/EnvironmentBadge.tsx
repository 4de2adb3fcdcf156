import type { EnvironmentKind } from '../core/environments';
import { t } from '../shared/i18n';

export interface EnvironmentBadgeProps {
  kind: EnvironmentKind;
}

/** Production is red on purpose: a QR for real users should never be made by accident. */
export function EnvironmentBadge({ kind }: EnvironmentBadgeProps) {
  const text = kind === 'production' ? t('badgeProduction') : kind === 'sandbox' ? t('badgeSandbox') : t('badgeCustom');
  return <span class={`badge badge-${kind}`}>{text}</span>;
}
