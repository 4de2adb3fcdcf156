// The one message protocol between the extension's pages and the service worker.
// Each name says its direction (ui → bg); the map ties each name to its request and answer types,
// so a sender and its handler cannot drift apart.
import type { Environment } from '../core/environments';
import type { PimErrorData } from '../core/errors';
import type { QrParams } from '../core/params';
import type { RequestLogEntry } from '../core/request-log';
import type { PlaceRequest, PlaceResult, RememberedPlacementList } from './placement-messages';
import type { SettingsNotice } from './settings-notice';

/** What the UI may know of an environment: never the secret, only whether one is set and, for secrets of 16 characters or more, its last 4. */
export interface EnvironmentView extends Environment {
  builtIn: boolean;
  clientId: string;
  secretSet: boolean;
  secretHint: string;
  /** True when the browser has not granted the host permission this environment's base URL needs. */
  needsPermission: boolean;
}

export interface EnvironmentInput {
  /** Absent for a new environment. */
  id?: string;
  name: string;
  baseUrl: string;
  tokenPath?: string;
  imagePath?: string;
}

export interface CredentialsInput {
  environmentId: string;
  clientId: string;
  /** Absent or empty keeps the stored secret: the UI never has it to send back. */
  clientSecret?: string;
}

export interface FormDefaults {
  params: QrParams;
  historySize: number;
}

export interface SettingsView {
  selectedEnvironmentId: string;
  defaults: FormDefaults;
  /** Set when stored settings could not be read and were reset; shown to the user once. */
  notice?: SettingsNotice;
}

export interface GenerateRequest {
  /** Chosen by the caller so it can cancel this very request. */
  requestId: string;
  environmentId: string;
  params: QrParams;
}

export interface GenerateResult {
  id: string;
  svg: string;
  bytes: number;
  durationMs: number;
  environmentId: string;
  environmentName: string;
  params: QrParams;
  time: number;
}

export type HistoryItem = GenerateResult;

export interface ConnectionTestResult {
  durationMs: number;
  expiresInSeconds: number;
}

export interface Protocol {
  'ui-bg-settings-get': { request: undefined; response: SettingsView };
  'ui-bg-settings-save': { request: Partial<Omit<SettingsView, 'notice'>>; response: SettingsView };
  'ui-bg-environments-list': { request: undefined; response: EnvironmentView[] };
  'ui-bg-environment-save': { request: EnvironmentInput; response: EnvironmentView };
  'ui-bg-environment-delete': { request: { id: string }; response: EnvironmentView[] };
  'ui-bg-credentials-set': { request: CredentialsInput; response: EnvironmentView };
  'ui-bg-credentials-clear': { request: { environmentId: string }; response: EnvironmentView };
  'ui-bg-connection-test': { request: { environmentId: string }; response: ConnectionTestResult };
  'ui-bg-generate': { request: GenerateRequest; response: GenerateResult };
  'ui-bg-generate-cancel': { request: { requestId: string }; response: { cancelled: boolean } };
  'ui-bg-history-get': { request: undefined; response: HistoryItem[] };
  'ui-bg-history-clear': { request: undefined; response: HistoryItem[] };
  'ui-bg-log-get': { request: undefined; response: RequestLogEntry[] };
  'ui-bg-log-clear': { request: undefined; response: RequestLogEntry[] };
  'ui-bg-curl-get': { request: { logEntryId?: string }; response: { curl: string } };
  /** Places a QR in a tab: the given one (`?tab=` pages, the side panel) or the active tab of the last focused window. */
  'ui-bg-insert-into-page': { request: { tabId?: number; svg: string }; response: { tabId: number } };
  /** Places a QR floating, in place of an element or inside one (by selector or picked in the page), optionally remembered. */
  'ui-bg-place': { request: PlaceRequest; response: PlaceResult };
  /** Remembered placements of the tab's site (origin), each marked whether it is for the page shown now. */
  'ui-bg-placements-list': { request: { tabId?: number }; response: RememberedPlacementList };
  /** Forgets one remembered placement (and takes it off the tab); answers the tab's updated list. */
  'ui-bg-placement-forget': { request: { id: string; tabId?: number }; response: RememberedPlacementList };
  /** Forgets every remembered placement of the tab's page (origin + path); answers the updated list. */
  'ui-bg-placements-forget-page': { request: { tabId?: number }; response: RememberedPlacementList };
}

export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N]['request'];
export type ResponseOf<N extends MessageName> = Protocol[N]['response'];

export interface Envelope<N extends MessageName = MessageName> {
  name: N;
  payload: RequestOf<N>;
}

/** Errors travel as data: a denied or crashed call is never mistaken for an empty answer. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: PimErrorData };

export const MESSAGE_NAMES: readonly MessageName[] = [
  'ui-bg-settings-get',
  'ui-bg-settings-save',
  'ui-bg-environments-list',
  'ui-bg-environment-save',
  'ui-bg-environment-delete',
  'ui-bg-credentials-set',
  'ui-bg-credentials-clear',
  'ui-bg-connection-test',
  'ui-bg-generate',
  'ui-bg-generate-cancel',
  'ui-bg-history-get',
  'ui-bg-history-clear',
  'ui-bg-log-get',
  'ui-bg-log-clear',
  'ui-bg-curl-get',
  'ui-bg-insert-into-page',
  'ui-bg-place',
  'ui-bg-placements-list',
  'ui-bg-placement-forget',
  'ui-bg-placements-forget-page',
];

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const name = (value as { name?: unknown }).name;
  return typeof name === 'string' && (MESSAGE_NAMES as readonly string[]).includes(name);
}
