import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { TEXT_MAX_CHARS } from '../../../src/shared/limits';
import { bad, objectPayload, optionalFlag, optionalObjectPayload, optionalString, optionalTabId, requiredString, stringList } from '../../../src/shared/payload';

function refusal(check: () => unknown): PimError {
  try {
    check();
  } catch (caught) {
    expect(caught).toBeInstanceOf(PimError);
    return caught as PimError;
  }
  throw new Error('the check accepted it');
}

describe('payload pieces', () => {
  it('bad names the field, or the payload itself', () => {
    expect(bad()).toMatchObject({ code: 'malformed-request', params: undefined });
    expect(bad('url')).toMatchObject({ code: 'malformed-field', params: { field: 'url' } });
  });

  it.each(['text', 4, true, null, undefined, [], [{ a: 1 }], () => ({})])('objectPayload refuses %j', (value) => {
    expect(refusal(() => objectPayload(value)).code).toBe('malformed-request');
  });

  it('objectPayload passes an object through as it is', () => {
    const payload = { a: 1 };
    expect(objectPayload(payload)).toBe(payload);
  });

  it('optionalObjectPayload takes no payload as the empty one, and still refuses a wrong one', () => {
    expect(optionalObjectPayload(undefined)).toStrictEqual({});
    expect(optionalObjectPayload(null)).toStrictEqual({});
    expect(refusal(() => optionalObjectPayload('x')).code).toBe('malformed-request');
    expect(refusal(() => optionalObjectPayload(0)).code).toBe('malformed-request');
  });

  it('requiredString takes text up to the cap (the general one by default)', () => {
    expect(requiredString({ a: 'x'.repeat(TEXT_MAX_CHARS) }, 'a')).toBe('x'.repeat(TEXT_MAX_CHARS));
    expect(requiredString({ a: '' }, 'a')).toBe('');
    expect(refusal(() => requiredString({ a: 'x'.repeat(TEXT_MAX_CHARS + 1) }, 'a')).params).toStrictEqual({ field: 'a' });
    expect(requiredString({ a: 'abc' }, 'a', 3)).toBe('abc');
    expect(refusal(() => requiredString({ a: 'abcd' }, 'a', 3)).params).toStrictEqual({ field: 'a' });
    expect(refusal(() => requiredString({}, 'toString')).params).toStrictEqual({ field: 'toString' });
  });

  it('optionalString: absent is undefined, present must be text within the cap', () => {
    expect(optionalString({}, 'a')).toBeUndefined();
    expect(optionalString({ a: 'x' }, 'a', 1)).toBe('x');
    expect(refusal(() => optionalString({ a: 'xy' }, 'a', 1)).params).toStrictEqual({ field: 'a' });
    expect(refusal(() => optionalString({ a: null }, 'a')).params).toStrictEqual({ field: 'a' });
  });

  it('optionalTabId accepts a whole number from 0, nothing else', () => {
    expect(optionalTabId({})).toBeUndefined();
    expect(optionalTabId({ tabId: 0 })).toBe(0);
    expect(optionalTabId({ tabId: Number.MAX_SAFE_INTEGER })).toBe(Number.MAX_SAFE_INTEGER);
    for (const tabId of [-1, 0.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, '1', null]) {
      expect(refusal(() => optionalTabId({ tabId })).params).toStrictEqual({ field: 'tabId' });
    }
  });

  it('optionalFlag: absent is false, present must be a boolean', () => {
    expect(optionalFlag({}, 'pick')).toBe(false);
    expect(optionalFlag({ pick: true }, 'pick')).toBe(true);
    expect(optionalFlag({ pick: false }, 'pick')).toBe(false);
    expect(refusal(() => optionalFlag({ pick: 'true' }, 'pick')).params).toStrictEqual({ field: 'pick' });
  });

  it('stringList takes a list of text, each within the cap', () => {
    expect(stringList({ ids: [] }, 'ids')).toStrictEqual([]);
    expect(stringList({ ids: ['a', 'x'.repeat(TEXT_MAX_CHARS)] }, 'ids')).toStrictEqual(['a', 'x'.repeat(TEXT_MAX_CHARS)]);
    expect(stringList({ ids: ['ab'] }, 'ids', 2)).toStrictEqual(['ab']);
    for (const ids of [undefined, 'a', { 0: 'a' }, ['a', 1], [null], ['abc'], ['a', 'abc']]) {
      expect(refusal(() => stringList({ ids }, 'ids', 2)).params).toStrictEqual({ field: 'ids' });
    }
  });
});
