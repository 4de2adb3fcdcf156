import { describe, expect, it } from 'vitest';
import type { ReadCode } from '../../../src/shared/scan-messages';
import { compareWithLatest, comparisonText, entryFigures, safeText, SHOWN_TEXT_MAX_CHARS } from '../../../src/popup/scan-text';

const code = (change: Partial<ReadCode> = {}, facts: Partial<ReadCode['facts']> = {}): ReadCode => ({
  state: 'read',
  kind: 'img',
  place: 'page',
  text: 'https://staging.example/r/1',
  modules: 25,
  quietZoneModules: 4,
  contrast: 21,
  ...change,
  facts: { width: 400, height: 400, devicePixelRatio: 2, moduleCssPx: 12, clipped: false, hidden: false, opacity: 1, covered: false, ...facts },
});

describe('safeText', () => {
  it('shows an ordinary address as it is, with nothing to say', () => {
    expect(safeText('https://staging.example/r/1')).toEqual({ shown: 'https://staging.example/r/1', notes: [] });
  });

  it.each(['javascript:alert(1)', ' JavaScript:void(0)', 'data:text/html,<b>x</b>', 'vbscript:msgbox'])(
    'warns that %j is no web address',
    (text) => {
      expect(safeText(text).notes).toEqual([expect.stringContaining('not a web address')]);
    },
  );

  it.each(['java\tscript:alert(1)', '\u0001 jav\nascr\ript:alert(1)', 'vb\u202Escript:x'])(
    'reads the scheme of %j as a browser does, with controls dropped, and warns of it',
    (text) => {
      expect(safeText(text).notes).toEqual([expect.stringContaining('not a web address'), expect.stringContaining('invisible control')]);
    },
  );

  it('shows control and bidi characters as spaces, and says so', () => {
    const { shown, notes } = safeText('https://good.example/\u202Egnp.exe\n\u2066x');
    expect(shown).toBe('https://good.example/ gnp.exe  x');
    expect(notes).toEqual([expect.stringContaining('invisible control or direction characters')]);
  });

  it('shortens a long text to what the list shows, and says how long it is', () => {
    const { shown, notes } = safeText('7'.repeat(4096));
    expect(shown).toBe(`${'7'.repeat(SHOWN_TEXT_MAX_CHARS)}…`);
    expect(notes).toEqual(['Long text: the first 300 of its 4,096 characters are shown.']);
  });

  it('counts characters, not UTF-16 halves, when it shortens', () => {
    const { shown } = safeText('😀'.repeat(SHOWN_TEXT_MAX_CHARS + 1));
    expect(Array.from(shown)).toHaveLength(SHOWN_TEXT_MAX_CHARS + 1);
    expect(shown.endsWith('😀…')).toBe(true);
  });
});

describe('entryFigures', () => {
  it('words size, modules, module size, quiet zone and contrast', () => {
    expect(entryFigures(code())).toEqual({
      size: '400×400 CSS px · 800×800 device px',
      figures: '25×25 modules · module 12 CSS px · quiet zone 4 modules · contrast 21:1',
      warnings: [],
    });
  });

  it('warns with the shared scannability checks, then of a narrow quiet zone and low contrast', () => {
    const { warnings } = entryFigures(code({ quietZoneModules: 1.5, contrast: 2.4 }, { clipped: true, covered: true, moduleCssPx: 0.5 }));
    expect(warnings).toEqual([
      expect.stringContaining('QR modules are only 1 device px'),
      'Part of the QR is cut off or outside the visible area.',
      'Something on the page covers the QR.',
      expect.stringContaining('under 4 modules'),
      expect.stringContaining('Low contrast'),
    ]);
  });
});

describe('entryFigures wording', () => {
  it('says a code only outside the viewport can be scrolled to, and one cut off by the page is cut off', () => {
    expect(entryFigures(code({}, { clipped: true, outsideView: true })).warnings).toEqual(['The QR lies outside the visible area, wholly or in part: scroll to it.']);
    expect(entryFigures(code({}, { clipped: true, outsideView: false })).warnings).toEqual(['Part of the QR is cut off or outside the visible area.']);
  });

  it.each([
    [1, 'quiet zone 1 module ·'],
    [1.2, 'quiet zone 1 module ·'],
    [2, 'quiet zone 2 modules ·'],
    [0, 'quiet zone 0 modules ·'],
  ])('words a quiet zone of %d modules in the right number', (quietZoneModules, words) => {
    expect(entryFigures(code({ quietZoneModules })).figures).toContain(words);
  });
});

describe('compareWithLatest', () => {
  const latest = { width: 400, height: 400, text: 'https://staging.example/r/1' };

  it('same text and size', () => {
    expect(compareWithLatest(code(), latest)).toEqual({ sameText: true, sameSize: true });
    expect(comparisonText(code(), latest)).toEqual(['Same content as the last QR.', 'Same size as the last QR: 400×400 px.']);
  });

  it('other text, other size; a page box off by a fraction of a pixel is the same size', () => {
    expect(compareWithLatest(code({ text: 'https://staging.example/r/2' }, { width: 240, height: 240 }), latest)).toEqual({ sameText: false, sameSize: false });
    expect(compareWithLatest(code({}, { width: 399.6, height: 400.4 }), latest).sameSize).toBe(true);
    expect(compareWithLatest(code({}, { width: 400, height: 300 }), latest).sameSize).toBe(false);
    expect(comparisonText(code({ text: 'x' }, { width: 239.7, height: 240.2 }), latest)).toEqual([
      'Different content from the last QR.',
      'Different size: the page shows it at 240×240 px (CSS), the last QR is 400×400 px.',
    ]);
  });

  it('cannot compare the text of a last QR that did not read back', () => {
    expect(compareWithLatest(code(), { ...latest, text: null }).sameText).toBeNull();
    expect(comparisonText(code(), { ...latest, text: null })[0]).toContain('could not be read back');
  });
});
