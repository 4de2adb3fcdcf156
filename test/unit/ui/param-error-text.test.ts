import { describe, expect, it } from 'vitest';
import { type ParamError, paramErrorMessage } from '../../../src/core/param-errors';
import { paramErrorText } from '../../../src/ui/param-error-text';

describe('paramErrorText', () => {
  const errors: ParamError[] = [
    { code: 'required', field: 'title' },
    { code: 'required', field: 'redirect' },
    { code: 'not-text', field: 'description' },
    { code: 'too-long', field: 'title', max: 100, actual: 120 },
    { code: 'control-characters', field: 'title' },
    { code: 'control-characters', field: 'description' },
    { code: 'not-whole-number', field: 'width', min: 100, max: 2000 },
    { code: 'out-of-range', field: 'height', min: 100, max: 2000, actual: 5 },
    { code: 'not-positive-integer', field: 'redirect' },
    { code: 'not-a-list', field: 'attributes' },
    { code: 'unknown-attribute', field: 'attributes', value: 'email', suggestion: 'Email' },
    { code: 'unknown-attribute', field: 'attributes', value: 'Shoe size' },
    { code: 'duplicate-attribute', field: 'attributes', value: 'Email' },
    { code: 'no-attributes', field: 'attributes' },
  ];

  // The locale keys must say what the core says in English, so Dutch can follow without code changes.
  it.each(errors)('$code ($field) reads like the core’s English', (error) => {
    expect(paramErrorText(error)).toBe(paramErrorMessage(error));
  });

  it('uses the sender’s text for a code it does not know', () => {
    expect(paramErrorText({ code: 'new-code', field: 'title', message: 'Title is odd.' } as never)).toBe('Title is odd.');
    expect(paramErrorText({ code: 'new-code', field: 'title' } as never)).toBe('This value is not valid.');
  });
});
