import { describe, expect, it } from 'vitest';
import { base64Utf8, exportFileName, svgDataUrl, svgPixelSize, titleSlug } from '../../../src/popup/exports';

describe('titleSlug', () => {
  it.each([
    ['Log in with PiM', 'log-in-with-pim'],
    ['  Café – Prêt!  ', 'cafe-pret'],
    ['***', 'qr'],
    ['', 'qr'],
    ['a'.repeat(60), 'a'.repeat(40)],
    ['../../etc/passwd', 'etc-passwd'],
  ])('%j → %j', (title, slug) => expect(titleSlug(title)).toBe(slug));
});

describe('exportFileName', () => {
  it.each([
    ['svg', 1, 'pim-qr-hello-400x300.svg'],
    ['png', 1, 'pim-qr-hello-400x300.png'],
    ['png', 2, 'pim-qr-hello-400x300@2x.png'],
    ['png', 4, 'pim-qr-hello-400x300@4x.png'],
  ] as const)('%s at %d×', (format, scale, name) => expect(exportFileName('Hello', 400, 300, format, scale)).toBe(name));
});

describe('base64Utf8 and svgDataUrl', () => {
  it('encodes UTF-8, not Latin-1', () => {
    expect(base64Utf8('é€')).toBe(Buffer.from('é€', 'utf8').toString('base64'));
  });

  it('handles markup larger than one chunk', () => {
    const big = `<svg>${'x'.repeat(100_000)}é</svg>`;
    expect(Buffer.from(base64Utf8(big), 'base64').toString('utf8')).toBe(big);
  });

  it('builds an image/svg+xml base64 data URL', () => {
    expect(svgDataUrl('<svg/>')).toBe(`data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`);
  });
});

describe('svgPixelSize', () => {
  const fallback = { width: 1, height: 2 };
  it.each([
    ['<svg width="400" height="300">', { width: 400, height: 300 }],
    ["<svg height='300px' width='400.4'>", { width: 400, height: 300 }],
    ['<svg width="100%" height="50">', { width: 1, height: 50 }],
    ['<svg viewBox="0 0 10 10">', fallback],
    ['<svg stroke-width="3" height="9">', { width: 1, height: 9 }],
    ['<g width="5"><svg width="7">', fallback],
  ])('%s', (svg, expected) => expect(svgPixelSize(`${svg}</svg>`, fallback)).toEqual(expected));
});
