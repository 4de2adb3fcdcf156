// Payload checks of the extension pages' messages about settings, environments, credentials and
// generating. What needs stored state to judge (does this environment exist?) is the handler's.
import { PimError } from '../../core/errors';
import { validateParams } from '../../core/params';
import { checkParams } from '../../core/pim-client';
import { CLIENT_ID_MAX_CHARS, CLIENT_SECRET_MAX_CHARS, HISTORY_SIZE_MAX, HISTORY_SIZE_MIN, ID_MAX_CHARS, isHistorySize } from '../limits';
import type { CredentialsInput, EnvironmentInput, FormDefaults, GenerateRequest } from '../messages';
import { bad, objectPayload, optionalString, requiredString } from '../payload';

export interface SettingsChange {
  selectedEnvironmentId?: string;
  defaults?: Partial<FormDefaults>;
  /** Whether this environment asks before the first call of a popup session. */
  confirmFirstCall?: { environmentId: string; on: boolean };
}

export function settingsChange(raw: unknown): SettingsChange {
  const payload = objectPayload(raw);
  const change: SettingsChange = {};
  const selected = optionalString(payload, 'selectedEnvironmentId');
  if (selected !== undefined) change.selectedEnvironmentId = selected;
  if (payload.confirmFirstCall !== undefined) {
    const confirm = objectPayload(payload.confirmFirstCall);
    if (typeof confirm.on !== 'boolean') throw bad('confirmFirstCall');
    change.confirmFirstCall = { environmentId: requiredString(confirm, 'environmentId', ID_MAX_CHARS), on: confirm.on };
  }
  if (payload.defaults === undefined) return change;
  const defaults = objectPayload(payload.defaults);
  change.defaults = {};
  if (defaults.params !== undefined) {
    const params = validateParams(defaults.params);
    if (!params.ok) throw new PimError('invalid-parameters', { fieldErrors: params.errors });
    change.defaults.params = params.params;
  }
  if (defaults.historySize !== undefined) {
    const historySize = defaults.historySize;
    if (!isHistorySize(historySize)) {
      throw new PimError('history-size-invalid', { params: { min: HISTORY_SIZE_MIN, max: HISTORY_SIZE_MAX } });
    }
    change.defaults.historySize = historySize;
  }
  if (defaults.keepHistory !== undefined) {
    if (typeof defaults.keepHistory !== 'boolean') throw bad('keepHistory');
    change.defaults.keepHistory = defaults.keepHistory;
  }
  return change;
}

/** Only the shape: the environment rules themselves need the other environments (core/environments.ts). */
export function environmentInput(raw: unknown): EnvironmentInput {
  const payload = objectPayload(raw);
  const input: EnvironmentInput = { name: requiredString(payload, 'name'), baseUrl: requiredString(payload, 'baseUrl') };
  for (const key of ['id', 'tokenPath', 'imagePath'] as const) {
    const value = optionalString(payload, key);
    if (value !== undefined) input[key] = value;
  }
  return input;
}

export function credentialsInput(raw: unknown): CredentialsInput {
  const payload = objectPayload(raw);
  const input: CredentialsInput = {
    environmentId: requiredString(payload, 'environmentId'),
    clientId: requiredString(payload, 'clientId', CLIENT_ID_MAX_CHARS),
  };
  const clientSecret = optionalString(payload, 'clientSecret', CLIENT_SECRET_MAX_CHARS);
  if (clientSecret !== undefined) input.clientSecret = clientSecret;
  return input;
}

/**
 * What the Options form holds when "Test connection" is pressed, none of it saved. No environment id
 * for one not saved yet; no secret when the field is empty (the stored one may then be used).
 */
export interface ConnectionTestForm {
  environmentId?: string;
  baseUrl: string;
  tokenPath: string;
  clientId: string;
  clientSecret?: string;
}

/** Only the shape: whether the address may be contacted, and with which secret, is the handler's. */
export function connectionTestForm(raw: unknown): ConnectionTestForm {
  const payload = objectPayload(raw);
  const form: ConnectionTestForm = {
    baseUrl: requiredString(payload, 'baseUrl'),
    tokenPath: optionalString(payload, 'tokenPath') ?? '',
    clientId: requiredString(payload, 'clientId', CLIENT_ID_MAX_CHARS),
  };
  const environmentId = optionalString(payload, 'environmentId', ID_MAX_CHARS);
  if (environmentId !== undefined) form.environmentId = environmentId;
  const clientSecret = optionalString(payload, 'clientSecret', CLIENT_SECRET_MAX_CHARS);
  if (clientSecret !== undefined) form.clientSecret = clientSecret;
  return form;
}

/** The parameters are checked as the API client checks them, which it does again. */
export function generateRequest(raw: unknown): GenerateRequest {
  const payload = objectPayload(raw);
  return {
    requestId: requiredString(payload, 'requestId', ID_MAX_CHARS),
    environmentId: requiredString(payload, 'environmentId'),
    params: checkParams(payload.params),
  };
}
