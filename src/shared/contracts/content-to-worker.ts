// The content script → the worker: the narrow set a page script of ours may send, about the
// remembered placements of the page it is on. It never reaches credentials, generating or the log;
// the page it claims (`url`) is always checked against the origin the browser says it runs on.
// To add a message, declare it here; background/content-handlers.ts does not compile until it has a
// handler, and the content script calls it with `sendToBackground(name, payload)`.
import { type Contract, message } from '../contract';
import { ID_MAX_CHARS } from '../limits';
import { objectPayload, requiredString } from '../payload';
import type { PlacedInfo, PlacementChange, PlacementSpec } from '../placement-messages';
import { placedInfo, placementChange } from './placement-checks';

const pageOf = (raw: unknown) => ({ url: requiredString(objectPayload(raw), 'url') });
const placementOf = (raw: unknown) => {
  const payload = objectPayload(raw);
  return { url: requiredString(payload, 'url'), id: requiredString(payload, 'id', ID_MAX_CHARS) };
};

export const contentToWorker = {
  /** Remembered placements for the page the content script is on now (`url`: its location.href). */
  'content-bg-restore': message(pageOf).answers<PlacementSpec[]>(),
  /** The user chose the element for a placement the popup asked to remember. */
  'content-bg-picked': message((raw): { url: string; placementId: string; info: PlacedInfo } => {
    const payload = objectPayload(raw);
    return { url: requiredString(payload, 'url'), placementId: requiredString(payload, 'placementId', ID_MAX_CHARS), info: placedInfo(payload.info) };
  }).answers<{ remembered: boolean }>(),
  /** The user moved, resized, pinned or faded a remembered placement. */
  'content-bg-placement-update': message((raw): { url: string; id: string } & PlacementChange => ({
    ...placementOf(raw),
    ...placementChange(objectPayload(raw)),
  })).answers<{ updated: boolean }>(),
  /** The user removed a remembered placement with its own "Remove QR" button. */
  'content-bg-placement-removed': message(placementOf).answers<{ forgotten: boolean }>(),
} satisfies Contract;

export type ContentToWorker = typeof contentToWorker;
