import { describe, expect, it } from 'vitest';
import { PIM_ATTRIBUTES } from '../../../src/core/attributes';
import { paramErrorMessage } from '../../../src/core/param-errors';
import { DEFAULT_PARAMS, PARAM_LIMITS, serializeParams, validateParams } from '../../../src/core/params';

const valid = {
  redirect: '1',
  title: 'Log in',
  description: 'Share your e-mail address',
  attributes: ['Email', 'Mobile'],
  width: '400',
  height: '300',
};

function errorsFor(overrides: Record<string, unknown>) {
  const result = validateParams({ ...valid, ...overrides });
  if (result.ok) throw new Error(`expected errors for ${JSON.stringify(overrides)}`);
  return result.errors;
}

describe('validateParams', () => {
  it('accepts the form strings and returns typed params', () => {
    expect(validateParams(valid)).toEqual({
      ok: true,
      params: {
        redirect: 1,
        title: 'Log in',
        description: 'Share your e-mail address',
        attributes: ['Email', 'Mobile'],
        width: 400,
        height: 300,
      },
    });
  });

  it('accepts DEFAULT_PARAMS unchanged', () => {
    expect(validateParams(DEFAULT_PARAMS)).toEqual({ ok: true, params: DEFAULT_PARAMS });
  });

  it('accepts all 15 attributes in KPN order and keeps that order', () => {
    const result = validateParams({ ...valid, attributes: [...PIM_ATTRIBUTES].reverse() });
    expect(result.ok && result.params.attributes).toEqual([...PIM_ATTRIBUTES].reverse());
  });

  it.each([
    ['Email,Mobile', ['Email', 'Mobile']],
    [' Email , Mobile ', ['Email', 'Mobile']],
    ['Email,,Mobile,', ['Email', 'Mobile']],
    [['HeadShot', ' Gender '], ['HeadShot', 'Gender']],
  ])('reads attributes %j as %j', (attributes, expected) => {
    const result = validateParams({ ...valid, attributes });
    expect(result.ok && result.params.attributes).toEqual(expected);
  });

  it.each([
    [{ width: 100 }, 'width', 100],
    [{ width: '2000' }, 'width', 2000],
    [{ height: ' 512 ' }, 'height', 512],
    [{ redirect: 7 }, 'redirect', 7],
    [{ redirect: '0042' }, 'redirect', 42],
  ] as const)('accepts %j', (overrides, field, expected) => {
    const result = validateParams({ ...valid, ...overrides });
    expect(result.ok && result.params[field]).toBe(expected);
  });

  it('trims text and counts characters, not UTF-16 units', () => {
    const title = '😀'.repeat(PARAM_LIMITS.titleMaxLength);
    const result = validateParams({ ...valid, title: `  ${title}  ` });
    expect(result.ok && result.params.title).toBe(title);
  });

  it('allows an empty or missing description', () => {
    expect(validateParams({ ...valid, description: '' }).ok).toBe(true);
    const { description: _omit, ...rest } = valid;
    expect(validateParams(rest)).toMatchObject({ ok: true, params: { description: '' } });
  });

  it('keeps line breaks in the description', () => {
    const result = validateParams({ ...valid, description: 'line one\nline two\ttab' });
    expect(result.ok && result.params.description).toBe('line one\nline two\ttab');
  });

  it.each([
    // [overrides, field, code, message]
    [{ title: '' }, 'title', 'required', 'Title is required.'],
    [{ title: '   ' }, 'title', 'required', 'Title is required.'],
    [{ title: undefined }, 'title', 'required', 'Title is required.'],
    [{ title: null }, 'title', 'required', 'Title is required.'],
    [{ title: 42 }, 'title', 'not-text', 'Title must be text.'],
    [{ title: 'x'.repeat(123) }, 'title', 'too-long', 'Title must be at most 100 characters (it has 123).'],
    [{ title: 'two\nlines' }, 'title', 'control-characters', 'Title must be a single line without control characters.'],
    [{ title: 'nul\u0000byte' }, 'title', 'control-characters', 'Title must be a single line without control characters.'],
    [{ title: 'sep\u2028x' }, 'title', 'control-characters', 'Title must be a single line without control characters.'],
    [{ description: 'x'.repeat(501) }, 'description', 'too-long', 'Description must be at most 500 characters (it has 501).'],
    [{ description: ['a'] }, 'description', 'not-text', 'Description must be text.'],
    [{ description: 'bell\u0007' }, 'description', 'control-characters', 'Description must not contain control characters.'],
    [{ width: '' }, 'width', 'required', 'Width is required.'],
    [{ width: undefined }, 'width', 'required', 'Width is required.'],
    [{ width: '12abc' }, 'width', 'not-whole-number', 'Width must be a whole number from 100 to 2000.'],
    [{ width: '1.5' }, 'width', 'not-whole-number', 'Width must be a whole number from 100 to 2000.'],
    [{ width: 400.5 }, 'width', 'not-whole-number', 'Width must be a whole number from 100 to 2000.'],
    [{ width: '-400' }, 'width', 'not-whole-number', 'Width must be a whole number from 100 to 2000.'],
    [{ width: '1e3' }, 'width', 'not-whole-number', 'Width must be a whole number from 100 to 2000.'],
    [{ width: '0x190' }, 'width', 'not-whole-number', 'Width must be a whole number from 100 to 2000.'],
    [{ width: '４００' }, 'width', 'not-whole-number', 'Width must be a whole number from 100 to 2000.'],
    [{ width: NaN }, 'width', 'not-whole-number', 'Width must be a whole number from 100 to 2000.'],
    [{ width: Infinity }, 'width', 'not-whole-number', 'Width must be a whole number from 100 to 2000.'],
    [{ width: '9'.repeat(30) }, 'width', 'not-whole-number', 'Width must be a whole number from 100 to 2000.'],
    [{ width: true }, 'width', 'not-whole-number', 'Width must be a whole number from 100 to 2000.'],
    [{ width: 99 }, 'width', 'out-of-range', 'Width must be from 100 to 2000 (it is 99).'],
    [{ width: -400 }, 'width', 'out-of-range', 'Width must be from 100 to 2000 (it is -400).'],
    [{ height: '2001' }, 'height', 'out-of-range', 'Height must be from 100 to 2000 (it is 2001).'],
    [{ height: '0' }, 'height', 'out-of-range', 'Height must be from 100 to 2000 (it is 0).'],
    [{ redirect: '' }, 'redirect', 'required', 'Redirect is required.'],
    [{ redirect: '0' }, 'redirect', 'not-positive-integer', 'Redirect must be a whole number of 1 or more.'],
    [{ redirect: -1 }, 'redirect', 'not-positive-integer', 'Redirect must be a whole number of 1 or more.'],
    [{ redirect: '1.5' }, 'redirect', 'not-positive-integer', 'Redirect must be a whole number of 1 or more.'],
    [{ redirect: '1abc' }, 'redirect', 'not-positive-integer', 'Redirect must be a whole number of 1 or more.'],
    [{ attributes: [] }, 'attributes', 'no-attributes', 'Choose at least one attribute.'],
    [{ attributes: '' }, 'attributes', 'no-attributes', 'Choose at least one attribute.'],
    [{ attributes: ' , ,' }, 'attributes', 'no-attributes', 'Choose at least one attribute.'],
    [{ attributes: undefined }, 'attributes', 'no-attributes', 'Choose at least one attribute.'],
    [{ attributes: ['Foo'] }, 'attributes', 'unknown-attribute', 'Unknown attribute "Foo".'],
    [{ attributes: 'Email,Foo' }, 'attributes', 'unknown-attribute', 'Unknown attribute "Foo".'],
    [{ attributes: ['BankAccountNumber'] }, 'attributes', 'unknown-attribute', 'Unknown attribute "BankAccountNumber" (did you mean "Bankaccountnumber"?).'],
    [{ attributes: ['email'] }, 'attributes', 'unknown-attribute', 'Unknown attribute "email" (did you mean "Email"?).'],
    [{ attributes: ['First Name'] }, 'attributes', 'unknown-attribute', 'Unknown attribute "First Name" (did you mean "FirstName"?).'],
    [{ attributes: ['__proto__'] }, 'attributes', 'unknown-attribute', 'Unknown attribute "__proto__".'],
    [{ attributes: ['Email', 'Mobile', 'Email'] }, 'attributes', 'duplicate-attribute', 'Attribute "Email" is listed twice.'],
    [{ attributes: 'Email, Email' }, 'attributes', 'duplicate-attribute', 'Attribute "Email" is listed twice.'],
    [{ attributes: ['Email', 3] }, 'attributes', 'not-a-list', 'Attributes must be a list of attribute names.'],
    [{ attributes: { 0: 'Email' } }, 'attributes', 'not-a-list', 'Attributes must be a list of attribute names.'],
    [{ attributes: 5 }, 'attributes', 'not-a-list', 'Attributes must be a list of attribute names.'],
  ])('%j → %s: %s', (overrides, field, code, message) => {
    const errors = errorsFor(overrides);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field as keyof typeof errors]).toMatchObject({ field, code, message });
  });

  it('gives stable codes and values for translation, with the English message from one function', () => {
    const error = errorsFor({ title: 'x'.repeat(123) }).title;
    expect(error).toEqual({ code: 'too-long', field: 'title', max: 100, actual: 123, message: 'Title must be at most 100 characters (it has 123).' });
    expect(error && paramErrorMessage(error)).toBe(error?.message);
  });

  it('shortens a very long unknown attribute name in the message', () => {
    const error = errorsFor({ attributes: ['A'.repeat(500)] }).attributes;
    expect(error?.message.length).toBeLessThan(80);
  });

  it('reports one error per field, for every bad field at once', () => {
    const result = validateParams({ redirect: 'x', title: '', attributes: 'Nope', width: '1', height: 'big' });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['attributes', 'height', 'redirect', 'title', 'width']);
  });

  it.each([null, undefined, 'params', 42, []])('treats %j as an empty form', (input) => {
    const result = validateParams(input);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(['attributes', 'height', 'redirect', 'title', 'width']);
  });

  it('ignores unknown extra fields and does not copy them into params', () => {
    const result = validateParams({ ...valid, extra: 'x', __proto__: { polluted: true } });
    expect(result.ok && Object.keys(result.params).sort()).toEqual(
      ['attributes', 'description', 'height', 'redirect', 'title', 'width'],
    );
  });
});

describe('serializeParams', () => {
  it('produces exactly the shape of KPN’s example: all strings, attributes comma-joined without spaces', () => {
    expect(
      serializeParams({
        redirect: 1,
        title: 'Enter the title here',
        description: 'Enter more information here',
        attributes: [...PIM_ATTRIBUTES],
        width: 400,
        height: 400,
      }),
    ).toEqual({
      redirect: '1',
      title: 'Enter the title here',
      description: 'Enter more information here',
      attributes:
        'Email,Mobile,Bankaccountnumber,NickName,Initials,FirstName,FamilyNamePrefix,FamilyName,BirthName,DateOfBirth,PlaceOfBirth,Gender,HeadShot,BankIdentificationNumber,BankAccountHolderName',
      width: '400',
      height: '400',
    });
  });

  it('keeps field order redirect, title, description, attributes, width, height', () => {
    expect(Object.keys(serializeParams(DEFAULT_PARAMS))).toEqual([
      'redirect', 'title', 'description', 'attributes', 'width', 'height',
    ]);
  });
});
