import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { PIM_ATTRIBUTES } from '../../../../src/core/attributes';
import { SANDBOX_QR_ORIGIN, renderSandboxSvg, sandboxQrUrl, type SandboxImageParams } from '../../../../src/core/sandbox/render';
import { escapeXml, fitLine, wrapLines } from '../../../../src/core/sandbox/svg-text';
import { decodeQr, rasterize } from './sandbox-test-kit';

const params = (overrides: Partial<SandboxImageParams> = {}): SandboxImageParams => ({
  redirect: 1,
  title: 'Log in',
  description: 'Share your e-mail address',
  attributes: ['Email'],
  width: 200,
  height: 200,
  ...overrides,
});

describe('sandboxQrUrl', () => {
  it('puts the redirect and the attribute list under the reserved .invalid domain', () => {
    expect(sandboxQrUrl(3, ['Email', 'Mobile'])).toBe('https://sandbox.pim.invalid/r/3?attributes=Email,Mobile');
    expect(new URL(sandboxQrUrl(3, ['Email'])).hostname.endsWith('.invalid')).toBe(true);
    expect(SANDBOX_QR_ORIGIN).toBe('https://sandbox.pim.invalid');
  });

  it('normalizes like the handler: digit strings, spaces, duplicates', () => {
    expect(sandboxQrUrl('01', ' Email , Mobile,Email')).toBe(sandboxQrUrl(1, ['Email', 'Mobile']));
  });

  it('differs for different requests', () => {
    expect(sandboxQrUrl(1, 'Email')).not.toBe(sandboxQrUrl(2, 'Email'));
    expect(sandboxQrUrl(1, 'Email')).not.toBe(sandboxQrUrl(1, 'Mobile'));
  });
});

describe('renderSandboxSvg: the QR scans back to sandboxQrUrl', () => {
  it.each([
    [200, 200, 1, ['Email', 'Mobile']],
    [400, 300, 4, ['FirstName', 'FamilyNamePrefix', 'FamilyName', 'DateOfBirth']],
    [400, 400, 1, [...PIM_ATTRIBUTES]],
    [300, 600, 12, ['HeadShot']],
    [120, 120, 1, ['Email']],
  ])('%i×%i, redirect %i, %j', (width, height, redirect, attributes) => {
    const svg = renderSandboxSvg(params({ width, height, redirect, attributes }));
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    const image = rasterize(svg);
    expect([image.width, image.height]).toEqual([width, height]);
    expect(decodeQr(svg)).toBe(sandboxQrUrl(redirect, attributes));
  });

  it('draws the modules as one path and does not use qrcode’s renderers', () => {
    const svg = renderSandboxSvg(params());
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).not.toMatch(/<image|data:image/);
  });

  it('makes the QR as large as the text leaves room for', () => {
    const side = (svg: string): number => {
      const match = /translate\([\d.]+ [\d.]+\) scale\(([\d.]+)\)/.exec(svg);
      return Number(match?.[1]);
    };
    const small = side(renderSandboxSvg(params({ width: 200, height: 200 })));
    const large = side(renderSandboxSvg(params({ width: 400, height: 400 })));
    expect(large / small).toBeGreaterThan(1.9);
    // Width-limited: a tall image gives the QR (modules + 4 quiet-zone modules a side) the full width.
    const tall = renderSandboxSvg(params({ width: 300, height: 900, attributes: ['Email'] }));
    const { modules } = QRCode.create(sandboxQrUrl(1, ['Email']), { errorCorrectionLevel: 'M' });
    expect(side(tall) * (modules.size + 8)).toBeCloseTo(300, 0);
  });
});

