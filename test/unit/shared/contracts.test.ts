import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { contentToWorker } from '../../../src/shared/contracts/content-to-worker';
import { uiToWorker } from '../../../src/shared/contracts/ui-to-worker';
import { workerToContent } from '../../../src/shared/contracts/worker-to-content';
import { ID_MAX_CHARS, PLACE_SVG_MAX_CHARS, SELECTOR_MAX_CHARS, TEXT_MAX_CHARS } from '../../../src/shared/limits';

const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
const url = 'https://shop.example/cart';
const id = 'p'.repeat(ID_MAX_CHARS);
const tooLongId = 'p'.repeat(ID_MAX_CHARS + 1);
const text = 't'.repeat(TEXT_MAX_CHARS);
const tooLongText = 't'.repeat(TEXT_MAX_CHARS + 1);

/** The code and the field named of what a check refuses. */
function refusal(check: () => unknown): { code: string; field?: unknown } {
  try {
    check();
  } catch (caught) {
    expect(caught).toBeInstanceOf(PimError);
    const error = caught as PimError;
    return error.params === undefined ? { code: error.code } : { code: error.code, field: (error.params as { field?: unknown }).field };
  }
  throw new Error('the check accepted it');
}

const malformed = { code: 'malformed-request' };
const badField = (field: string) => ({ code: 'malformed-field', field });

describe('extension pages → worker', () => {
  const ui = uiToWorker;

  it.each(['ui-bg-settings-get', 'ui-bg-environments-list', 'ui-bg-history-get', 'ui-bg-history-clear', 'ui-bg-log-get', 'ui-bg-log-clear'] as const)(
    '%s ignores whatever was sent',
    (name) => {
      expect(ui[name].check({ anything: 1 })).toBeUndefined();
      expect(ui[name].check('x')).toBeUndefined();
    },
  );

  describe.each([
    ['ui-bg-environment-delete', 'id', TEXT_MAX_CHARS],
    ['ui-bg-credentials-clear', 'environmentId', TEXT_MAX_CHARS],
    ['ui-bg-generate-cancel', 'requestId', ID_MAX_CHARS],
  ] as const)('%s: one required %s', (name, field, max) => {
    const check = (payload: unknown) => ui[name].check(payload);

    it('keeps the field, up to its cap, and drops any other', () => {
      expect(check({ [field]: 'x'.repeat(max), extra: 'dropped', tabId: 3 })).toStrictEqual({ [field]: 'x'.repeat(max) });
    });

    it.each([
      ['missing', {}],
      ['not text', { [field]: 7 }],
      ['null', { [field]: null }],
      ['one character over its cap', { [field]: 'x'.repeat(max + 1) }],
    ])('refuses it %s', (_label, payload) => {
      expect(refusal(() => check(payload))).toEqual(badField(field));
    });

    it.each([undefined, null, 'text', [{ [field]: 'x' }]])('refuses the payload %j', (payload) => {
      expect(refusal(() => check(payload))).toEqual(malformed);
    });

    it('does not take the field from a __proto__ key sent over the wire', () => {
      expect(refusal(() => check(JSON.parse(`{"__proto__": {"${field}": "x"}}`)))).toEqual(badField(field));
    });
  });

  describe('ui-bg-calls-get', () => {
    const check = (payload: unknown) => ui['ui-bg-calls-get'].check(payload);

    it.each([undefined, null, {}, { other: 'dropped' }])('without a log entry (%j) asks for the latest call', (payload) => {
      expect(check(payload)).toStrictEqual({});
    });

    it('keeps a log entry id up to its cap', () => {
      expect(check({ logEntryId: id, other: 1 })).toStrictEqual({ logEntryId: id });
    });

    it.each([[{ logEntryId: tooLongId }], [{ logEntryId: 5 }], [{ logEntryId: null }]])('refuses %j', (payload) => {
      expect(refusal(() => check(payload))).toEqual(badField('logEntryId'));
    });

    it.each(['text', 4, [1]])('refuses the payload %j', (payload) => {
      expect(refusal(() => check(payload))).toEqual(malformed);
    });
  });

  describe.each(['ui-bg-placements-list', 'ui-bg-placements-forget-page'] as const)('%s: an optional tab', (name) => {
    const check = (payload: unknown) => ui[name].check(payload);

    it.each([undefined, null, {}, { other: 1 }])('without one (%j) means the active tab', (payload) => {
      expect(check(payload)).toStrictEqual({});
    });

    it.each([0, 7, Number.MAX_SAFE_INTEGER])('keeps tab %d', (tabId) => {
      expect(check({ tabId, other: 1 })).toStrictEqual({ tabId });
    });

    it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY, '3', null, true])('refuses tab %j', (tabId) => {
      expect(refusal(() => check({ tabId }))).toEqual(badField('tabId'));
    });

    it.each(['text', [1]])('refuses the payload %j', (payload) => {
      expect(refusal(() => check(payload))).toEqual(malformed);
    });
  });

  describe('ui-bg-placement-forget', () => {
    const check = (payload: unknown) => ui['ui-bg-placement-forget'].check(payload);

    it('keeps the placement id and the tab, and nothing else', () => {
      expect(check({ id, tabId: 0, url })).toStrictEqual({ id, tabId: 0 });
      expect(check({ id: 'a' })).toStrictEqual({ id: 'a' });
    });

    it.each([
      [{}, 'id'],
      [{ id: tooLongId }, 'id'],
      [{ id: 3 }, 'id'],
      [{ id: 'a', tabId: -2 }, 'tabId'],
    ])('refuses %j', (payload, field) => {
      expect(refusal(() => check(payload))).toEqual(badField(field));
    });

    it.each([undefined, null])('refuses the payload %j', (payload) => {
      expect(refusal(() => check(payload))).toEqual(malformed);
    });
  });

  it('ui-bg-place checks through placeRequest', () => {
    expect(ui['ui-bg-place'].check({ svg, tabId: 2 })).toStrictEqual({ svg, mode: 'floating', pick: false, remember: false, tabId: 2 });
  });
});

