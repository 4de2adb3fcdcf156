import { describe, expect, it } from 'vitest';
import { base64Utf8, exportFileName, screenshotFileName, svgDataUrl, svgPixelSize, titleSlug } from '../../../src/popup/exports';

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

describe('screenshotFileName', () => {
  // Local time, as the person reads the clock: 30 November 2026, 14:05:59.
  const at = new Date(2026, 10, 30, 14, 5, 59);
  it.each([
    ['https://staging.example.com/login?next=/', 'pim-qr-staging.example.com-2026-11-30-1405.png'],
    ['http://127.0.0.1:8787/demo/login.html', 'pim-qr-127.0.0.1-2026-11-30-1405.png'],
    ['https://Shop.Example.COM./cart', 'pim-qr-shop.example.com-2026-11-30-1405.png'],
    ['https://bücher.example/', 'pim-qr-xn--bcher-kva.example-2026-11-30-1405.png'],
    ['http://[::1]:3000/', 'pim-qr-1-2026-11-30-1405.png'],
    ['file:///home/me/mock-up.html', 'pim-qr-page-2026-11-30-1405.png'],
    ['chrome://newtab/', 'pim-qr-newtab-2026-11-30-1405.png'],
    ['not a url', 'pim-qr-page-2026-11-30-1405.png'],
    [undefined, 'pim-qr-page-2026-11-30-1405.png'],
    [`https://${'a'.repeat(63)}.example/`, `pim-qr-${'a'.repeat(60)}-2026-11-30-1405.png`],
    // Cut at 60 characters, a dot left at the end goes too.
    [`https://${'a'.repeat(59)}.${'b'.repeat(20)}.example/`, `pim-qr-${'a'.repeat(59)}-2026-11-30-1405.png`],
  ])('%j → %s', (url, name) => expect(screenshotFileName(url, at)).toBe(name));

  it('pads months, days, hours and minutes', () => {
    expect(screenshotFileName('https://a.example/', new Date(2027, 0, 2, 3, 4))).toBe('pim-qr-a.example-2027-01-02-0304.png');
  });

  it('keeps only letters, digits, dots and hyphens, never a leading dot', () => {
    for (const url of ['https://a.example/', 'http://[fe80::1%25eth0]/', 'http://..a..b../', 'https://-x-.example/']) {
      expect(screenshotFileName(url, at)).toMatch(/^pim-qr-[a-z0-9][a-z0-9.-]*-2026-11-30-1405\.png$/);
    }
  });
});
