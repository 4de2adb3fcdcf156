import { describe, expect, it } from 'vitest';
import { parsePageContext } from '../../../src/popup/page-context';

describe('parsePageContext', () => {
  it.each([
    ['', { view: 'popup' }],
    ['?tab=42', { view: 'tab', tabId: 42 }],
    ['?view=sidepanel', { view: 'sidepanel' }],
    ['?view=sidepanel&tab=42', { view: 'sidepanel' }],
    ['?tab=0', { view: 'popup' }],
    ['?tab=-3', { view: 'popup' }],
    ['?tab=4.5', { view: 'popup' }],
    ['?tab=1e3', { view: 'popup' }],
    ['?tab=0x10', { view: 'popup' }],
    ['?tab=99999999999999999', { view: 'popup' }],
    ['?tab=', { view: 'popup' }],
  ])('%s → %o', (search, expected) => {
    expect(parsePageContext(search)).toEqual(expected);
  });
});
