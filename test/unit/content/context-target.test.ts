// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { contextTarget, elementFromHints, recordContextTargets } from '../../../src/content/context-target';
import { createHost, PLACEMENT_ATTRIBUTE } from '../../../src/shared/own-host';
import { dispatchTrusted } from './trusted-events';

beforeEach(() => {
  document.body.innerHTML =
    '<main><img id="logo" src="https://example.test/logo.png"><a id="help" href="https://example.test/help">Help</a>' +
    '<p id="para">Some <b>text</b> here</p></main>';
  document.querySelector('main')?.append(createHost(document, PLACEMENT_ATTRIBUTE, 'x').host);
});

describe('elementFromHints', () => {
  it('finds the image by its source URL', () => {
    expect(elementFromHints(document, { srcUrl: 'https://example.test/logo.png' })?.id).toBe('logo');
  });

  it('finds the link by its URL', () => {
    expect(elementFromHints(document, { linkUrl: 'https://example.test/help' })?.id).toBe('help');
  });

  it('finds the element holding the selection', () => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('b') as Element);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    expect(elementFromHints(document, { selectionText: 'text' })?.localName).toBe('b');
  });

  it('finds nothing from nothing', () => {
    expect(elementFromHints(document, {})).toBeUndefined();
    expect(elementFromHints(document, { srcUrl: 'https://elsewhere.test/x.png' })).toBeUndefined();
  });
});

describe('contextTarget', () => {
  it('prefers the element of the last contextmenu event', () => {
    const recorder = recordContextTargets(window);
    dispatchTrusted(document.getElementById('para') as Element, new MouseEvent('contextmenu', { bubbles: true, composed: true }));
    expect(contextTarget(recorder, document, { linkUrl: 'https://example.test/help' })?.id).toBe('para');
    recorder.stop();
  });

  it('ignores a contextmenu event a page script dispatched', () => {
    const recorder = recordContextTargets(window);
    document.getElementById('para')?.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true }));
    expect(recorder.last()).toBeUndefined();
    expect(contextTarget(recorder, document, { linkUrl: 'https://example.test/help' })?.id).toBe('help');
    recorder.stop();
  });

  it('forgets a target that left the page', () => {
    const recorder = recordContextTargets(window);
    const para = document.getElementById('para') as Element;
    dispatchTrusted(para, new MouseEvent('contextmenu', { bubbles: true }));
    expect(recorder.last()).toBe(para);
    para.remove();
    expect(recorder.last()).toBeUndefined();
    recorder.stop();
  });

  it('forgets a stale target', () => {
    let now = 0;
    const recorder = recordContextTargets(window, () => now);
    dispatchTrusted(document.getElementById('para') as Element, new MouseEvent('contextmenu', { bubbles: true }));
    expect(recorder.last()?.id).toBe('para');
    now = 120_000;
    expect(recorder.last()).toBeUndefined();
    recorder.stop();
  });

  it.each([
    ['the page background (body)', () => document.body],
    ['one of our own placements', () => document.querySelector('[data-pim-qr-placement]') as Element],
  ])('answers nothing for %s, so the picker asks instead', (_name, element) => {
    const recorder = recordContextTargets(window);
    dispatchTrusted(element(), new MouseEvent('contextmenu', { bubbles: true }));
    expect(recorder.last()).toBe(element());
    expect(contextTarget(recorder, document, {})).toBeUndefined();
    recorder.stop();
  });
});
