import { describe, expect, it } from 'vitest';
import { PIM_ATTRIBUTES } from '../../../src/core/attributes';
import { canonicalDefaults, DEFAULT_PARAMS, localizeDefaults, PARAM_LIMITS, serializeParams, validateParams } from '../../../src/core/params';

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
    // [overrides, field, code]; the words are the UI's (test/unit/ui/param-error-text.test.ts)
    [{ title: '' }, 'title', 'required'],
    [{ title: '   ' }, 'title', 'required'],
    [{ title: undefined }, 'title', 'required'],
    [{ title: null }, 'title', 'required'],
    [{ title: 42 }, 'title', 'not-text'],
    [{ title: 'x'.repeat(123) }, 'title', 'too-long'],
    [{ title: 'two\nlines' }, 'title', 'control-characters'],
    [{ title: 'nul\u0000byte' }, 'title', 'control-characters'],
    [{ title: 'sep\u2028x' }, 'title', 'control-characters'],
    [{ description: 'x'.repeat(501) }, 'description', 'too-long'],
    [{ description: ['a'] }, 'description', 'not-text'],
    [{ description: 'bell\u0007' }, 'description', 'control-characters'],
    [{ width: '' }, 'width', 'required'],
    [{ width: undefined }, 'width', 'required'],
    [{ width: '12abc' }, 'width', 'not-whole-number'],
    [{ width: '1.5' }, 'width', 'not-whole-number'],
    [{ width: 400.5 }, 'width', 'not-whole-number'],
    [{ width: '-400' }, 'width', 'not-whole-number'],
    [{ width: '1e3' }, 'width', 'not-whole-number'],
    [{ width: '0x190' }, 'width', 'not-whole-number'],
    [{ width: '４００' }, 'width', 'not-whole-number'],
    [{ width: NaN }, 'width', 'not-whole-number'],
    [{ width: Infinity }, 'width', 'not-whole-number'],
    [{ width: '9'.repeat(30) }, 'width', 'not-whole-number'],
    [{ width: true }, 'width', 'not-whole-number'],
    [{ width: 99 }, 'width', 'out-of-range'],
    [{ width: -400 }, 'width', 'out-of-range'],
    [{ height: '2001' }, 'height', 'out-of-range'],
    [{ height: '0' }, 'height', 'out-of-range'],
    [{ redirect: '' }, 'redirect', 'required'],
    [{ redirect: '0' }, 'redirect', 'not-positive-integer'],
    [{ redirect: -1 }, 'redirect', 'not-positive-integer'],
    [{ redirect: '1.5' }, 'redirect', 'not-positive-integer'],
    [{ redirect: '1abc' }, 'redirect', 'not-positive-integer'],
    [{ attributes: [] }, 'attributes', 'no-attributes'],
    [{ attributes: '' }, 'attributes', 'no-attributes'],
    [{ attributes: ' , ,' }, 'attributes', 'no-attributes'],
    [{ attributes: undefined }, 'attributes', 'no-attributes'],
    [{ attributes: ['Foo'] }, 'attributes', 'unknown-attribute'],
    [{ attributes: 'Email,Foo' }, 'attributes', 'unknown-attribute'],
    [{ attributes: ['BankAccountNumber'] }, 'attributes', 'unknown-attribute'],
    [{ attributes: ['email'] }, 'attributes', 'unknown-attribute'],
    [{ attributes: ['First Name'] }, 'attributes', 'unknown-attribute'],
    [{ attributes: ['__proto__'] }, 'attributes', 'unknown-attribute'],
    [{ attributes: ['Email', 'Mobile', 'Email'] }, 'attributes', 'duplicate-attribute'],
    [{ attributes: 'Email, Email' }, 'attributes', 'duplicate-attribute'],
    [{ attributes: ['Email', 3] }, 'attributes', 'not-a-list'],
    [{ attributes: { 0: 'Email' } }, 'attributes', 'not-a-list'],
    [{ attributes: 5 }, 'attributes', 'not-a-list'],
  ])('%j → %s: %s', (overrides, field, code) => {
    const errors = errorsFor(overrides);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field as keyof typeof errors]).toMatchObject({ field, code });
  });

  it('gives stable codes and values for translation, and no sentence', () => {
    expect(errorsFor({ title: 'x'.repeat(123) }).title).toEqual({ code: 'too-long', field: 'title', max: 100, actual: 123 });
    expect(errorsFor({ attributes: ['email'] }).attributes).toEqual({ code: 'unknown-attribute', field: 'attributes', value: 'email', suggestion: 'Email' });
  });

  it('shortens a very long unknown attribute name for the message', () => {
    const error = errorsFor({ attributes: ['A'.repeat(500)] }).attributes;
    expect(error).toEqual({ code: 'unknown-attribute', field: 'attributes', value: `${'A'.repeat(40)}…` });
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

describe('localizeDefaults / canonicalDefaults', () => {
  const dutch = { title: 'Inloggen met PiM', description: 'Scan deze code met de PiM-app om je gegevens te delen.' };

  it('shows the shipped defaults in the given language, and stores them as the shipped ones', () => {
    const shown = localizeDefaults(DEFAULT_PARAMS, dutch);
    expect(shown).toEqual({ ...DEFAULT_PARAMS, ...dutch });
    expect(canonicalDefaults(shown, dutch)).toEqual(DEFAULT_PARAMS);
  });

  it('keeps what the user typed, each text on its own', () => {
    const typed = { ...DEFAULT_PARAMS, title: 'Welcome to the demo' };
    expect(localizeDefaults(typed, dutch)).toEqual({ ...typed, description: dutch.description });
    expect(canonicalDefaults({ ...typed, description: dutch.description }, dutch)).toEqual(typed);
  });
});
