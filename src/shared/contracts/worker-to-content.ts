// The worker → the content script (tabs.sendMessage): draw, pick, remove, tell. The content script
// answers only this extension, and checks each payload like any other receiver.
// To add a message, declare it here; the content script's handler map (content/tab-handlers.ts)
// does not compile until it has a handler, and the worker sends it through its TabPort.
import { type Contract, message } from '../contract';
import { ID_MAX_CHARS } from '../limits';
import { bad, noPayload, objectPayload, optionalFlag, requiredString, stringList } from '../payload';
import type { ContextTargetHints, PlacedInfo, PlacementOrder } from '../placement-messages';
import { contextHints, placementOrder } from './placement-checks';

export const workerToContent = {
  /** Is a controller listening in this frame? */
  'bg-content-ping': message(noPayload).answers<{ ready: true }>(),
  'bg-content-place': message(placementOrder).answers<PlacedInfo>(),
  /** The user picks the element; the QR appears after the click. */
  'bg-content-pick': message(placementOrder).answers<{ picking: true }>(),
  /** 'over': floating and pinned over the right-clicked element; 'replace': in its place. */
  'bg-content-place-at-context-target': message((raw): { spec: PlacementOrder; how: 'over' | 'replace'; hints: ContextTargetHints } => {
    const payload = objectPayload(raw);
    if (payload.how !== 'over' && payload.how !== 'replace') throw bad('how');
    return { spec: placementOrder(payload.spec), how: payload.how, hints: contextHints(payload.hints) };
  }).answers<{ placed: boolean; picking: boolean }>(),
  'bg-content-remove': message((raw) => ({ ids: stringList(objectPayload(raw), 'ids', ID_MAX_CHARS) })).answers<{ removed: number }>(),
  /** Hides (or shows again) what PiM QR draws around its QR codes, while the tab is captured. */
  'bg-content-own-ui': message((raw) => ({ hidden: optionalFlag(objectPayload(raw), 'hidden') })).answers<{ hidden: boolean }>(),
  'bg-content-notice': message((raw) => ({ text: requiredString(objectPayload(raw), 'text') })).answers<{ shown: true }>(),
} satisfies Contract;

export type WorkerToContent = typeof workerToContent;
