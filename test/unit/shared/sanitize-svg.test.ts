// The allow-list filter runs on a real XML parser in plain Node: nothing here depends on a DOM
// implementation's quirks (happy-dom, for one, drops <script> by itself and would hide a failure).
import { describe, expect, it } from 'vitest';
import {
  cssLoadsSomething,
  isContainedStylesheet,
  isSafeAttribute,
  MAX_SVG_DEPTH,
  sanitizeSvg,
  SVG_NS,
} from '../../../src/shared/sanitize-svg';
import { SvgSanitizeError } from '../../../src/shared/svg-sanitize-error';
import { hostileSvgCorpus } from '../../fixtures/hostile-svg/corpus';
import { styleAttackCorpus } from '../../fixtures/hostile-svg/style-attacks';

const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const PATH = '<path id="qr" d="M0 0h10v10H0z"/>';
const wrap = (inner: string, rootAttributes = '') => `<svg ${NS} width="200" height="200" viewBox="0 0 200 200"${rootAttributes}>${PATH}${inner}</svg>`;
const BEACON = 'http://127.0.0.1:9/__sandbox/beacon';

/** Anything in the output that could run, load, escape or carry an attack. */
const FORBIDDEN = /<script|\son[a-z]+\s*=|javascript:|data:|foreignObject|<image|<feImage|<iframe|<embed|<object|<handler|<animate|<set[\s/>]|@import|@font-face|@namespace|:host|beacon|url\((?!#)|<a[\s>]|<html|<div|<img|<p[\s>]|<math/i;

describe('sanitizeSvg', () => {
  it('keeps a benign sandbox-like QR exactly: paths, text, gradients, fragment references', () => {
    const benign =
      '<?xml version="1.0" encoding="UTF-8"?><!-- made by the sandbox -->' +
      `<svg ${NS} width="400" height="400" viewBox="0 0 400 400">` +
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs>' +
      '<rect width="400" height="400" fill="#fff"/>' +
      '<path d="M40 40h20v20h-20z M80 40h20v20h-20z" fill="url(#g)"/>' +
      '<use xlink:href="#g"/><text x="200" y="390" text-anchor="middle" xml:space="preserve">SANDBOX &amp; co &lt;3</text></svg>';
    expect(sanitizeSvg(benign)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="400" viewBox="0 0 400 400">' +
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs>' +
        '<rect width="400" height="400" fill="#fff"/>' +
        '<path d="M40 40h20v20h-20z M80 40h20v20h-20z" fill="url(#g)"/>' +
        '<use xlink:href="#g"/><text x="200" y="390" text-anchor="middle" xml:space="preserve">SANDBOX &amp; co &lt;3</text></svg>',
    );
  });

  it.each([
    ['script element', wrap('<script>alert(1)</script>')],
    ['script in CDATA', wrap('<script><![CDATA[alert(1)]]></script>')],
    ['script with xlink:href', wrap('<script xlink:href="https://evil.example/x.js"></script>')],
    ['onload on the root', wrap('', ' onload="alert(1)"')],
    ['ONLOAD in capitals', wrap('', ' ONLOAD="alert(1)"')],
    ['onclick on a child', wrap('<rect width="1" height="1" onclick="alert(1)"/>')],
    ['onbegin on an animation', wrap('<animate attributeName="x" onbegin="alert(1)"/>')],
    ['javascript: link', wrap('<a href="javascript:alert(1)"><text>x</text></a>')],
    ['javascript: xlink:href', wrap('<a xlink:href="javascript:alert(1)"><text>x</text></a>')],
    ['entity-encoded javascript:', wrap('<a href="&#106;avascript:alert(1)"><text>x</text></a>')],
    ['foreignObject with HTML', wrap('<foreignObject><img src="x" onerror="alert(1)"/></foreignObject>')],
    ['XHTML by default namespace', wrap('<g xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></g>')],
    ['prefixed script', wrap('<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>')],
    ['external image', wrap('<image href="https://evil.example/track.png" width="1" height="1"/>')],
    ['data: image', wrap('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>')],
    ['external use', wrap('<use href="https://evil.example/sprite.svg#a"/>')],
    ['data: use', wrap('<use href="data:image/svg+xml;base64,PHN2Zy8+#a"/>')],
    ['feImage', wrap('<filter id="f"><feImage href="https://evil.example/x.png"/></filter>')],
    ['style attribute url()', wrap('<rect style="fill: url(https://evil.example/x)"/>')],
    ['presentation attribute url()', wrap('<rect fill="url(https://evil.example/x#g)"/>')],
    ['escaped url() in style', wrap('<rect style="background: u\\72l(https://evil.example/x)"/>')],
    ['animate setting href', wrap('<a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a>')],
    ['set adding a handler', wrap('<set attributeName="onload" to="alert(1)"/>')],
    ['iframe, embed, object', wrap('<iframe src="https://evil.example"></iframe><embed src="x"/><object data="x"></object>')],
    ['xml:base rewriting links', wrap('<g xml:base="https://evil.example/"><use href="#qr"/></g>')],
    ['xmlns:xlink bound elsewhere', wrap('<use xmlns:xlink="https://evil.example/ns" xlink:href="#qr"/>')],
    ['src attribute', wrap('<rect src="https://evil.example/x"/>')],
    ['processing instruction', wrap('<?xml-stylesheet href="https://evil.example/x.css"?>')],
  ])('removes %s and keeps the picture', (_name, markup) => {
    const out = sanitizeSvg(markup);
    expect(out).not.toMatch(FORBIDDEN);
    expect(out).not.toMatch(/evil\.example|alert/);
    expect(out).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s>]/);
    expect(out, 'the benign path survives').toContain('<path id="qr" d="M0 0h10v10H0z"/>');
  });

  it('unwraps links and switches: their drawing stays, the link goes', () => {
    expect(sanitizeSvg(wrap('<a href="#qr"><rect width="3" height="3"/></a><switch><circle r="2"/></switch>'))).toContain(
      `${PATH}<rect width="3" height="3"/><circle r="2"/></svg>`,
    );
  });

  it('keeps #fragment references and only those', () => {
    const out = sanitizeSvg(wrap('<use href="#qr"/><use href="qr#qr"/><use href=" #qr"/>'));
    expect(out).toContain('<use href="#qr"/><use/><use href=" #qr"/>');
  });

  it('escapes what it writes, so its output parses back to the same tree', () => {
    const out = sanitizeSvg(wrap('<text>&lt;script&gt; "q" &amp; \'a\'</text><rect id="a&quot;b&lt;c" width="1"/>'));
    expect(out).toContain('<text>&lt;script&gt; "q" &amp; \'a\'</text>');
    expect(out).toContain('<rect id="a&quot;b&lt;c" width="1"/>');
  });

  it('adds a viewBox from a plain width and height, so the image scales', () => {
    expect(sanitizeSvg(`<svg ${NS} width="300px" height="150">${PATH}</svg>`)).toMatch(/^<svg [^>]*width="300px" height="150" viewBox="0 0 300 150">/);
    expect(sanitizeSvg(`<svg ${NS} width="100%" height="150">${PATH}</svg>`)).not.toContain('viewBox');
    expect(sanitizeSvg(`<svg ${NS} width="10" height="10" viewBox="0 0 5 5">${PATH}</svg>`)).toContain('viewBox="0 0 5 5"');
  });

  it('adds xmlns:xlink only when an xlink:href is kept', () => {
    expect(sanitizeSvg(wrap(''))).not.toContain('xmlns:xlink');
    expect(sanitizeSvg(wrap('<use xlink:href="#qr"/>'))).toContain('xmlns:xlink="http://www.w3.org/1999/xlink"');
  });

  it('takes the first <svg> out of a wrapper that is not XML', () => {
    const out = sanitizeSvg(`<p>hello<br></p><img src=x onerror=alert(1)>${wrap('')}`);
    expect(out).toMatch(/^<svg[\s>]/);
    expect(out).not.toMatch(/hello|<p[\s>]|onerror/);
  });

  it('ignores undefined entities and never expands a DTD', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${wrap('<text>&b;&nbsp;</text>')}`;
    const out = sanitizeSvg(laughs);
    expect(out).not.toContain('aaaaaaaaaa');
    expect(out.length).toBeLessThan(400);
  });

  it.each([
    ['an empty string', ''],
    ['whitespace', '  \n '],
    ['plain text', 'not an image'],
    ['only a script', '<script>alert(1)</script>'],
    ['HTML without SVG', '<div><img src="x" onerror="alert(1)"></div>'],
    ['an SVG in another namespace', '<svg xmlns="http://www.w3.org/1999/xhtml"><path d="M0 0"/></svg>'],
    ['malformed SVG', `<svg ${NS}><rect></svg>`],
    ['mutation XSS attempt', `<svg ${NS}><p><style><g title="</style><img src=x onerror=alert(1)>">${PATH}</svg>`],
  ])('refuses %s with SvgSanitizeError', (_name, markup) => {
    expect(() => sanitizeSvg(markup)).toThrow(SvgSanitizeError);
  });

  it(`refuses nesting deeper than ${MAX_SVG_DEPTH} levels and accepts exactly that depth`, () => {
    const nest = (levels: number) => `<svg ${NS}>${'<g>'.repeat(levels)}${PATH}${'</g>'.repeat(levels)}</svg>`;
    expect(() => sanitizeSvg(nest(MAX_SVG_DEPTH - 1))).not.toThrow();
    expect(() => sanitizeSvg(nest(MAX_SVG_DEPTH + 1))).toThrow(/nests its parts too deeply/);
    expect(() => sanitizeSvg(nest(100_000))).toThrow(SvgSanitizeError);
  });

  it('leaves nothing of any vector in the hostile corpus', () => {
    for (const vector of [...hostileSvgCorpus(BEACON), ...styleAttackCorpus(BEACON)]) {
      let out: string;
      try {
        out = sanitizeSvg(vector.svg);
      } catch (error) {
        expect(error, vector.name).toBeInstanceOf(SvgSanitizeError);
        continue;
      }
      expect(out, vector.name).not.toMatch(FORBIDDEN);
      // A payload may survive only as text (a <title> that spells "<script>"), never as markup.
      expect(out.replace(/<title>[^<]*<\/title>/g, ''), vector.name).not.toMatch(/pwned/);
    }
  });
});

describe('sanitizeSvg: what it keeps', () => {
  // Every element a QR image may use, each with an attribute that must come through as written.
  const KEPT = [
    'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc',
    'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path', 'text', 'tspan', 'textPath',
    'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'marker',
    'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix',
    'feDiffuseLighting', 'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA',
    'feFuncB', 'feFuncG', 'feFuncR', 'feGaussianBlur', 'feMerge', 'feMergeNode', 'feMorphology',
    'feOffset', 'fePointLight', 'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
  ];

  it.each(KEPT)('keeps <%s> with its attributes', (name) => {
    expect(sanitizeSvg(wrap(`<${name} id="k-${name}" class="m"/>`))).toContain(`<${name} id="k-${name}" class="m"/>`);
  });

  it('keeps a root without xmlns, and a child that names the SVG namespace itself', () => {
    expect(sanitizeSvg(`<svg width="10" height="10">${PATH}</svg>`)).toBe(
      `<svg xmlns="${SVG_NS}" width="10" height="10" viewBox="0 0 10 10">${PATH}</svg>`,
    );
    expect(sanitizeSvg(wrap(`<g xmlns="${SVG_NS}"><rect width="7"/></g>`))).toContain('<g><rect width="7"/></g>');
  });

  it('drops what a foreign default namespace declares, content and all', () => {
    const out = sanitizeSvg(wrap('<g xmlns="http://www.w3.org/1999/xhtml"><rect width="7"/></g>'));
    expect(out).not.toContain('width="7"');
    expect(out).toContain(PATH);
  });

  it('keeps tabs and line breaks inside attribute values as character references', () => {
    expect(sanitizeSvg(wrap('<text id="a&#9;b&#10;c&#13;d">x</text>'))).toContain('<text id="a&#9;b&#10;c&#13;d">x</text>');
  });

  it('joins the text of a stylesheet around an element inside it', () => {
    expect(sanitizeSvg(wrap('<style>rect {<desc>x</desc> fill: #000 }</style>'))).toContain('<style>rect { fill: #000 }</style>');
  });

  it('reads a stylesheet from its text alone, joined across comments, ignoring elements inside it', () => {
    expect(sanitizeSvg(wrap('<style>rect {<!-- note --> fill: #000 }<desc>:host</desc></style>'))).toContain('<style>rect { fill: #000 }</style>');
  });

  it('adds a viewBox from decimal sizes, and none from a width or height that is not a plain length', () => {
    expect(sanitizeSvg(`<svg width="300.25" height="150.5">${PATH}</svg>`)).toContain('viewBox="0 0 300.25 150.5"');
    for (const [width, height] of [['a300', '150'], ['300', '0'], ['300', '-5'], ['300', '2em']]) {
      expect(sanitizeSvg(`<svg width="${width}" height="${height}">${PATH}</svg>`), `${width}×${height}`).not.toContain('viewBox');
    }
  });

  it('finds the <svg> inside a well-formed wrapper, and stops at its end when junk follows', () => {
    expect(sanitizeSvg(`<html><body>${wrap('')}</body></html>`)).toContain(PATH);
    expect(sanitizeSvg(`<p>before</p>${wrap('')}<p>after <b>unclosed</p>`)).toContain(PATH);
  });

  it('parses the whole document first: a comment after the image may mention </svg>', () => {
    expect(sanitizeSvg(`${wrap('')}<!-- old copy: <svg></svg> -->`)).toContain(PATH);
  });

  it.each([
    ['no opening tag', 'nothing here </svg>', 'No SVG image remains after removing unsafe content.'],
    ['an end before the start', '</svg> then <svg', 'No SVG image remains after removing unsafe content.'],
    ['an empty image', ' \n', 'The image is empty.'],
    ['a broken image in a wrapper', `<p><svg ${NS}><rect></svg>`, /^The image is not well-formed SVG: .+\.$/],
    ['a broken image at the start', `<svg ${NS}><rect></svg>`, 'The image is not well-formed SVG: Missing end tag for element rect (line 1, column 90).'],
    ['a broken image after an end tag', '</svg> then <svg>', 'No SVG image remains after removing unsafe content.'],
    [
      'absurd nesting in a wrapper',
      `<p><svg ${NS}>${'<g>'.repeat(100_000)}${'</g>'.repeat(100_000)}</svg>`,
      'The image is not well-formed SVG: it nests too deeply.',
    ],
  ])('says why for %s', (_name, markup, message) => {
    expect(() => sanitizeSvg(markup)).toThrow(message);
  });

  it('refuses markup that is not a string', () => {
    expect(() => sanitizeSvg(42 as unknown as string)).toThrow('The image is empty.');
  });
});

describe('sanitizeSvg: images whose drawing could freeze a view', () => {
  // The limits are written out here on purpose, not imported: 20,000 elements, 200 <use>, 50,000 drawn.
  it('accepts a flat <use> of a plain shape, and a <use> of a group without <use>', () => {
    expect(sanitizeSvg(wrap('<rect id="m" width="1" height="1"/><use href="#m" x="2"/>'))).toContain('<use href="#m" x="2"/>');
    expect(sanitizeSvg(wrap('<g id="g"><rect width="1"/><rect width="2"/></g><use xlink:href="#g"/>'))).toContain('<use xlink:href="#g"/>');
  });

  it.each([
    ['a <use> of a group holding <use>', '<g id="a"><rect width="1" height="1"/></g><g id="b"><use href="#a"/><use href="#a"/></g><use href="#b"/>', /could freeze/],
    ['a <use> of a <use>', '<rect id="a" width="1" height="1"/><use id="b" href="#a"/><use href="#b"/>', /could freeze/],
    ['a <use> of its own ancestor', '<g id="self"><g><use href="#self"/></g></g>', /could freeze/],
    ['xlink:href nesting', '<g id="a"><use xlink:href="#x"/></g><rect id="x"/><use xlink:href="#a"/>', /could freeze/],
    ['nine levels of ten', `<defs><rect id="a0" width="1" height="1"/>${Array.from({ length: 9 }, (_, i) => `<g id="a${i + 1}">${`<use href="#a${i}"/>`.repeat(10)}</g>`).join('')}</defs><use href="#a9"/>`, /could freeze/],
    ['201 <use>', `<rect id="a"/>${'<use href="#a"/>'.repeat(201)}`, 'The image repeats parts of itself too often to show safely.'],
    ['20,001 elements', '<rect/>'.repeat(20_000), 'The image is too complex to show safely.'],
    ['flat copies of a large group', `<g id="g">${'<rect/>'.repeat(1_000)}</g>${'<use href="#g"/>'.repeat(50)}`, 'The image draws too many copies of its parts to show safely.'],
  ])('refuses %s', (_name, inner, message) => {
    expect(() => sanitizeSvg(wrap(inner))).toThrow(message);
  });

  it('accepts exactly the limits: 200 <use>, and copies that draw 50,000 elements in all', () => {
    expect(() => sanitizeSvg(wrap(`<rect id="a"/>${'<use href="#a"/>'.repeat(200)}`))).not.toThrow();
    // 2 (root, path) + 1 group + 999 rects + 49 uses = 1,051 elements; each use draws 1,000 more: 50,051.
    expect(() => sanitizeSvg(wrap(`<g id="g">${'<rect/>'.repeat(999)}</g>${'<use href="#g"/>'.repeat(49)}`))).toThrow(/too many copies/);
    expect(() => sanitizeSvg(wrap(`<g id="g">${'<rect/>'.repeat(999)}</g>${'<use href="#g"/>'.repeat(48)}`))).not.toThrow();
  });

  it('accepts exactly 20,000 elements', () => {
    // The root and the path of wrap() are two of them.
    expect(() => sanitizeSvg(wrap('<rect/>'.repeat(19_998)))).not.toThrow();
  });

  it('follows a link with blanks around it, and the first element of an id, as browsers do', () => {
    expect(() => sanitizeSvg(wrap('<g id="b"><use href="#qr"/></g><use href=" #b "/>'))).toThrow(/could freeze/);
    expect(() => sanitizeSvg(wrap('<rect id="a"/><g id="a"><use href="#qr"/></g><use href="#a"/>'))).not.toThrow();
  });

  it('ignores a <use> of nothing, or of another document', () => {
    expect(() => sanitizeSvg(wrap('<use href="#missing"/><use href="other.svg#a"/>'))).not.toThrow();
  });
});

describe('styles', () => {
  it.each([
    ['rect { fill: #000 }', true],
    ['.m { fill: url(#g) }', true],
    ['* { fill: red } rect:has(+ path) { opacity: .5 }', true],
    [':host { position: fixed }', false],
    [':HOST-context(body) { display: none }', false],
    ['@import "x.css";', false],
    ['@font-face { font-family: x; src: local(Arial) }', false],
    ['@namespace svg url(http://www.w3.org/2000/svg);', false],
    ['@media print { rect { fill: red } }', false],
    ['rect[id^="a"] { fill: url(https://evil.example/?a) }', false],
    ['rect { fill: u\\72l(x) }', false],
  ])('%s → contained: %s', (css, contained) => {
    expect(isContainedStylesheet(css)).toBe(contained);
  });

  it('drops a <style> that could reach outside the image, keeps one that cannot', () => {
    expect(sanitizeSvg(wrap('<style>:host { position: fixed }</style>'))).not.toContain('<style');
    expect(sanitizeSvg(wrap('<style><![CDATA[rect > path { fill: #000 }]]></style>'))).toContain('<style>rect &gt; path { fill: #000 }</style>');
  });
});

describe('cssLoadsSomething', () => {
  it.each([
    ['fill: red', false],
    ['fill: url(#g)', false],
    ["fill: url( '#g' )", false],
    ['fill: url(https://x)', true],
    ['fill: URL(x.png)', true],
    ['fill: url(#g), url(x)', true],
    ['@import "x.css";', true],
    ['background: u\\72l(x)', true],
    ['background: image-set("x" 1x)', true],
    ['width: expression(alert(1))', true],
    ['-moz-binding: x', true],
    ['behavior: url(x.htc)', true],
    ['behavior : x', true],
    ['behavior:x', true],
    ['background: image-set ("x" 1x)', true],
    ['width: expression (alert(1))', true],
    ['fill: url (x)', true],
    ['fill: url ( #g )', false],
    ['fill: url("#g") url( " x")', true],
  ])('%s → %s', (css, loads) => {
    expect(cssLoadsSomething(css)).toBe(loads);
  });
});

describe('isSafeAttribute', () => {
  it.each([
    ['href', '#qr', true],
    ['xlink:href', ' #qr', true],
    ['HREF', 'javascript:alert(1)', false],
    ['href', 'https://evil.example/', false],
    ['href', 'other.svg#qr', false],
    ['src', '#qr', false],
    ['onload', '', false],
    ['OnClick', 'x()', false],
    ['xml:base', 'https://evil.example/', false],
    ['xmlns:xlink', 'http://www.w3.org/1999/xlink', false],
    ['ev:event', 'load', false],
    ['xml:space', 'preserve', true],
    ['xml:lang', 'nl', true],
    ['xlink:href', 'https://evil.example/', false],
    ['XLINK:HREF', 'https://evil.example/', false],
    ['1fill', 'red', false],
    ['fillé', 'red', false],
    ['fill', 'url(#g)', true],
    ['fill', 'url(https://evil.example/#g)', false],
    ['style', 'fill: red', true],
    ['style', '@import "x"', false],
    ['d', 'M0 0h1v1z', true],
    ['stop-color', '#000', true],
  ])('%s=%j → %s', (name, value, safe) => {
    expect(isSafeAttribute(name, value)).toBe(safe);
  });
});
