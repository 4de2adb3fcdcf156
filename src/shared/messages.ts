// What the extension pages' messages to the worker carry (src/shared/contracts/ui-to-worker.ts).
import type { Environment } from '../core/environments';
import type { ManagedRefusal, ManagedSecretIgnored } from '../core/managed-environments';
import type { QrParams } from '../core/params';
import type { Quota } from '../core/quota';
import type { SettingsNotice } from './settings-notice';

/** What the UI may know of an environment: never the secret, only whether one is set and, for secrets of 16 characters or more, its last 4. */
export interface EnvironmentView extends Environment {
  builtIn: boolean;
  clientId: string;
  secretSet: boolean;
  secretHint: string;
  /** True when the browser has not granted the host permission this environment's base URL needs. */
  needsPermission: boolean;
  /** Asks before the first Generate of a popup or side panel session (settings `confirmFirstCall`). */
  confirmFirstCall: boolean;
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
  /** Off: results are not written to history. */
  keepHistory: boolean;
}

export interface SettingsView {
  selectedEnvironmentId: string;
  defaults: FormDefaults;
  /** Set when stored settings could not be read and were reset; shown to the user once. */
  notice?: SettingsNotice;
  /** The browser policy's environments that could not be used, each with its reason. */
  managedRefused: ManagedRefusal[];
  /** Policy entries that carried a client secret, which was ignored. */
  managedSecretsIgnored: ManagedSecretIgnored[];
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

/** A generate's answer: the result, and the quota figures KPN reported with it, when it did. */
export interface GenerateAnswer extends GenerateResult {
  quota?: Quota;
}

export interface ConnectionTestResult {
  durationMs: number;
  expiresInSeconds: number;
}
