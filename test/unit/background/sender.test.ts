import { describe, expect, it } from 'vitest';
import { isFromThisExtension, isOwnUiPage } from '../../../src/background/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('isFromThisExtension', () => {
  it.each([
    [{ id: ID }, true],
    [{ id: 'otherextensionidotherextensionid' }, false],
    [{}, false],
    [{ id: 42 as unknown as string }, false],
  ])('%j → %s', (sender, expected) => {
    expect(isFromThisExtension(sender, ID)).toBe(expected);
  });

  it('fails closed when the runtime id is missing: an id-less sender is not "equal" to it', () => {
    expect(isFromThisExtension({}, undefined as unknown as string)).toBe(false);
  });
});

describe('isOwnUiPage', () => {
  it.each([
    ['the popup', { id: ID, url: `${ORIGIN}/src/popup/index.html` }],
    ['the popup opened for a tab', { id: ID, url: `${ORIGIN}/src/popup/index.html?tab=12`, frameId: 0 }],
    ['the side panel', { id: ID, url: `${ORIGIN}/src/popup/index.html?view=sidepanel` }],
    ['the options page', { id: ID, url: `${ORIGIN}/src/options/index.html`, origin: ORIGIN }],
  ])('accepts %s', (_name, sender) => {
    expect(isOwnUiPage(sender, ORIGIN, ID)).toBe(true);
  });

  it.each([
    ['a content script on a web page', { id: ID, url: 'https://example.com/login', origin: 'https://example.com' }],
    ['a look-alike origin', { id: ID, url: `chrome-extension://${ID}.evil.com/src/popup/index.html` }],
    ['another extension', { id: 'otherextensionidotherextensionid', url: `${ORIGIN}/src/popup/index.html` }],
    ['a file: page', { id: ID, url: 'file:///src/popup/index.html' }],
    ['a data: page', { id: ID, url: 'data:text/html,<script>1</script>' }],
    ['an unknown extension page', { id: ID, url: `${ORIGIN}/assets/injected.html` }],
    ['a subframe of the popup', { id: ID, url: `${ORIGIN}/src/popup/index.html`, frameId: 3 }],
    ['a page whose origin disagrees with its URL', { id: ID, url: `${ORIGIN}/src/popup/index.html`, origin: 'https://evil.example' }],
    ['a sender without URL', { id: ID }],
    ['garbage URL', { id: ID, url: 'not a url' }],
  ])('refuses %s', (_name, sender) => {
    expect(isOwnUiPage(sender, ORIGIN, ID)).toBe(false);
  });
});
