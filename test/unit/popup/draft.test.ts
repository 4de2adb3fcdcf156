import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { draftItem, parseDraft } from '../../../src/popup/draft';
import { draftFromParams } from '../../../src/ui/qr-form-state';

const fallback = draftFromParams(DEFAULT_PARAMS);

describe('parseDraft', () => {
  it('returns undefined when nothing usable is stored', () => {
    for (const stored of [undefined, null, 'draft', 3, ['a']]) expect(parseDraft(stored, fallback)).toBeUndefined();
  });

  it('keeps half-typed and invalid text so nothing the user typed is lost', () => {
    const draft = parseDraft({ ...fallback, width: '12a', title: '' }, fallback);
    expect(draft?.width).toBe('12a');
    expect(draft?.title).toBe('');
  });

  it('takes each malformed field from the fallback', () => {
    const draft = parseDraft({ title: 42, description: {}, keepSquare: 'yes', attributes: 'Email' }, fallback);
    expect(draft).toEqual({ ...fallback, title: '42' });
  });

  it('drops unknown and repeated attribute names', () => {
    expect(parseDraft({ attributes: ['Mobile', 'email', 'Mobile', 7, 'Email'] }, fallback)?.attributes).toEqual(['Mobile', 'Email']);
  });

  it('cuts absurdly long text', () => {
    expect(parseDraft({ title: 'x'.repeat(10_000) }, fallback)?.title).toHaveLength(2000);
  });
});

describe('draftFromParams', () => {
  it('turns numbers into text and keeps square only when width equals height', () => {
    expect(draftFromParams({ ...DEFAULT_PARAMS, width: 300, height: 200 })).toMatchObject({ width: '300', height: '200', keepSquare: false });
    expect(draftFromParams(DEFAULT_PARAMS).keepSquare).toBe(true);
  });
});

describe('draftItem', () => {
  it('gives each kind of view a key of its own; the toolbar popup keeps the one older versions used', () => {
    expect(['popup', 'sidepanel', 'tab'].map((view) => draftItem(view as 'popup').key)).toEqual(['draft', 'draft:sidepanel', 'draft:tab']);
  });
});
