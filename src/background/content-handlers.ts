// Payload checks for the content script's messages; the sender's tab and origin come from the
// browser (ContentSender), never from the payload.
import { PimError } from '../core/errors';
import type { PlacedInfo } from '../shared/placement-messages';
import type { ContentHandlers } from './content-router';
import { objectPayload, type Payload, requiredString } from './payload';
import { isSelector, validPin, validPoint, validSize } from './placement-store';
import type { PlacementChange, PlacementService } from './placement-service';

function placedInfo(value: unknown): PlacedInfo {
  const payload = objectPayload(value);
  const size = validSize(payload.size);
  if (!size) throw new PimError('malformed-field', { params: { field: 'size' } });
  const info: PlacedInfo = { id: requiredString(payload, 'id', 100), size };
  if (isSelector(payload.selector)) info.selector = payload.selector;
  const position = validPoint(payload.position);
  if (position) info.position = position;
  return info;
}

function change(payload: Payload): PlacementChange {
  const out: PlacementChange = {};
  const position = validPoint(payload.position);
  if (position) out.position = position;
  const size = validSize(payload.size);
  if (size) out.size = size;
  if (typeof payload.opacity === 'number' && payload.opacity >= 0.05 && payload.opacity <= 1) out.opacity = payload.opacity;
  if (payload.pin === null) out.pin = null;
  else {
    const pin = validPin(payload.pin);
    if (pin) out.pin = pin;
  }
  return out;
}

export function createContentHandlers(service: PlacementService): ContentHandlers {
  return {
    'content-bg-restore': async (raw, sender) => service.restore(sender, requiredString(objectPayload(raw), 'url')),
    'content-bg-picked': async (raw, sender) => {
      const payload = objectPayload(raw);
      const remembered = await service.picked(
        sender,
        requiredString(payload, 'url'),
        requiredString(payload, 'placementId', 100),
        placedInfo(payload.info),
      );
      return { remembered };
    },
    'content-bg-placement-update': async (raw, sender) => {
      const payload = objectPayload(raw);
      const updated = await service.update(sender, requiredString(payload, 'url'), requiredString(payload, 'id', 100), change(payload));
      return { updated };
    },
    'content-bg-placement-removed': async (raw, sender) => {
      const payload = objectPayload(raw);
      return { forgotten: await service.removedByUser(sender, requiredString(payload, 'url'), requiredString(payload, 'id', 100)) };
    },
  };
}
