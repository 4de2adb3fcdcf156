// The words of each placement mode, for the placement controls and the list of remembered placements.
import type { PlacementMode } from '../shared/placement-messages';
import type { MessageKey } from '../shared/i18n';

export const MODE_LABELS: Readonly<Record<PlacementMode, MessageKey>> = {
  floating: 'placementFloating',
  replace: 'placementReplace',
  inside: 'placementInside',
};
