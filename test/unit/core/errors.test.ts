import { describe, expect, it } from 'vitest';
import { ERROR_CODES, fromErrorData, kindOf, PIM_ERROR_KINDS, type PimErrorCode, PimError, toErrorData } from '../../../src/core/errors';
import { isPimErrorCode, isPimErrorKind } from '../../../src/core/error-codes';

const CODES = Object.keys(ERROR_CODES) as PimErrorCode[];

describe('error codes', () => {
  it('every kind has codes, and every code belongs to a kind', () => {
    expect(PIM_ERROR_KINDS.filter((kind) => !CODES.some((code) => kindOf(code) === kind))).toEqual([]);
    expect(CODES.filter((code) => !(PIM_ERROR_KINDS as readonly string[]).includes(kindOf(code)))).toEqual([]);
  });

  it('names values in camelCase, each once per code', () => {
    for (const [code, [, ...names]] of Object.entries(ERROR_CODES)) {
      expect(names.every((name) => /^[a-z][A-Za-z]*$/.test(name)), code).toBe(true);
      expect(new Set(names.map((name) => name.toLowerCase())).size, code).toBe(names.length);
    }
  });
});

describe('PimError', () => {
  it('carries its code, the code’s kind and values, and no sentence: its message is the code', () => {
    const error = new PimError('selector-no-match', { params: { selector: '#slot' }, status: 400 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'selector-no-match', kind: 'invalid-parameters', params: { selector: '#slot' }, status: 400 });
    expect(error.message).toBe('selector-no-match');
    expect(String(error)).toBe('PimError: selector-no-match');
  });

  it('keeps the details it is given', () => {
    const error = new PimError('rate-limited', { status: 429, retryAfterSeconds: 5, transactionId: 't-1', serverMessage: 'Quota' });
    expect(error).toMatchObject({ kind: 'rate-limited', code: 'rate-limited', status: 429, retryAfterSeconds: 5, transactionId: 't-1', serverMessage: 'Quota' });
  });
});

describe('toErrorData / fromErrorData', () => {
  it('round-trips every field through structured clone (the message boundary)', () => {
    const original = new PimError('params-rejected', {
      status: 400,
      transactionId: 'abc-123',
      serverMessage: 'title too long',
      retryAfterSeconds: 3,
      fieldErrors: { title: { code: 'required', field: 'title' } },
    });
    const data = structuredClone(toErrorData(original));
    const rebuilt = fromErrorData(data);
    expect(rebuilt).toBeInstanceOf(PimError);
    expect(toErrorData(rebuilt)).toEqual(toErrorData(original));
  });

  it('round-trips the values of a code', () => {
    const original = new PimError('timeout', { params: { seconds: 20 } });
    expect(toErrorData(fromErrorData(structuredClone(toErrorData(original))))).toEqual({ kind: 'timeout', code: 'timeout', params: { seconds: 20 } });
  });

  it.each([
    ['a plain Error', new Error('token=S3cret leaked in a stack')],
    ['a TypeError', new TypeError('Failed to fetch https://x/?client_secret=abc')],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['null', null],
    ['an object with a bad code', { kind: 'internal', code: 'root-access' }],
    ['an old sentence-carrying error', { kind: 'network', message: 'The API could not be reached.', hint: 'Check.' }],
    ['a code with another kind', { kind: 'internal', code: 'network' }],
    ['a code without its values', { kind: 'timeout', code: 'timeout' }],
    ['a code with a value of the wrong type', { kind: 'timeout', code: 'timeout', params: { seconds: { valueOf: 20 } } }],
    ['a code with a value that is no number', { kind: 'timeout', code: 'timeout', params: { seconds: Number.NaN } }],
  ])('turns %s into the generic internal error without its text', (_label, thrown) => {
    expect(toErrorData(thrown)).toEqual({ kind: 'internal', code: 'internal' });
  });

  it('accepts already-serialized data', () => {
    expect(toErrorData({ kind: 'network', code: 'connection-broke' })).toEqual({ kind: 'network', code: 'connection-broke' });
  });

  it('keeps only the values the code shows, and caps their length', () => {
    const data = toErrorData({ kind: 'invalid-parameters', code: 'selector-invalid', params: { selector: 'x'.repeat(2000), extra: 'dropped' } });
    expect(data.params).toEqual({ selector: 'x'.repeat(500) });
  });

  it.each([
    [undefined, 'internal'],
    [{}, 'internal'],
    [{ kind: 'nope', code: 'nope' }, 'internal'],
    [{ kind: 'network', code: 'network' }, 'network'],
  ])('fromErrorData(%j) is a %s PimError', (data, kind) => {
    expect(fromErrorData(data).kind).toBe(kind);
  });

  it('drops fields of the wrong type', () => {
    const error = fromErrorData({ kind: 'server-error', code: 'server-error', status: '500', transactionId: 7, retryAfterSeconds: 'soon' });
    expect(toErrorData(error)).toEqual({ kind: 'server-error', code: 'server-error' });
  });

  it('keeps only well-formed field errors from the other side, and only their plain values', () => {
    const error = fromErrorData({
      kind: 'invalid-parameters',
      code: 'invalid-parameters',
      fieldErrors: {
        title: { code: 'too-long', field: 'title', max: 100, actual: 120, nested: { x: 1 } },
        width: 'not an object',
        height: { code: 'x', field: 'width' },
        __proto__: { code: 'x', field: '__proto__' },
        evil: { code: 'x', field: 'evil' },
        description: { field: 'description' },
      },
    });
    expect(error.fieldErrors).toEqual({ title: { code: 'too-long', field: 'title', max: 100, actual: 120 } });
  });
});

