// Extension pages (popup, side panel, Firefox sidebar, options) → the worker: every message they may
// send, its payload check, and its answer. Only the extension's own pages, top frame, get an answer
// (background/sender.ts). To add a message, declare it here; background/ui-handlers.ts does not
// compile until it has a handler, and pages call it with `send(name, payload)`.
import type { CopyableCalls } from '../../core/api-calls';
import type { Quota } from '../../core/quota';
import type { RequestLogEntry } from '../../core/request-log';
import { type Contract, message, type NameOf, type RequestOf, type ResponseOf } from '../contract';
import { ID_MAX_CHARS, SCAN_ENTRIES_MAX } from '../limits';
import type { ConnectionTestResult, EnvironmentView, GenerateAnswer, HistoryItem, SettingsView } from '../messages';
import { bad, indexOrNull, noPayload, objectPayload, optionalFlag, optionalObjectPayload, optionalString, optionalTabId, requiredString } from '../payload';
import type { PageScreenshot, PlaceResult, RememberedPlacementList } from '../placement-messages';
import { type RememberedPlacement, validatePlacement } from '../remembered-placement-shape';
import { placeRequest } from './placement-checks';
import { connectionTestForm, credentialsInput, environmentInput, generateRequest, settingsChange } from './ui-checks';

const environmentId = (raw: unknown) => ({ environmentId: requiredString(objectPayload(raw), 'environmentId') });
const tabOnly = (raw: unknown) => {
  const tabId = optionalTabId(optionalObjectPayload(raw));
  return tabId === undefined ? {} : { tabId };
};
const rememberedPlacement = (raw: unknown): RememberedPlacement => {
  const placement = validatePlacement(raw);
  if (!placement) throw bad('placement');
  return placement;
};

export const uiToWorker = {
  'ui-bg-settings-get': message(noPayload).answers<SettingsView>(),
  'ui-bg-settings-save': message(settingsChange).answers<SettingsView>(),
  'ui-bg-environments-list': message(noPayload).answers<EnvironmentView[]>(),
  /**
   * What a popup with no snapshot paints first: the settings and environments without the browser
   * policy's, which Chromium first reads seconds after it starts. The two answers above follow.
   */
  'ui-bg-first-paint': message(noPayload).answers<{ settings: SettingsView; environments: EnvironmentView[] }>(),
  'ui-bg-environment-save': message(environmentInput).answers<EnvironmentView>(),
  'ui-bg-environment-delete': message((raw) => ({ id: requiredString(objectPayload(raw), 'id') })).answers<EnvironmentView[]>(),
  'ui-bg-credentials-set': message(credentialsInput).answers<EnvironmentView>(),
  'ui-bg-credentials-clear': message(environmentId).answers<EnvironmentView>(),
  /**
   * Mints a fresh token with what the Options form holds, saving none of it; a stored secret is used
   * only for the origin and client ID it was saved for (background/connection-test.ts).
   */
  'ui-bg-connection-test': message(connectionTestForm).answers<ConnectionTestResult>(),
  'ui-bg-generate': message(generateRequest).answers<GenerateAnswer>(),
  'ui-bg-generate-cancel': message((raw) => ({ requestId: requiredString(objectPayload(raw), 'requestId', ID_MAX_CHARS) })).answers<{
    cancelled: boolean;
  }>(),
  'ui-bg-history-get': message(noPayload).answers<HistoryItem[]>(),
  'ui-bg-history-clear': message(noPayload).answers<HistoryItem[]>(),
  /** Deletes one history entry; answers the history left. */
  'ui-bg-history-delete': message((raw) => ({ id: requiredString(objectPayload(raw), 'id', ID_MAX_CHARS) })).answers<HistoryItem[]>(),
  /** The latest quota figures KPN reported for the environment; null before any answer had them. */
  'ui-bg-quota-get': message(environmentId).answers<Quota | null>(),
  'ui-bg-log-get': message(noPayload).answers<RequestLogEntry[]>(),
  'ui-bg-log-clear': message(noPayload).answers<RequestLogEntry[]>(),
  /**
   * The latest image call, or the given log entry, with its token call: what pages write as cURL or
   * code. `program`: the notes speak of one program, not of shell commands.
   */
  'ui-bg-calls-get': message((raw) => {
    const payload = optionalObjectPayload(raw);
    const logEntryId = optionalString(payload, 'logEntryId', ID_MAX_CHARS);
    return { ...(logEntryId === undefined ? {} : { logEntryId }), ...(optionalFlag(payload, 'program') ? { program: true } : {}) };
  }).answers<CopyableCalls>(),
  /**
   * Places a QR in a tab (the given one, or the active tab of the last focused window): floating,
   * in place of an element or inside one, by selector or picked in the page, remembered or not.
   */
  'ui-bg-place': message(placeRequest).answers<PlaceResult>(),
  /**
   * Remembered placements of the tab's site (origin), each marked whether it is for the page shown now,
   * and how the tab's last "Pick an element" went.
   */
  'ui-bg-placements-list': message(tabOnly).answers<RememberedPlacementList>(),
  /** Every remembered placement of every site, SVG included: what Options exports. */
  'ui-bg-placements-all': message(noPayload).answers<RememberedPlacement[]>(),
  /** Remembers a placement from an imported set-up file, unless one with its id is remembered already. */
  'ui-bg-placement-take': message(rememberedPlacement).answers<{ taken: boolean }>(),
  /** Forgets one remembered placement (and takes it off the tab); answers the tab's updated list. */
  'ui-bg-placement-forget': message((raw) => {
    const payload = objectPayload(raw);
    return { id: requiredString(payload, 'id', ID_MAX_CHARS), ...tabOnly(payload) };
  }).answers<RememberedPlacementList>(),
  /**
   * "Screenshot page": the visible part of the tab (the given one, or the active tab of the last
   * focused window) as a PNG data URL, without PiM QR's own controls, and the page's address.
   */
  'ui-bg-screenshot': message(tabOnly).answers<PageScreenshot>(),
  /** Forgets every remembered placement of the tab's page (origin + path); answers the updated list. */
  'ui-bg-placements-forget-page': message(tabOnly).answers<RememberedPlacementList>(),
  /**
   * Injects the page scanner into the tab (as "Insert into page" injects the content script) and
   * answers the tab scanned and the scanner's report, unchecked: the view checks it (scan-checks.ts).
   */
  'ui-bg-scan-page': message(tabOnly).answers<{ tabId: number; scan: unknown }>(),
  /** Outlines an entry of the tab's last scan in the page (null: removes the outline). */
  'ui-bg-scan-highlight': message((raw) => {
    const payload = objectPayload(raw);
    const tabId = optionalTabId(payload);
    if (tabId === undefined) throw bad('tabId');
    return { tabId, index: indexOrNull(payload, 'index', SCAN_ENTRIES_MAX) };
  }).answers<unknown>(),
} satisfies Contract;

export type UiToWorker = typeof uiToWorker;
export type UiMessageName = NameOf<UiToWorker>;
export type UiRequest<N extends UiMessageName> = RequestOf<UiToWorker, N>;
export type UiResponse<N extends UiMessageName> = ResponseOf<UiToWorker, N>;
