import { describe, expect, it } from 'vitest';
import { type EnvironmentErrorCode, type EnvironmentField, validateEnvironmentInput } from '../../../src/core/environments';
import { environmentErrorText } from '../../../src/options/environment-error-text';

describe('environmentErrorText', () => {
  const cases: Array<[string, Record<string, string>, EnvironmentField, EnvironmentErrorCode]> = [
    ['empty name', { name: '', baseUrl: 'https://a.example' }, 'name', 'required'],
    ['long name', { name: 'n'.repeat(61), baseUrl: 'https://a.example' }, 'name', 'too-long'],
    ['duplicate name', { name: 'sandbox', baseUrl: 'https://a.example' }, 'name', 'duplicate-name'],
    ['empty URL', { name: 'A', baseUrl: '' }, 'baseUrl', 'required'],
    ['not a URL', { name: 'A', baseUrl: 'nope' }, 'baseUrl', 'not-a-url'],
    ['ftp', { name: 'A', baseUrl: 'ftp://a.example' }, 'baseUrl', 'bad-scheme'],
    ['plain http', { name: 'A', baseUrl: 'http://a.example' }, 'baseUrl', 'insecure-http'],
    ['user info', { name: 'A', baseUrl: 'https://u:p@a.example' }, 'baseUrl', 'has-credentials'],
    ['query', { name: 'A', baseUrl: 'https://a.example/?x=1' }, 'baseUrl', 'has-query-or-fragment'],
    ['bad token path', { name: 'A', baseUrl: 'https://a.example', tokenPath: 'token' }, 'tokenPath', 'bad-path'],
    ['bad image path', { name: 'A', baseUrl: 'https://a.example', imagePath: '//x' }, 'imagePath', 'bad-path'],
    ['built-in id', { id: 'production', name: 'B', baseUrl: 'https://a.example' }, 'name', 'built-in'],
  ];

  it.each(cases)('%s reads like the core’s English', (_name, input, field, code) => {
    const checked = validateEnvironmentInput(input, [], () => '');
    const error = checked.ok ? undefined : checked.errors[field];
    expect(error?.code).toBe(code);
    if (error) expect(environmentErrorText(field, error, input.name ?? '')).toBe(error.message);
  });
});