describe('renderSandboxSvg: text and marking', () => {
  it('shows a SANDBOX band, the title and the description, with an accessible <title>', () => {
    const svg = renderSandboxSvg(params({ title: 'Welkom', description: 'Deel je naam' }));
    expect(svg).toMatch(/<text[^>]*>SANDBOX[^<]*<\/text>/);
    expect(svg).toMatch(/<text[^>]*>Welkom<\/text>/);
    expect(svg).toMatch(/<text[^>]*>Deel je naam<\/text>/);
    expect(svg).toMatch(/<svg[^>]*>\s*<title>Welkom \(SANDBOX · not a real PiM code\)<\/title>/);
    expect(svg).toContain('role="img"');
  });

  it('prints the band it is given (the extension passes the browser’s language), shortened to SANDBOX when it does not fit', () => {
    const dutch = 'SANDBOX · geen echte PiM-code';
    expect(renderSandboxSvg(params({ width: 400, height: 400 }), dutch)).toMatch(/<text[^>]*>SANDBOX · geen echte PiM-code<\/text>/);
    expect(renderSandboxSvg(params({ width: 400, height: 400 }))).toMatch(/<text[^>]*>SANDBOX · not a real PiM code<\/text>/);
    expect(renderSandboxSvg(params({ width: 60, height: 60 }), dutch)).toMatch(/<text[^>]*>SANDBOX<\/text>/);
  });

  it('keeps the SANDBOX band clear of the QR', () => {
    const svg = renderSandboxSvg(params({ width: 200, height: 200 }));
    const band = Number(/<rect width="200" height="([\d.]+)" fill="#FFB400"\/>/.exec(svg)?.[1]);
    const qrTop = Number(/translate\([\d.]+ ([\d.]+)\)/.exec(svg)?.[1]);
    expect(band).toBeGreaterThan(0);
    expect(qrTop).toBeGreaterThanOrEqual(band);
  });

  it('escapes markup in the title and description, and the SVG stays well-formed', () => {
    const title = `<script>alert("x")</script> & 'quotes'`;
    const description = `a < b && c > d "e"`;
    const svg = renderSandboxSvg(params({ title, description, width: 400, height: 400 }));
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quotes&apos;');
    expect(svg).toContain('a &lt; b &amp;&amp; c &gt; d &quot;e&quot;');
    // resvg parses strictly: an unescaped < or & makes it throw.
    expect(decodeQr(svg)).toBe(sandboxQrUrl(1, ['Email']));
  });

  it('replaces characters XML forbids instead of producing an unparsable file', () => {
    const svg = renderSandboxSvg(params({ title: 'bell\u0007 null\u0000 lone\uD800' }));
    for (const bad of ['\u0000', '\u0007', '\uD800']) expect(svg).not.toContain(bad);
    expect(svg).toContain('bell\uFFFD');
    expect(() => rasterize(svg)).not.toThrow();
  });

  it('cuts an over-long title with an ellipsis but keeps it whole in <title>', () => {
    const title = 'A very long title that cannot possibly fit on one line of a small image';
    const svg = renderSandboxSvg(params({ title, width: 200 }));
    expect(svg).toContain(`<title>${title} (SANDBOX · not a real PiM code)</title>`);
    expect(svg).toMatch(/<text[^>]*font-weight="700">A very[^<]*…<\/text>/);
  });

  it('drops the description and then the title on tiny images, never the QR or the band', () => {
    const medium = renderSandboxSvg(params({ width: 60, height: 40, description: 'Some words here', title: 'Title' }));
    expect(medium).not.toContain('>Some words here<');
    expect(medium).toContain('>Title<');
    const svg = renderSandboxSvg(params({ width: 60, height: 30, description: 'Some words here', title: 'Title' }));
    expect(svg).not.toContain('>Title<');
    expect(svg).toContain('SANDBOX');
    expect(svg).toMatch(/<path [^>]*d="M/);
  });
});

describe('svg-text helpers', () => {
  it('escapeXml covers the five XML specials', () => {
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;');
  });

  it('fitLine keeps text that fits and cuts text that does not', () => {
    expect(fitLine('short', 200, 10)).toBe('short');
    const cut = fitLine('x'.repeat(100), 100, 10);
    expect(cut.endsWith('…')).toBe(true);
    expect(Array.from(cut).length).toBeLessThan(100);
  });

  it('wrapLines wraps on words and ends a cut text with an ellipsis', () => {
    expect(wrapLines('one two three', 1000, 10, 2)).toEqual(['one two three']);
    const lines = wrapLines('alpha beta gamma delta epsilon zeta eta theta', 60, 10, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('alpha beta');
    expect(lines[1]?.endsWith('…')).toBe(true);
  });
});

describe('the words a screen reader hears', () => {
  it('are the title, the band in the given language and the URL, nothing added in English', () => {
    const svg = renderSandboxSvg(params({ title: 'Inloggen met PiM', description: 'Scan met de app.' }), 'SANDBOX · geen echte PiM-code');
    expect(svg).toMatch(/<title>Inloggen met PiM \(SANDBOX · geen echte PiM-code\)<\/title>/);
    expect(svg).toMatch(/<desc>Scan met de app\. · https?:\/\/[^<]+<\/desc>/);
    const untitled = renderSandboxSvg(params({ title: '', description: '' }), 'SANDBOX · geen echte PiM-code');
    expect(untitled).toContain('<title>SANDBOX · geen echte PiM-code</title>');
    expect(untitled).toMatch(/<desc>https?:\/\/[^<]+<\/desc>/);
  });
});
