// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { describe, expect, it } from 'vitest';
import { cssLoadsSomething, isSafeAttribute, sanitizeSvg, SvgSanitizeError } from '../../../src/shared/sanitize-svg';

// The benign path comes first: happy-dom's HTML parser drops everything after a <script> or <style>
// inside <svg> (browsers do not), and the path must survive every vector.
const wrap = (inner: string, rootAttributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="200" viewBox="0 0 200 200"${rootAttributes}><path id="qr" d="M0 0h10v10H0z"/>${inner}</svg>`;

describe('sanitizeSvg', () => {
  it('keeps a benign sandbox-like QR with its paths, text and fragment references', () => {
    const benign =
      '<?xml version="1.0" encoding="UTF-8"?>' +
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">' +
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs>' +
      '<rect width="400" height="400" fill="#fff"/>' +
      '<path d="M40 40h20v20h-20z M80 40h20v20h-20z" fill="url(#g)"/>' +
      '<text x="200" y="390" text-anchor="middle">SANDBOX</text></svg>';
    const out = sanitizeSvg(benign);
    expect(out).toMatch(/^<svg[\s>]/);
    expect(out).toContain('d="M40 40h20v20h-20z M80 40h20v20h-20z"');
    expect(out).toContain('fill="url(#g)"');
    expect(out).toContain('SANDBOX');
    expect(out).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(out).toContain('viewBox="0 0 400 400"');
  });

  it.each([
    ['script element', wrap('<script>alert(1)</script>'), /<script|alert/i],
    ['script with xlink:href', wrap('<script xlink:href="https://evil.example/x.js"></script>'), /script|evil/i],
    ['onload on the root', wrap('', ' onload="alert(1)"'), /onload|alert/i],
    ['onclick on a child', wrap('<rect width="1" height="1" onclick="alert(1)"/>'), /onclick|alert/i],
    ['javascript: link', wrap('<a href="javascript:alert(1)"><text>x</text></a>'), /javascript|alert/i],
    ['javascript: xlink:href', wrap('<a xlink:href="javascript:alert(1)"><text>x</text></a>'), /javascript|alert/i],
    ['entity-encoded javascript:', wrap('<a href="&#106;avascript:alert(1)"><text>x</text></a>'), /javascript|alert/i],
    ['foreignObject with HTML', wrap('<foreignObject><img src="x" onerror="alert(1)"/></foreignObject>'), /foreignobject|onerror|<img/i],
    ['external image href', wrap('<image href="https://evil.example/track.png" width="1" height="1"/>'), /evil\.example/],
    ['external image xlink:href', wrap('<image xlink:href="http://evil.example/t.png"/>'), /evil\.example/],
    ['data: image', wrap('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>'), /data:/],
    ['relative file image', wrap('<image href="/secret.png"/>'), /secret\.png/],
    ['external use href', wrap('<use href="https://evil.example/sprite.svg#a"/>'), /evil\.example/],
    ['feImage filter source', wrap('<filter id="f"><feImage href="https://evil.example/x.png"/></filter>'), /evil\.example/],
    ['style attribute url()', wrap('<rect style="fill: url(https://evil.example/x)"/>'), /evil\.example/],
    ['presentation attribute url()', wrap('<rect fill="url(https://evil.example/x#g)"/>'), /evil\.example/],
    ['style element url()', wrap('<style>rect { fill: url("https://evil.example/x") }</style>'), /evil\.example/],
    ['style element @import', wrap('<style>@import "https://evil.example/x.css";</style>'), /evil\.example|@import/],
    ['escaped url() in style', wrap('<rect style="background: u\\72l(https://evil.example/x)"/>'), /evil\.example/],
    ['image-set() in style', wrap('<rect style="background-image: image-set(\'https://evil.example/x\' 1x)"/>'), /evil\.example/],
    ['animate setting href', wrap('<a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a>'), /javascript|animate/i],
    ['set element', wrap('<set attributeName="onload" to="alert(1)"/>'), /alert|<set/i],
    ['iframe smuggled in', wrap('<iframe src="https://evil.example"></iframe>'), /iframe|evil\.example/i],
  ])('removes %s', (_name, markup, forbidden) => {
    const out = sanitizeSvg(markup);
    expect(out).not.toMatch(forbidden);
    expect(out).toMatch(/^<svg[\s>]/);
    expect(out, 'the benign path after the vector survives').toContain('d="M0 0h10v10H0z"');
  });

  it('keeps same-document #fragment references', () => {
    const out = sanitizeSvg(wrap('<a href="#qr"><text>x</text></a>'));
    expect(out).toContain('href="#qr"');
  });

  it.each([
    ['an empty string', ''],
    ['plain text', 'not an image'],
    ['only a script', '<script>alert(1)</script>'],
    ['HTML without SVG', '<div><img src="x" onerror="alert(1)"></div>'],
  ])('throws SvgSanitizeError for %s', (_name, markup) => {
    expect(() => sanitizeSvg(markup)).toThrow(SvgSanitizeError);
  });

  it('returns only the svg when the body wraps it in HTML', () => {
    const out = sanitizeSvg(`<p>hello</p>${wrap('')}`);
    expect(out).toMatch(/^<svg[\s>]/);
    expect(out).not.toMatch(/<p[\s>]|hello/);
  });
});

describe('cssLoadsSomething', () => {
  it.each([
    ['fill: red', false],
    ['fill: url(#g)', false],
    ["fill: url( '#g' )", false],
    ['fill: url(https://x)', true],
    ['fill: URL(x.png)', true],
    ['@import "x.css";', true],
    ['background: u\\72l(x)', true],
    ['background: image-set("x" 1x)', true],
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
    ['src', 'data:image/png;base64,AAAA', false],
    ['href', 'other.svg#qr', false],
    ['fill', 'url(#g)', true],
    ['fill', 'url(https://evil.example/#g)', false],
    ['style', 'fill: red', true],
    ['style', '@import "x"', false],
    ['d', 'M0 0h1v1z', true],
  ])('%s=%j → %s', (name, value, safe) => {
    expect(isSafeAttribute(name, value)).toBe(safe);
  });
});

// The <style> element hook is not reachable here: happy-dom's HTML parser drops everything after a
// <style> or <script> inside <svg> (browsers keep it), so the style vectors above pass either way.
// cssLoadsSomething, which that hook calls, is covered by its own table.
