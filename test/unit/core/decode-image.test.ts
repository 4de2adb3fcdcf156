import { describe, expect, it } from 'vitest';
import { decodeImageBody } from '../../../src/core/decode-image';
import { PimError } from '../../../src/core/errors';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><text>QR é ✓</text></svg>';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const B64 = b64(SVG);
const B64URL = Buffer.from(SVG, 'utf8').toString('base64url');
const DATA_URL = `data:image/svg+xml;base64,${B64}`;
const wrapped = (text: string, width = 76) => (text.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\r\n');

function failure(body: string, contentType?: string): PimError {
  try {
    decodeImageBody(body, contentType);
  } catch (error) {
    if (error instanceof PimError) return error;
    throw error;
  }
  throw new Error('expected decodeImageBody to throw');
}

describe('decodeImageBody: accepted shapes', () => {
  it.each([
    ['bare base64', B64],
    ['bare base64 with surrounding whitespace', `\n  ${B64}  \n`],
    ['base64 wrapped at 76 columns', wrapped(B64)],
    ['base64 with spaces inside', B64.replace(/(.{10})/g, '$1 ')],
    ['base64url without padding', B64URL],
    ['base64 without padding', B64.replace(/=+$/, '')],
    ['JSON-quoted base64', JSON.stringify(B64)],
    ['JSON-quoted base64 with escaped newlines', JSON.stringify(wrapped(B64))],
    ['data URL', DATA_URL],
    ['data URL with charset', `data:image/svg+xml;charset=utf-8;base64,${B64}`],
    ['data URL in upper case', `DATA:IMAGE/SVG+XML;BASE64,${B64}`],
    ['JSON-quoted data URL', JSON.stringify(DATA_URL)],
    ['URL-encoded markup data URL', `data:image/svg+xml,${encodeURIComponent(SVG)}`],
    ...['image', 'qr', 'qrcode', 'qrCode', 'svg', 'data', 'base64', 'content', 'body', 'result'].map(
      (key) => [`JSON object under "${key}"`, JSON.stringify({ [key]: B64 })] as [string, string],
    ),
    ['JSON object with other fields first', JSON.stringify({ status: 'ok', id: 'abc', image: B64 })],
    ['JSON object with an unknown key', JSON.stringify({ status: 'ok', picture: B64 })],
    ['JSON object with a data URL', JSON.stringify({ qrCode: DATA_URL })],
    ['nested JSON object', JSON.stringify({ result: { data: { image: B64 } } })],
    ['JSON array', JSON.stringify([B64])],
    ['raw SVG markup', SVG],
    ['raw SVG with XML prolog, comment and doctype', `<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by KPN -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${SVG}`],
    ['base64 of SVG with a UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SVG)]).toString('base64')],
    ['body with a BOM', `\ufeff${B64}`],
    ['base64 of prolog + SVG', b64(`<?xml version="1.0"?>\n${SVG}\n`)],
  ])('%s', (_label, body) => {
    expect(decodeImageBody(body).replace(/^<\?xml[\s\S]*?(?=<svg)/, '')).toBe(SVG);
  });

  it('accepts a self-closing svg root', () => {
    expect(decodeImageBody(b64('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  it.each(['image', 'qr', 'qrcode', 'qrCode', 'svg', 'data', 'base64', 'content', 'body', 'result'])(
    'prefers the known key "%s" over an earlier unknown key that also decodes',
    (key) => {
      const other = b64('<svg id="other"></svg>');
      expect(decodeImageBody(JSON.stringify({ aaa: other, [key]: B64 }))).toBe(SVG);
    },
  );

  // Characters that become '+' and '/' in base64, so '-' and '_' in base64url.
  const SIGNS_SVG = '<svg><text>ÿ?¿þ</text></svg>';
  it.each([
    ['base64 with + and /', Buffer.from(SIGNS_SVG).toString('base64')],
    ['base64url with - and _', Buffer.from(SIGNS_SVG).toString('base64url')],
  ])('decodes %s', (_label, body) => {
    expect(body).toMatch(/[+/_-]/);
    expect(decodeImageBody(body)).toBe(SIGNS_SVG);
  });

  it.each([
    ['JSON object after leading white space', `\n  ${JSON.stringify({ image: B64 })}`, SVG],
    ['JSON-quoted markup with white space around it', JSON.stringify(`\n ${SVG} \n`), SVG],
    ['a JSON array that holds null before the image', JSON.stringify([null, 7, true, B64]), SVG],
    ['an image nested four levels deep', JSON.stringify({ a: { b: { c: { d: B64 } } } }), SVG],
    ['an XML prolog right before the root', `<?xml version="1.0"?><svg></svg>`, '<?xml version="1.0"?><svg></svg>'],
    ['a comment right before the root', '<!--KPN--><svg></svg>', '<!--KPN--><svg></svg>'],
    ['a doctype with two spaces', '<!DOCTYPE  svg><svg></svg>', '<!DOCTYPE  svg><svg></svg>'],
    ['a closing tag with a space', '<svg></svg >', '<svg></svg >'],
    ['comments after the root', '<svg></svg>\n<!-- made by KPN -->\n<!--v2-->', '<svg></svg>\n<!-- made by KPN -->\n<!--v2-->'],
    ['a comment right after the root', '<svg></svg><!--x-->', '<svg></svg><!--x-->'],
    [
      'markup that embeds an SVG data URL',
      '<svg><image href="data:image/svg+xml,%3Csvg%2F%3E"/></svg>',
      '<svg><image href="data:image/svg+xml,%3Csvg%2F%3E"/></svg>',
    ],
  ])('accepts %s', (_label, body, expected) => {
    expect(decodeImageBody(body)).toBe(expected);
  });

  it('skips strings that do not decode and keeps looking', () => {
    expect(decodeImageBody(JSON.stringify({ image: 'not base64!', extra: B64 }))).toBe(SVG);
  });
});

describe('decodeImageBody: refused', () => {
  it.each([
    ['empty body', '', 'answer-empty'],
    ['whitespace only', ' \n\t ', 'answer-empty'],
    ['JSON-quoted empty string', '""', 'answer-empty'],
    ['not base64', 'this is not base64!', 'answer-not-base64'],
    ['base64 with a bad length', 'PHN2Z', 'answer-not-base64'],
    ['too much padding', `${B64}===`, 'answer-not-base64'],
    ['JSON-quoted non-base64', '"%%%"', 'answer-not-base64'],
    ['base64 of plain text', b64('hello world'), 'answer-not-svg'],
    ['base64 of HTML', b64('<html><body>hi</body></html>'), 'answer-not-svg'],
    ['base64 of a PNG header', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64'), 'answer-not-svg'],
    ['base64 of bytes that are not UTF-8', Buffer.from([0x3c, 0x73, 0x76, 0x67, 0xff, 0xfe]).toString('base64'), 'answer-not-svg'],
    ['truncated SVG', b64('<svg xmlns="http://www.w3.org/2000/svg"><rect'), 'answer-not-svg'],
    ['an <svgfoo> root', b64('<svgfoo></svgfoo>'), 'answer-not-svg'],
    ['SVG after other content', b64('hello <svg></svg>'), 'answer-not-svg'],
    ['doctype with an internal subset (entity tricks)', b64('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'), 'answer-not-svg'],
    ['markup that is not SVG', '<div>hi</div>', 'answer-not-svg'],
    ['an HTML error page', '<!DOCTYPE html><html><body>Bad gateway</body></html>', 'answer-is-web-page'],
    ['invalid JSON', '{"image": ', 'answer-not-json'],
    ['JSON without an image', JSON.stringify({ status: 'ok', id: 12 }), 'answer-without-svg'],
    ['JSON null', 'null', 'answer-not-svg'],
    ['JSON with only bad strings', JSON.stringify({ image: b64('hello') }), 'answer-without-svg'],
    ['data URL of another type', `data:image/png;base64,${B64}`, 'answer-not-base64'],
    ['data URL with broken percent-encoding', 'data:image/svg+xml,%E0%A4%A', 'answer-not-svg'],
  ])('%s', (_label, body, code) => {
    const error = failure(body);
    expect(error.kind).toBe('unreadable-response');
    expect(error.code).toBe(code);
  });

  it.each([
    ['an image nested five levels deep', JSON.stringify({ a: { b: { c: { d: { e: B64 } } } } }), 'answer-without-svg'],
    ['JSON holding only null', JSON.stringify({ image: null }), 'answer-without-svg'],
    ['an unterminated JSON string', `"${B64}`, 'answer-not-json'],
    ['padding after a length base64 cannot have', 'PHN2Z=', 'answer-not-base64'],
    ['a stray "=" after base64 that needs no padding', 'PHN2ZyB2aWV3Qm94PSIwIDAgNCA0Ii8+=', 'answer-not-base64'],
    ['an SVG with bytes that are not UTF-8 inside', Buffer.from([...Buffer.from('<svg>'), 0xff, ...Buffer.from('</svg>')]).toString('base64'), 'answer-not-svg'],
    ['content after the root', '<svg></svg><script>alert(1)</script>', 'answer-not-svg'],
    ['text that mentions <html> later', 'see <html> docs', 'answer-not-base64'],
  ])('refuses %s', (_label, body, code) => {
    expect(failure(body).code).toBe(code);
  });

  it('calls an empty answer empty, even when it says text/html', () => {
    expect(failure('', 'text/html').code).toBe('answer-empty');
  });

  it('only calls a content type that starts with text/html a web page', () => {
    expect(failure('not base64!', 'application/octet-stream; x=text/html').message).toBe(
      'answer-not-base64',
    );
  });

  it('calls a text/html answer a web page', () => {
    expect(failure('Please log in to the Wi-Fi', 'text/html; charset=utf-8').code).toBe('answer-is-web-page');
  });

  // The cap is written out here on purpose: a test that imported the constant would follow any change to it.
  it('accepts an answer of exactly 2 MB and refuses one byte more', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1v1z"/></svg>';
    expect(decodeImageBody(svg + ' '.repeat(2 * 1024 * 1024 - svg.length))).toBe(svg);
    expect(failure(svg + ' '.repeat(2 * 1024 * 1024 - svg.length + 1)).code).toBe('answer-too-large');
    // Bytes, not characters: 'é' is two bytes in UTF-8.
    expect(failure(svg + 'é'.repeat(1024 * 1024)).code).toBe('answer-too-large');
  });

  it('refuses a body well over 2 MB', () => {
    const error = failure('A'.repeat(2 * 1024 * 1024 + 4));
    expect(error.kind).toBe('unreadable-response');
    expect(error).toMatchObject({ code: 'answer-too-large', params: { maxBytes: 2 * 1024 * 1024 } });
  });

  it('counts bytes, not characters, against the cap', () => {
    const body = JSON.stringify({ note: 'é'.repeat(1024 * 1024 + 10), image: B64 });
    expect(failure(body).code).toBe('answer-too-large');
  });

  it('looks only a few levels deep, so a deeply nested hostile body costs nothing', () => {
    const nestedIn = (levels: number): string => {
      let nested: unknown = B64;
      for (let i = 0; i < levels; i++) nested = { x: nested };
      return JSON.stringify(nested);
    };
    expect(decodeImageBody(nestedIn(4), 'application/json')).toBe(SVG);
    expect(failure(nestedIn(5), 'application/json').code).toBe('answer-without-svg');
    expect(failure(nestedIn(2000), 'application/json').code).toBe('answer-without-svg');
  });
});