describe('worker → content script', () => {
  const content = workerToContent;
  const spec = { id: 'q1', svg, mode: 'floating' };

  it('bg-content-ping ignores whatever was sent', () => {
    expect(content['bg-content-ping'].check({ x: 1 })).toBeUndefined();
  });

  it.each(['bg-content-place', 'bg-content-pick'] as const)('%s checks the placement order', (name) => {
    expect(content[name].check({ ...spec, extra: 1 })).toStrictEqual({ ...spec, remembered: false });
    expect(refusal(() => content[name].check({ ...spec, mode: 'sideways' }))).toEqual(badField('mode'));
  });

  describe('bg-content-place-at-context-target', () => {
    const check = (payload: unknown) => content['bg-content-place-at-context-target'].check(payload);

    it.each(['over', 'replace'] as const)('places %s the clicked element, with the browser’s hints', (how) => {
      const hints = { srcUrl: 'data:image/png;base64,AAAA', linkUrl: url, selectionText: 'Buy now', frameId: 3 };
      expect(check({ spec, how, hints, extra: 1 })).toStrictEqual({
        spec: { ...spec, remembered: false },
        how,
        hints: { srcUrl: 'data:image/png;base64,AAAA', linkUrl: url, selectionText: 'Buy now' },
      });
    });

    it('keeps only the hints that are text', () => {
      expect(check({ spec, how: 'over', hints: { srcUrl: 5, linkUrl: null, selectionText: 'only this' } }).hints).toStrictEqual({ selectionText: 'only this' });
      expect(check({ spec, how: 'over', hints: {} }).hints).toStrictEqual({});
    });

    it('does not take hints from a __proto__ key sent over the wire', () => {
      const hints: unknown = JSON.parse('{"__proto__": {"srcUrl": "x"}}');
      expect(check({ spec, how: 'over', hints }).hints).toStrictEqual({});
    });

    it.each([
      [{ spec, hints: {} }, 'how'],
      [{ spec, how: 'inside', hints: {} }, 'how'],
      [{ spec, how: 'OVER', hints: {} }, 'how'],
      [{ spec, how: 1, hints: {} }, 'how'],
      [{ spec: { ...spec, mode: 'nope' }, how: 'over', hints: {} }, 'mode'],
    ])('refuses %j', (payload, field) => {
      expect(refusal(() => check(payload))).toEqual(badField(field));
    });

    it.each([
      [{ how: 'over', hints: {} }],
      [{ spec, how: 'over' }],
      [{ spec, how: 'over', hints: 'src' }],
      [undefined],
    ])('refuses a missing or malformed part: %j', (payload) => {
      expect(refusal(() => check(payload))).toEqual(malformed);
    });
  });

  describe('bg-content-remove', () => {
    const check = (payload: unknown) => content['bg-content-remove'].check(payload);

    it('keeps the ids, each up to its cap', () => {
      expect(check({ ids: ['a', id], extra: 1 })).toStrictEqual({ ids: ['a', id] });
      expect(check({ ids: [] })).toStrictEqual({ ids: [] });
    });

    it.each([[{}], [{ ids: 'a' }], [{ ids: ['a', 5] }], [{ ids: [tooLongId] }], [{ ids: [id, tooLongId] }], [{ ids: { 0: 'a', length: 1 } }]])('refuses %j', (payload) => {
      expect(refusal(() => check(payload))).toEqual(badField('ids'));
    });

    it('refuses no payload', () => {
      expect(refusal(() => check(undefined))).toEqual(malformed);
    });
  });

  describe('bg-content-notice', () => {
    const check = (payload: unknown) => content['bg-content-notice'].check(payload);

    it('keeps the text up to its cap', () => {
      expect(check({ text, extra: 1 })).toStrictEqual({ text });
    });

    it.each([[{}], [{ text: tooLongText }], [{ text: 1 }]])('refuses %j', (payload) => {
      expect(refusal(() => check(payload))).toEqual(badField('text'));
    });

    it('refuses no payload', () => {
      expect(refusal(() => check(null))).toEqual(malformed);
    });
  });
});

