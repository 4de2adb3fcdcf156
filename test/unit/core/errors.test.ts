import { describe, expect, it } from 'vitest';
import { ERROR_TEXT, fromErrorData, PIM_ERROR_KINDS, PimError, toErrorData } from '../../../src/core/errors';

describe('PimError', () => {
  it.each(PIM_ERROR_KINDS)('%s has a default message and hint', (kind) => {
    const error = new PimError(kind);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(ERROR_TEXT[kind].message);
    expect(error.hint).toBe(ERROR_TEXT[kind].hint);
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.hint.length).toBeGreaterThan(10);
  });

  it('keeps the details it is given', () => {
    const error = new PimError('rate-limited', { status: 429, retryAfterSeconds: 5, transactionId: 't-1', message: 'm', hint: 'h' });
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterSeconds: 5, transactionId: 't-1', message: 'm', hint: 'h' });
  });
});

describe('toErrorData / fromErrorData', () => {
  it('round-trips every field through structured clone (the message boundary)', () => {
    const original = new PimError('invalid-parameters', {
      status: 400,
      transactionId: 'abc-123',
      serverMessage: 'title too long',
      retryAfterSeconds: 3,
      fieldErrors: { title: { code: 'required', field: 'title', message: 'Title is required.' } },
    });
    const data = structuredClone(toErrorData(original));
    const rebuilt = fromErrorData(data);
    expect(rebuilt).toBeInstanceOf(PimError);
    expect(toErrorData(rebuilt)).toEqual(toErrorData(original));
  });

  it.each([
    ['a plain Error', new Error('token=S3cret leaked in a stack')],
    ['a TypeError', new TypeError('Failed to fetch https://x/?client_secret=abc')],
    ['a string', 'boom'],
    ['undefined', undefined],
    ['null', null],
    ['an object with a bad kind', { kind: 'root-access', message: 'x' }],
  ])('turns %s into the generic internal error without its text', (_label, thrown) => {
    const data = toErrorData(thrown);
    expect(data).toEqual({ kind: 'internal', ...ERROR_TEXT.internal });
  });

  it('accepts already-serialized data', () => {
    expect(toErrorData({ kind: 'timeout', message: 'slow', hint: 'wait' })).toEqual({ kind: 'timeout', message: 'slow', hint: 'wait' });
  });

  it.each([
    [undefined, 'internal'],
    [{}, 'internal'],
    [{ kind: 'nope' }, 'internal'],
    [{ kind: 'network' }, 'network'],
  ])('fromErrorData(%j) is a %s PimError', (data, kind) => {
    const error = fromErrorData(data);
    expect(error.kind).toBe(kind);
    expect(error.hint).toBeTruthy();
  });

  it('drops fields of the wrong type', () => {
    const error = fromErrorData({ kind: 'server-error', status: '500', transactionId: 7, retryAfterSeconds: 'soon' });
    expect(toErrorData(error)).toEqual({ kind: 'server-error', ...ERROR_TEXT['server-error'] });
  });

  it('keeps only well-formed field errors from the other side', () => {
    const error = fromErrorData({
      kind: 'invalid-parameters',
      fieldErrors: {
        title: { code: 'required', field: 'title', message: 'Title is required.' },
        width: 'not an object',
        height: { code: 'x', field: 'width', message: 'mismatched field' },
        __proto__: { code: 'x', field: '__proto__', message: 'x' },
        evil: { code: 'x', field: 'evil', message: 'unknown field' },
      },
    });
    expect(error.fieldErrors).toEqual({ title: { code: 'required', field: 'title', message: 'Title is required.' } });
  });
});
