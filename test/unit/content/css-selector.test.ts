// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { cssSelectorFor, isStableName } from '../../../src/content/css-selector';
import { hasControlCharacters } from '../../../src/core/control-characters';
import { SELECTOR_MAX_CHARS } from '../../../src/shared/limits';

/**
 * Two alike chains of `depth` nested divs, each with two long class names, a span at the bottom: only
 * the top of the path tells the second span from the first.
 */
function deepTree(depth: number): Element {
  const long = (n: number) => `${'panel-section-wrapper-'.padEnd(50, 'x')}${String.fromCharCode(97 + (n % 26))}`;
  let chain = '<span>QR here</span>';
  for (let level = depth; level > 0; level--) chain = `<div class="${long(level)} ${long(level + 1)}">${chain}</div>`;
  document.body.innerHTML = chain + chain;
  return document.querySelectorAll('span')[1] as Element;
}

function findsItAgain(element: Element): string {
  const selector = cssSelectorFor(element);
  if (selector === undefined) throw new Error('no selector');
  expect(selector.length).toBeLessThanOrEqual(SELECTOR_MAX_CHARS);
  expect(hasControlCharacters(selector)).toBe(false);
  expect(document.querySelectorAll(selector)).toHaveLength(1);
  expect(document.querySelector(selector)).toBe(element);
  return selector;
}

describe('cssSelectorFor', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('uses a stable unique id', () => {
    document.body.innerHTML = '<main><div id="pim-qr-slot">QR</div></main>';
    expect(findsItAgain(document.getElementById('pim-qr-slot') as Element)).toBe('#pim-qr-slot');
  });

  it('falls back to a path for an id that is not a plain name', () => {
    document.body.innerHTML = '<div id="qr.slot">x</div><div>y</div>';
    expect(findsItAgain(document.body.firstElementChild as Element)).toBe('div:nth-of-type(1)');
  });

  it('prefers a test attribute over a path', () => {
    document.body.innerHTML = '<section><div data-testid="login-qr"></div><div></div></section>';
    expect(findsItAgain(document.querySelector('[data-testid]') as Element)).toBe('div[data-testid="login-qr"]');
  });

  it.each([
    ['a React-style id', '<div id=":r1:"><span>a</span></div><div><span>b</span></div>'],
    ['an id with a long number', '<div id="ember1234"><span>a</span></div><div><span>b</span></div>'],
    ['a duplicated id', '<div id="twin"><span>a</span></div><div id="twin"><span>b</span></div>'],
  ])('does not use %s', (_name, html) => {
    document.body.innerHTML = html;
    const target = document.querySelector('span') as Element;
    const selector = findsItAgain(target);
    expect(selector).not.toMatch(/#/);
  });

  it('adds :nth-of-type only where siblings look alike', () => {
    document.body.innerHTML = '<ol><li>a</li><li>b</li></ol><ul class="steps"><li>1</li><li>2</li><li>3</li></ul>';
    const second = document.querySelectorAll('ul li')[1] as Element;
    expect(findsItAgain(second)).toBe('ul.steps > li:nth-of-type(2)');
  });

  it('anchors a path on the nearest ancestor with a stable id', () => {
    document.body.innerHTML = '<div id="app"><section><p>a</p><p>b</p></section></div><section><p>c</p><p>d</p></section>';
    const target = document.querySelectorAll('#app p')[1] as Element;
    expect(findsItAgain(target)).toBe('#app > section > p:nth-of-type(2)');
  });

  it('skips generated class names', () => {
    document.body.innerHTML = '<div class="card css-1x2y3z"><img class="logo"></div><div class="card"><img></div>';
    const selector = findsItAgain(document.querySelector('img.logo') as Element);
    expect(selector).not.toContain('css-');
  });

  it('stays within the cap on a deep tree with long class names: positions alone', () => {
    const target = deepTree(12);
    const selector = findsItAgain(target);
    expect(selector).toBe(`div:nth-child(2) > ${'div:nth-child(1) > '.repeat(11)}span:nth-child(1)`);
    expect(selector).not.toContain('panel-section');
  });

  it('says there is no selector when even the positions are over the cap', () => {
    expect(cssSelectorFor(deepTree(60))).toBeUndefined();
  });

  it.each([
    ['a right-to-left override', 'aria-label', '\u202Egnp.exe-moc.lapyap'],
    ['an Arabic letter mark', 'data-testid', 'login\u061Cqr'],
    ['a first-strong isolate', 'name', 'qr\u2068slot'],
    ['a C1 control', 'data-qa', 'qr\u0085slot'],
  ])('does not use an attribute value with %s', (_name, attribute, value) => {
    document.body.innerHTML = '<section><div>one</div><div>two</div></section>';
    const target = document.querySelectorAll('div')[1] as Element;
    target.setAttribute(attribute, value);
    expect(findsItAgain(target)).toBe('div:nth-of-type(2)');
  });

  it('does not use an id or class names with bidi characters', () => {
    document.body.innerHTML = '<div><p>a</p></div><div><p>b</p></div>';
    const target = document.querySelectorAll('p')[1] as Element;
    target.id = 'slot\u202E';
    target.className = 'card\u200F wide\u2066';
    expect(findsItAgain(target)).toBe('div:nth-of-type(2) > p');
  });

  it('names body and html directly', () => {
    expect(cssSelectorFor(document.body)).toBe('body');
    expect(cssSelectorFor(document.documentElement)).toBe('html');
  });
});

describe('isStableName', () => {
  it.each([
    ['pim-qr-slot', true],
    ['loginForm', true],
    ['ember1234', false],
    [':r1:', false],
    ['css-1abcde', false],
    ['1starts-with-digit', false],
    ['a'.repeat(80), false],
  ])('%s → %s', (name, expected) => {
    expect(isStableName(name)).toBe(expected);
  });
});