describe('content script → worker', () => {
  const worker = contentToWorker;
  const info = { id: 'p1', size: { width: 120, height: 120 } };

  describe('content-bg-restore', () => {
    const check = (payload: unknown) => worker['content-bg-restore'].check(payload);

    it('keeps the page address, up to its cap', () => {
      expect(check({ url: text, id: 'dropped' })).toStrictEqual({ url: text });
    });

    it.each([[{}], [{ url: tooLongText }], [{ url: 3 }]])('refuses %j', (payload) => {
      expect(refusal(() => check(payload))).toEqual(badField('url'));
    });

    it('refuses no payload', () => {
      expect(refusal(() => check(undefined))).toEqual(malformed);
    });
  });

  describe('content-bg-picked', () => {
    const check = (payload: unknown) => worker['content-bg-picked'].check(payload);

    const selector = '#pim-qr-slot';

    it('keeps the page, the placement, the picked element\'s selector and what was placed', () => {
      expect(check({ url, placementId: id, selector, info, extra: 1 })).toStrictEqual({ url, placementId: id, selector, info });
    });

    it('keeps a selector of exactly the longest length', () => {
      const longest = `#${'s'.repeat(SELECTOR_MAX_CHARS - 1)}`;
      expect(check({ url, placementId: id, selector: longest, info }).selector).toBe(longest);
    });

    it.each([
      [{ placementId: 'p', selector, info }, 'url'],
      [{ url: tooLongText, placementId: 'p', selector, info }, 'url'],
      [{ url, selector, info }, 'placementId'],
      [{ url, placementId: tooLongId, selector, info }, 'placementId'],
      [{ url, placementId: 7, selector, info }, 'placementId'],
      [{ url, placementId: 'p', info }, 'selector'],
      [{ url, placementId: 'p', selector: `#${'s'.repeat(SELECTOR_MAX_CHARS)}`, info }, 'selector'],
      [{ url, placementId: 'p', selector: 42, info }, 'selector'],
      [{ url, placementId: 'p', selector: ['#a'], info }, 'selector'],
      [{ url, placementId: 'p', selector: { toString: '#a' }, info }, 'selector'],
      [{ url, placementId: 'p', selector: null, info }, 'selector'],
      [{ url, placementId: 'p', selector: '   ', info }, 'selector'],
      [{ url, placementId: 'p', selector: 'div[aria-label="\u202Egnp.exe"]', info }, 'selector'],
      [{ url, placementId: 'p', selector, info: { id: 'p1', size: { width: 1, height: 1 } } }, 'size'],
    ])('refuses %j', (payload, field) => {
      expect(refusal(() => check(payload))).toEqual(badField(field));
    });

    it('refuses a missing info, and no payload', () => {
      expect(refusal(() => check({ url, placementId: 'p', selector }))).toEqual(malformed);
      expect(refusal(() => check('#a'))).toEqual(malformed);
    });
  });

  describe('content-bg-pick-cancelled', () => {
    const check = (payload: unknown) => worker['content-bg-pick-cancelled'].check(payload);

    it('keeps only the placement id', () => {
      expect(check({ placementId: id, tabId: 3, url })).toStrictEqual({ placementId: id });
    });

    it.each([[{}], [{ placementId: tooLongId }], [{ placementId: 7 }], [{ placementId: null }]])('refuses %j', (payload) => {
      expect(refusal(() => check(payload))).toEqual(badField('placementId'));
    });

    it('refuses no payload', () => {
      expect(refusal(() => check(undefined))).toEqual(malformed);
    });
  });

  describe('content-bg-pick-failed', () => {
    const check = (payload: unknown) => worker['content-bg-pick-failed'].check(payload);

    it('keeps the placement id and a code whose words need no values', () => {
      expect(check({ placementId: id, code: 'pick-outside-page', tabId: 3 })).toStrictEqual({ placementId: id, code: 'pick-outside-page' });
    });

    it.each([
      [{ code: 'pick-outside-page' }, 'placementId'],
      [{ placementId: tooLongId, code: 'pick-outside-page' }, 'placementId'],
      [{ placementId: 'p' }, 'code'],
      [{ placementId: 'p', code: 'no-such-code' }, 'code'],
      [{ placementId: 'p', code: 'selector-invalid' }, 'code'],
      [{ placementId: 'p', code: 7 }, 'code'],
    ])('refuses %j', (payload, field) => {
      expect(refusal(() => check(payload))).toEqual(badField(field));
    });
  });

  describe('content-bg-placement-update', () => {
    const check = (payload: unknown) => worker['content-bg-placement-update'].check(payload);

    it('keeps the page, the placement and the well-formed part of the edit', () => {
      expect(check({ url, id, position: { x: 1, y: 2 }, opacity: 0.5, size: 'big', extra: 1 })).toStrictEqual({
        url,
        id,
        position: { x: 1, y: 2 },
        opacity: 0.5,
      });
      expect(check({ url, id: 'a' })).toStrictEqual({ url, id: 'a' });
    });

    it.each([
      [{ id: 'a' }, 'url'],
      [{ url }, 'id'],
      [{ url, id: tooLongId }, 'id'],
    ])('refuses %j', (payload, field) => {
      expect(refusal(() => check(payload))).toEqual(badField(field));
    });

    it('refuses no payload', () => {
      expect(refusal(() => check(undefined))).toEqual(malformed);
    });
  });

  describe('content-bg-placement-removed', () => {
    const check = (payload: unknown) => worker['content-bg-placement-removed'].check(payload);

    it('keeps the page and the placement', () => {
      expect(check({ url, id, position: { x: 1, y: 1 } })).toStrictEqual({ url, id });
    });

    it.each([
      [{ id: 'a' }, 'url'],
      [{ url }, 'id'],
      [{ url, id: tooLongId }, 'id'],
      [{ url, id: null }, 'id'],
    ])('refuses %j', (payload, field) => {
      expect(refusal(() => check(payload))).toEqual(badField(field));
    });
  });
});

describe('the placement SVG cap', () => {
  it('ui-bg-place names the cap it refuses above', () => {
    const error = (() => {
      try {
        uiToWorker['ui-bg-place'].check({ svg: 'x'.repeat(PLACE_SVG_MAX_CHARS + 1) });
      } catch (caught) {
        return caught as PimError;
      }
      throw new Error('accepted');
    })();
    expect(error.code).toBe('image-too-large-to-place');
    expect(error.params).toStrictEqual({ maxBytes: PLACE_SVG_MAX_CHARS });
  });
});
