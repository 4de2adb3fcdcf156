import { PimError } from './errors';
import { tooLarge } from './send-request';

/** The largest `/image` answer we accept; a real PiM QR SVG is a few tens of KB. */
export const MAX_IMAGE_BODY_BYTES = 2 * 1024 * 1024;

// docs/kpn-api.md: the shape of the answer is unpublished, so these keys are tried first, then any string.
const IMAGE_KEYS = ['image', 'qr', 'qrcode', 'qrCode', 'svg', 'data', 'base64', 'content', 'body', 'result'];
const DATA_URL = /^data:image\/svg\+xml(?:;[\w.+-]+=[\w.+-]+)*(;base64)?,/i;
const MAX_DEPTH = 4;

/**
 * Turns the `/image` answer ("a Base64 encoded byte array formatted SVG file") into SVG markup.
 * Accepts bare base64, a JSON string, a JSON object holding it, a `data:` URL, base64url, base64
 * broken over lines, and raw `<svg` markup. The result is only checked to look like SVG; it is
 * sanitized later, in the page that shows it.
 */
export function decodeImageBody(body: string, contentType?: string | null): string {
  // Counted in UTF-8 bytes: the body is at most 2 MB when read, but bytes that were not UTF-8 come
  // back as U+FFFD, three bytes each. Encoding at most a few MB is cheap next to the request.
  if (new TextEncoder().encode(body).byteLength > MAX_IMAGE_BODY_BYTES) {
    throw tooLarge(MAX_IMAGE_BODY_BYTES);
  }
  // trim() also drops a byte order mark: U+FEFF counts as white space.
  const text = body.trim();
  if (text === '') throw new PimError('answer-empty');
  try {
    if (!text.startsWith('{') && !text.startsWith('[') && !text.startsWith('"')) return decodeCandidate(text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PimError('answer-not-json');
    }
    if (typeof json === 'string') return decodeCandidate(json);
    const svg = findSvg(json, 0);
    if (svg === undefined) throw new PimError('answer-without-svg');
    return svg;
  } catch (error) {
    // A captive portal or proxy page is a common cause: say so rather than "not base64".
    // Headers.get has already stripped the white space around the value.
    if (/^text\/html\b/i.test(contentType ?? '') || /^<(!doctype html|html)\b/i.test(text)) {
      throw new PimError('answer-is-web-page');
    }
    throw error;
  }
}

/** Decodes one string that should be the image: markup, a data: URL or base64. Throws if it is not. */
function decodeCandidate(value: string): string {
  let text = value.trim();
  if (text === '') throw new PimError('answer-empty');
  const dataUrl = DATA_URL.exec(text);
  if (dataUrl) {
    text = text.slice(dataUrl[0].length);
    if (!dataUrl[1]) return requireSvg(safeDecodeUri(text));
  }
  if (text.startsWith('<')) return requireSvg(text);
  return requireSvg(decodeBase64Utf8(text));
}

function findSvg(value: unknown, depth: number): string | undefined {
  if (typeof value === 'string') return tryDecode(value);
  // JSON.parse makes objects and arrays, both instances of Object; null, numbers and booleans hold no image.
  if (depth >= MAX_DEPTH || !(value instanceof Object)) return undefined;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  const byKey = new Map(entries);
  // A key that is absent gives undefined, which findSvg passes over.
  const preferred = IMAGE_KEYS.map((k) => byKey.get(k));
  const others = entries.filter(([k]) => !IMAGE_KEYS.includes(k)).map(([, v]) => v);
  for (const candidate of [...preferred, ...others]) {
    const svg = findSvg(candidate, depth + 1);
    if (svg !== undefined) return svg;
  }
  return undefined;
}

function tryDecode(value: string): string | undefined {
  try {
    return decodeCandidate(value);
  } catch {
    return undefined;
  }
}

function decodeBase64Utf8(text: string): string {
  // Tolerate line breaks (MIME-style wrapping) and the URL-safe alphabet.
  let b64 = text.replace(/\s/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) {
    throw new PimError('answer-not-base64');
  }
  // The check above allows '=' only at the end. atob takes base64 without padding, so a missing or
  // short padding needs no repair: all of it goes.
  b64 = b64.replace(/=/g, '');
  let binary: string;
  try {
    binary = atob(b64);
  } catch {
    throw new PimError('answer-not-base64');
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    // fatal: bytes that are not UTF-8 are not an SVG file; the default decoder drops a BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PimError('answer-not-svg');
  }
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new PimError('answer-not-svg');
  }
}

// Optional prolog, comments and a DOCTYPE without an internal subset (no entity tricks), then the
// <svg> root, and the document must end with that root closed: a truncated file is refused.
const SVG_START =
  /^(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE\s+svg[^>[]*>)\s*)*<svg(?=[\s>/])/i;
const SVG_END = /(?:<\/svg\s*>|<svg[^>]*\/>)\s*(?:<!--[\s\S]*?-->\s*)*$/i;

function requireSvg(markup: string): string {
  const svg = markup.trim();
  if (!SVG_START.test(svg) || !SVG_END.test(svg)) throw new PimError('answer-not-svg');
  return svg;
}
