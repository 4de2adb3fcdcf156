import type { PlacementMode } from '../shared/placement-messages';
import type { MessageKey } from '../shared/i18n';

/** The words for each placement mode, in the controls and in the list of remembered placements. */
export const MODE_LABELS: Readonly<Record<PlacementMode, MessageKey>> = {
  floating: 'placementFloating',
  replace: 'placementReplace',
  inside: 'placementInside',
};
