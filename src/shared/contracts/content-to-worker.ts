// The content script → the worker: the narrow set a page script of ours may send, about the
// remembered placements of the page it is on. It never reaches credentials, generating or the log;
// the page it claims (`url`) is always checked against the origin the browser says it runs on.
// To add a message, declare it here; background/content-handlers.ts does not compile until it has a
// handler, and the content script calls it with `sendToBackground(name, payload)`.
import { isPlainErrorCode, type PlainErrorCode } from '../../core/error-codes';
import { type Contract, message } from '../contract';
import { ID_MAX_CHARS } from '../limits';
import { bad, objectPayload, requiredString } from '../payload';
import type { PlacedInfo, PlacementChange, PlacementSpec } from '../placement-messages';
import { isSelector } from '../placement-shapes';
import { placedInfo, placementChange } from './placement-checks';

const pageOf = (raw: unknown) => ({ url: requiredString(objectPayload(raw), 'url') });
const placementOf = (raw: unknown) => {
  const payload = objectPayload(raw);
  return { url: requiredString(payload, 'url'), id: requiredString(payload, 'id', ID_MAX_CHARS) };
};

/** Where a pick went: the page, the pick's placement id, the selector of the chosen element, and what was placed. */
export function pickedReport(raw: unknown): { url: string; placementId: string; selector: string; info: PlacedInfo } {
  const payload = objectPayload(raw);
  const url = requiredString(payload, 'url');
  const placementId = requiredString(payload, 'placementId', ID_MAX_CHARS);
  if (!isSelector(payload.selector)) throw bad('selector');
  return { url, placementId, selector: payload.selector, info: placedInfo(payload.info) };
}

/** A pick that placed nothing: the pick's placement id and the error's code, one whose words need no values. */
export function pickFailedReport(raw: unknown): { placementId: string; code: PlainErrorCode } {
  const payload = objectPayload(raw);
  const placementId = requiredString(payload, 'placementId', ID_MAX_CHARS);
  if (!isPlainErrorCode(payload.code)) throw bad('code');
  return { placementId, code: payload.code };
}

export const contentToWorker = {
  /** Remembered placements for the page the content script is on now (`url`: its location.href). */
  'content-bg-restore': message(pageOf).answers<PlacementSpec[]>(),
  /**
   * The user chose the element of a pick the worker started: the QR is on it, `selector` names it.
   * The popup and side panel show it; remembered when the popup asked to remember the placement.
   */
  'content-bg-picked': message(pickedReport).answers<{ remembered: boolean }>(),
  /** The user cancelled a pick the worker started (Esc). */
  'content-bg-pick-cancelled': message((raw) => ({ placementId: requiredString(objectPayload(raw), 'placementId', ID_MAX_CHARS) })).answers<{
    recorded: boolean;
  }>(),
  /** The user chose an element, but the QR could not go there: `code` says why (the page showed it too). */
  'content-bg-pick-failed': message(pickFailedReport).answers<{ recorded: boolean }>(),
  /** The user moved, resized, pinned or faded a remembered placement. */
  'content-bg-placement-update': message((raw): { url: string; id: string } & PlacementChange => ({
    ...placementOf(raw),
    ...placementChange(objectPayload(raw)),
  })).answers<{ updated: boolean }>(),
  /** The user removed a remembered placement with its own "Remove QR" button. */
  'content-bg-placement-removed': message(placementOf).answers<{ forgotten: boolean }>(),
} satisfies Contract;

export type ContentToWorker = typeof contentToWorker;
