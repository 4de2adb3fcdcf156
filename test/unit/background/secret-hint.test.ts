import { describe, expect, it } from 'vitest';
import { secretHint } from '../../../src/background/environments';

// Four known characters take a short secret's search space down by four characters' worth: below
// 16 characters none are shown.
describe('secretHint', () => {
  it('shows nothing for a secret of 15 characters', () => {
    expect(secretHint('abcdefghijk1234')).toBe('');
  });

  it('shows the last 4 characters of a secret of 16 characters', () => {
    expect(secretHint('abcdefghijkl1234')).toBe('1234');
  });

  it.each([['', ''], ['abcd', ''], ['abcdefgh', ''], ['a much longer client secret 9f3a', '9f3a']])('%j → %j', (secret, hint) => {
    expect(secretHint(secret)).toBe(hint);
  });
});
