// The pieces payload checks are built from (src/shared/contracts/): a page of ours can be buggy, and
// a compromised one must not reach a handler, or storage, with arbitrary shapes.
import { PimError } from '../core/errors';
import { TEXT_MAX_CHARS } from './limits';

export type Payload = Record<string, unknown>;

/** `field` names the part of the payload that is wrong; without it, the payload itself is. */
export function bad(field?: string): PimError {
  return field === undefined ? new PimError('malformed-request') : new PimError('malformed-field', { params: { field } });
}

export function objectPayload(value: unknown): Payload {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad();
  return value as Payload;
}

/** For messages whose fields are all optional: no payload at all is the empty one. */
export function optionalObjectPayload(value: unknown): Payload {
  return objectPayload(value ?? {});
}

/** Messages without a payload ignore whatever was sent. */
export function noPayload(): undefined {
  return undefined;
}

export function requiredString(payload: Payload, key: string, maxLength = TEXT_MAX_CHARS): string {
  const value = payload[key];
  if (typeof value !== 'string' || value.length > maxLength) throw bad(key);
  return value;
}

export function optionalString(payload: Payload, key: string, maxLength = TEXT_MAX_CHARS): string | undefined {
  return payload[key] === undefined ? undefined : requiredString(payload, key, maxLength);
}

export function optionalTabId(payload: Payload): number | undefined {
  const value = payload.tabId;
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw bad('tabId');
  return value;
}

export function optionalFlag(payload: Payload, key: string): boolean {
  const value = payload[key];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw bad(key);
  return value;
}

export function stringList(payload: Payload, key: string, maxLength = TEXT_MAX_CHARS): string[] {
  const value = payload[key];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.length <= maxLength)) throw bad(key);
  return value as string[];
}

/** A position in a list of at most `length` items, or null for none. */
export function indexOrNull(payload: Payload, key: string, length: number): number | null {
  const value = payload[key];
  if (value !== null && !(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < length)) throw bad(key);
  return value;
}
