import { describe, expect, it } from 'vitest';
import { ERROR_CODES, fromErrorData, kindOf, PIM_ERROR_KINDS, type PimErrorCode, PimError, toErrorData } from '../../../src/core/errors';

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
