import type { EnvironmentKind } from '../core/environments';
import { t } from '../shared/i18n';

export interface EnvironmentBadgeProps {
  kind: EnvironmentKind;
  /** Set by a browser policy: not the user's own, so not "custom". */
  managed?: true | undefined;
}

/** Production is red on purpose: a QR for real users should never be made by accident. */
export function EnvironmentBadge({ kind, managed }: EnvironmentBadgeProps) {
  const text = kind === 'production' ? t('badgeProduction') : kind === 'sandbox' ? t('badgeSandbox') : managed ? t('badgeManaged') : t('badgeCustom');
  return <span class={`badge badge-${kind}`}>{text}</span>;
}