describe('what another context says about an error, shown to the user', () => {
  it('loses the controls that could reorder KPN’s words or the transaction ID', () => {
    const error = fromErrorData({
      kind: 'credentials-rejected',
      code: 'credentials-rejected',
      serverMessage: 'Open \u202Egnp.exe\u202C now',
      transactionId: 'TX\u2066-1\u2069',
    });
    expect(error.serverMessage).toBe('Open  gnp.exe  now');
    expect(error.transactionId).toBe('TX -1 ');
  });

  it('drops a wait nobody would believe, and keeps a real one', () => {
    expect(fromErrorData({ kind: 'rate-limited', code: 'rate-limited', retryAfterSeconds: 99_999_999_999 }).retryAfterSeconds).toBeUndefined();
    expect(fromErrorData({ kind: 'rate-limited', code: 'rate-limited', retryAfterSeconds: -5 }).retryAfterSeconds).toBeUndefined();
    expect(fromErrorData({ kind: 'rate-limited', code: 'rate-limited', retryAfterSeconds: 30 }).retryAfterSeconds).toBe(30);
  });
});

describe('error data carries no key it was not given', () => {
  it('toErrorData of a bare PimError is its kind and code only', () => {
    expect(toErrorData(new PimError('network'))).toStrictEqual({ kind: 'network', code: 'network' });
  });

  it('toErrorData keeps every detail a PimError has', () => {
    const fieldErrors = { title: { code: 'required', field: 'title' } } as const;
    expect(
      toErrorData(
        new PimError('params-rejected', { status: 400, transactionId: 'tx', serverMessage: 'no', retryAfterSeconds: 3, fieldErrors }),
      ),
    ).toStrictEqual({ kind: 'invalid-parameters', code: 'params-rejected', status: 400, transactionId: 'tx', serverMessage: 'no', retryAfterSeconds: 3, fieldErrors });
  });

  it('parsed data has no key for what was missing or unusable', () => {
    expect(toErrorData({ kind: 'network', code: 'network', fieldErrors: { title: 'bad', evil: {} } })).toStrictEqual({ kind: 'network', code: 'network' });
    expect(toErrorData({ kind: 'network', code: 'network', fieldErrors: {} })).toStrictEqual({ kind: 'network', code: 'network' });
  });
});

describe('what another context says about an error: each field', () => {
  const base = { kind: 'server-error', code: 'server-error' } as const;

  it('keeps a whole-number status only', () => {
    expect(toErrorData({ ...base, status: 502 }).status).toBe(502);
    expect(toErrorData({ ...base, status: 1.5 })).toStrictEqual(base);
    expect(toErrorData({ ...base, status: '500' })).toStrictEqual(base);
  });

  it('caps the transaction ID and the server’s words at 500 characters', () => {
    const data = toErrorData({ ...base, transactionId: 't'.repeat(501), serverMessage: 'm'.repeat(501) });
    expect(data.transactionId).toBe('t'.repeat(500));
    expect(data.serverMessage).toBe('m'.repeat(500));
    expect(toErrorData({ ...base, transactionId: 't'.repeat(500) }).transactionId).toBe('t'.repeat(500));
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['text', 'seconds=5'],
    ['a boolean value', { seconds: true }],
    ['an infinite value', { seconds: Number.POSITIVE_INFINITY }],
    ['a null value', { seconds: null }],
  ])('refuses values that are %s for a code that shows one', (_label, params) => {
    expect(toErrorData({ kind: 'timeout', code: 'timeout', params })).toStrictEqual({ kind: 'internal', code: 'internal' });
  });

  it('takes exactly the code’s values: text or a finite number, extras dropped; none for a plain code', () => {
    expect(toErrorData({ kind: 'timeout', code: 'timeout', params: { seconds: 0, extra: 1 } })).toStrictEqual({ kind: 'timeout', code: 'timeout', params: { seconds: 0 } });
    expect(toErrorData({ kind: 'timeout', code: 'timeout', params: { seconds: '20' } }).params).toStrictEqual({ seconds: '20' });
    expect(toErrorData({ kind: 'network', code: 'network', params: { seconds: 3 } })).toStrictEqual({ kind: 'network', code: 'network' });
  });

  it('does not take the code’s values from a __proto__ key', () => {
    const data: unknown = JSON.parse('{"kind": "timeout", "code": "timeout", "params": {"__proto__": {"seconds": 5}}}');
    expect(toErrorData(data)).toStrictEqual({ kind: 'internal', code: 'internal' });
  });

  it.each([null, 'title', 5])('ignores field errors that are %j', (fieldErrors) => {
    expect(toErrorData({ kind: 'network', code: 'network', fieldErrors })).toStrictEqual({ kind: 'network', code: 'network' });
  });

  it.each([
    ['a code that only names one', { kind: 'network', code: ['network'] }],
    ['a code inherited from the object prototype', { kind: 'internal', code: 'toString' }],
    ['a kind that does not match', { kind: 'timeout', code: 'network' }],
    ['no kind', { code: 'network' }],
  ])('refuses %s', (_label, data) => {
    expect(toErrorData(data)).toStrictEqual({ kind: 'internal', code: 'internal' });
  });
});

describe('isPimErrorCode / isPimErrorKind', () => {
  it('accept only the names themselves', () => {
    expect(isPimErrorCode('network')).toBe(true);
    expect(isPimErrorCode(['network'])).toBe(false);
    expect(isPimErrorCode('constructor')).toBe(false);
    expect(isPimErrorKind('rate-limited')).toBe(true);
    expect(isPimErrorKind('connection-broke')).toBe(false);
    expect(isPimErrorKind(['network'])).toBe(false);
    expect(isPimErrorKind(undefined)).toBe(false);
  });
});
