import { describe, expect, it } from 'vitest';
import { validateParams } from '../../../src/core/params';
import { paramErrorText } from '../../../src/ui/param-error-text';

const valid = { redirect: '1', title: 'Log in', description: '', attributes: ['Email'], width: '400', height: '400' };

describe('paramErrorText', () => {
  // The core's code and values, worded by the en catalogue (the nl one has the same keys and placeholders).
  it.each([
    [{ title: '' }, 'Title is required.'],
    [{ title: 42 }, 'Title must be text.'],
    [{ title: 'x'.repeat(123) }, 'Title must be at most 100 characters (it has 123).'],
    [{ title: 'two\nlines' }, 'Title must be a single line without control characters.'],
    [{ description: 'x'.repeat(501) }, 'Description must be at most 500 characters (it has 501).'],
    [{ description: ['a'] }, 'Description must be text.'],
    [{ description: 'bell\u0007' }, 'Description must not contain control characters.'],
    [{ width: '' }, 'Width is required.'],
    [{ width: '12abc' }, 'Width must be a whole number from 100 to 2,000.'],
    [{ width: 99 }, 'Width must be from 100 to 2,000 (it is 99).'],
    [{ width: -400 }, 'Width must be from 100 to 2,000 (it is -400).'],
    [{ height: '2001' }, 'Height must be from 100 to 2,000 (it is 2,001).'],
    [{ height: '0' }, 'Height must be from 100 to 2,000 (it is 0).'],
    [{ redirect: '' }, 'Redirect is required.'],
    [{ redirect: '0' }, 'Redirect must be a whole number of 1 or more.'],
    [{ attributes: [] }, 'Choose at least one attribute.'],
    [{ attributes: ['Foo'] }, 'Unknown attribute "Foo".'],
    [{ attributes: ['BankAccountNumber'] }, 'Unknown attribute "BankAccountNumber" (did you mean "Bankaccountnumber"?).'],
    [{ attributes: ['email'] }, 'Unknown attribute "email" (did you mean "Email"?).'],
    [{ attributes: ['First Name'] }, 'Unknown attribute "First Name" (did you mean "FirstName"?).'],
    [{ attributes: ['__proto__'] }, 'Unknown attribute "__proto__".'],
    [{ attributes: ['Email', 'Mobile', 'Email'] }, 'Attribute "Email" is listed twice.'],
    [{ attributes: ['Email', 3] }, 'Attributes must be a list of attribute names.'],
  ])('%j reads %j', (overrides, english) => {
    const result = validateParams({ ...valid, ...overrides });
    const errors = result.ok ? [] : Object.values(result.errors);
    expect(errors.map(paramErrorText)).toEqual([english]);
  });

  it('says “not valid” for a code it does not know (from another version)', () => {
    expect(paramErrorText({ code: 'new-code', field: 'title' } as never)).toBe('This value is not valid.');
  });
});
