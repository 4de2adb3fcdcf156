import { bytesToBase64, utf8ToBase64 } from '../base64';
import { IMAGE_HEADERS } from '../image-endpoint';
import type { ActiveFaults } from './active-faults';
import type { BodyShape, NotSvgKind } from './faults';

/** Key of the object the `json-object` shape sends: `{"image":"<base64>"}`. */
export const JSON_OBJECT_IMAGE_KEY = 'image';

/** The `oversized` fault pads the decoded SVG past this many bytes. */
export const OVERSIZED_SVG_BYTES = 2 * 1024 * 1024 + 64 * 1024;

// A real 1×1 PNG: valid base64 of a valid image that is not SVG.
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const PLAIN_TEXT = 'PiM ID sandbox: this text is valid base64 but it is not an SVG image.';

/** Turns the rendered SVG into the /image response the faults ask for (bare base64 text by default). */
export function imageResponse(svg: string, faults: ActiveFaults): Response {
  if (faults.empty) return new Response('', { status: 200, headers: headersFor('bare') });
  const sized = faults.hugeSize ? declareHugeSize(svg) : svg;
  let payload = faults.notSvg ? notSvgBase64(faults.notSvg) : utf8ToBase64(faults.oversized ? pad(sized) : sized);
  if (faults.malformedBase64) payload = corrupt(payload);
  const shape = faults.shape ?? 'bare';
  return new Response(wrap(payload, shape), { status: 200, headers: headersFor(shape) });
}

function wrap(base64: string, shape: BodyShape): string {
  switch (shape) {
    case 'bare':
      return base64;
    case 'json-string':
      return JSON.stringify(base64);
    case 'json-object':
      return JSON.stringify({ [JSON_OBJECT_IMAGE_KEY]: base64 });
    case 'data-url':
      return `data:image/svg+xml;base64,${base64}`;
  }
}

function headersFor(shape: BodyShape): Record<string, string> {
  const json = shape === 'json-string' || shape === 'json-object';
  return json ? { ...IMAGE_HEADERS, 'Content-Type': 'application/json' } : { ...IMAGE_HEADERS };
}

function notSvgBase64(kind: NotSvgKind): string {
  return kind === 'png' ? PNG_BASE64 : bytesToBase64(new TextEncoder().encode(PLAIN_TEXT));
}

/** The `huge-size` fault's root width and height, in px; the drawing itself (its viewBox) is unchanged. */
export const HUGE_SIZE_PX = 99_999_999;

function declareHugeSize(svg: string): string {
  return svg.replace(/(<svg\b[^>]*?)\swidth="[^"]*"\sheight="[^"]*"/, `$1 width="${HUGE_SIZE_PX}" height="${HUGE_SIZE_PX}"`);
}

/** Still a well-formed SVG, only too big: the padding is an XML comment after the root element. */
function pad(svg: string): string {
  const missing = Math.max(0, OVERSIZED_SVG_BYTES - svg.length);
  return `${svg}\n<!-- ${'x'.repeat(missing)} -->\n`;
}

/**
 * Characters outside the base64 alphabet every 16 characters, and the first character dropped so
 * the length is wrong and every later byte is shifted: even a decoder that skips bad characters
 * gets garbage, never the SVG.
 */
function corrupt(base64: string): string {
  return base64.slice(1).replace(/(.{16})/g, '$1*%');
}
