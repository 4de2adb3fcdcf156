// Message payloads are checked here before any handler trusts them: a page of ours can be buggy,
// and a compromised one must not reach storage with arbitrary shapes.
import { PimError } from '../core/errors';

export type Payload = Record<string, unknown>;

/** `field` names the part of the payload that is wrong; without it, the payload itself is. */
function bad(field?: string): PimError {
  return field === undefined ? new PimError('malformed-request') : new PimError('malformed-field', { params: { field } });
}

export function objectPayload(value: unknown): Payload {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad();
  return value as Payload;
}

export function requiredString(payload: Payload, key: string, maxLength = 2048): string {
  const value = payload[key];
  if (typeof value !== 'string' || value.length > maxLength) throw bad(key);
  return value;
}

export function optionalString(payload: Payload, key: string, maxLength = 2048): string | undefined {
  return payload[key] === undefined ? undefined : requiredString(payload, key, maxLength);
}

export function optionalTabId(payload: Payload): number | undefined {
  const value = payload.tabId;
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw bad('tabId');
  return value;
}
