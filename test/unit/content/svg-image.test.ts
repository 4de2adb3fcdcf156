// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { describe, expect, it } from 'vitest';
import { prepareSvg, purifyInPlace } from '../../../src/content/svg-image';
import { PimError } from '../../../src/core/errors';
import { renderSandboxSvg } from '../../../src/core/sandbox/render';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const parse = (markup: string) => new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;

describe('prepareSvg', () => {
  it('gives a sandbox QR as an SVG element sized by CSS, keeping its drawing', () => {
    const { svg, natural } = prepareSvg(document, renderSandboxSvg({ redirect: 1, title: 'T', description: '', attributes: ['Email'], width: 300, height: 320 }));
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg.ownerDocument).toBe(document);
    expect(natural).toEqual({ width: 300, height: 320 });
    expect(svg.getAttribute('viewBox')).toBe('0 0 300 320');
    expect(svg.hasAttribute('width')).toBe(false);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^M\d/);
  });

  it('is named a PiM QR code, then by its own title when it has one', () => {
    expect(prepareSvg(document, `<svg ${NS}><title>Inloggen met PiM</title><rect width="5" height="5"/></svg>`).svg.getAttribute('aria-label')).toBe(
      'PiM QR code: Inloggen met PiM',
    );
    expect(prepareSvg(document, `<svg ${NS}><title>  </title><rect width="5" height="5"/></svg>`).svg.getAttribute('aria-label')).toBe('PiM QR code');
    expect(prepareSvg(document, `<svg ${NS}><rect width="5" height="5"/></svg>`).svg.getAttribute('aria-label')).toBe('PiM QR code');
  });

  it('turns width and height into a viewBox so CSS can scale it', () => {
    const { svg, natural } = prepareSvg(document, `<svg ${NS} width="50" height="60"><rect width="5" height="5"/></svg>`);
    expect(natural).toEqual({ width: 50, height: 60 });
    expect(svg.getAttribute('viewBox')).toBe('0 0 50 60');
  });

  it('ignores absurd dimensions', () => {
    const { natural } = prepareSvg(document, `<svg ${NS} width="1e12" height="99999999999"><rect width="5" height="5"/></svg>`);
    expect(natural).toBeUndefined();
  });

  it.each([
    ['no SVG at all', '<p>hello</p>'],
    ['an empty string', ''],
    ['only a script', '<script>alert(1)</script>'],
  ])('refuses %s with a clear PimError', (_name, markup) => {
    let error: unknown;
    try {
      prepareSvg(document, markup);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PimError);
    expect((error as PimError).kind).toBe('unreadable-response');
    expect((error as PimError).code).toBe('svg-refused');
  });
});

// The markup reaching this pass has been through the allow-list already; these trees have not, so
// the pass is tested on its own.
describe('purifyInPlace (the second pass, as DOM)', () => {
  const scrubbed = (inner: string, rootAttributes = '') => {
    const svg = parse(`<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"${rootAttributes}><rect id="keep" width="1" height="1"/>${inner}</svg>`);
    purifyInPlace(svg);
    return new XMLSerializer().serializeToString(svg);
  };

  it.each([
    ['a script', '<script>alert(1)</script>', /script|alert/],
    ['an event handler', '<rect onclick="alert(1)"/>', /onclick/],
    ['a javascript: link', '<a href="javascript:alert(1)"><rect/></a>', /javascript/],
    ['an external xlink:href', '<use xlink:href="https://evil.example/a#b"/>', /evil/],
    ['a loading style element', '<style>@import "https://evil.example/x.css";</style>', /evil|@import/],
    ['a loading style attribute', '<rect style="fill:url(https://evil.example/x)"/>', /evil/],
    ['an image', '<image href="#keep"/>', /image/],
    ['HTML in the SVG', '<div xmlns="http://www.w3.org/1999/xhtml">x</div>', /div/],
  ])('removes %s', (_name, inner, forbidden) => {
    const out = scrubbed(inner);
    expect(out).not.toMatch(forbidden);
    expect(out).toContain('id="keep"');
  });

  it('removes handlers on the root and keeps fragment references', () => {
    const out = scrubbed('<rect fill="url(#keep)"/>', ' onload="alert(1)"');
    expect(out).not.toContain('onload');
    expect(out).toContain('fill="url(#keep)"');
  });
});
