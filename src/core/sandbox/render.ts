// Only qrcode's encoder is imported (see qrcode-core.d.ts): it returns the module matrix, and the
// package's canvas and string renderers stay out of the service worker bundle.
import { create as createQr } from 'qrcode/lib/core/qrcode.js';
import { SANDBOX_DEFAULTS } from './options';
import { escapeXml, fitLine, oneLine, wrapLines } from './svg-text';

export interface SandboxImageParams {
  redirect: number;
  title: string;
  description: string;
  attributes: readonly string[];
  width: number;
  height: number;
}

/** Every sandbox QR points under this reserved (never resolvable) domain. */
export const SANDBOX_QR_ORIGIN = 'https://sandbox.pim.invalid';

/** QR quiet zone in modules, as the QR specification asks. */
const QUIET_ZONE = 4;
const FONT_FAMILY = 'Arial, Helvetica, sans-serif';
const BAND_COLOUR = '#FFB400';
const INK = '#1A1A1A';

/**
 * The text a sandbox QR encodes: `https://sandbox.pim.invalid/r/<redirect>?attributes=<a,b,c>`.
 * Normalizes like the handler does (a digit string loses leading zeros, attribute names are trimmed
 * and de-duplicated), so tests can compute the expected value from the request they sent.
 */
export function sandboxQrUrl(redirect: string | number, attributes: string | readonly string[]): string {
  const text = String(redirect).trim();
  const reference = /^\d+$/.test(text) ? String(Number(text)) : encodeURIComponent(text);
  const list = typeof attributes === 'string' ? attributes.split(',') : attributes;
  const names = [...new Set(list.map((name) => name.trim()).filter((name) => name !== ''))];
  return `${SANDBOX_QR_ORIGIN}/r/${reference}?attributes=${names.map(encodeURIComponent).join(',')}`;
}

interface Layout {
  band: number;
  font: number;
  titleText: string;
  titleHeight: number;
  descriptionLines: string[];
  descriptionFont: number;
  descriptionHeight: number;
}

/**
 * Lays out the sandbox image top to bottom: SANDBOX band, title, QR, description. The QR takes all
 * the room the text leaves; on small images the description and then the title give way to it.
 */
function layout(params: SandboxImageParams): Layout {
  const { width, height } = params;
  const font = clamp(Math.min(width, height) * 0.05, 6, 28);
  const band = font * 1.7;
  const margin = font * 0.6;
  const title = oneLine(params.title);
  const description = oneLine(params.description);
  const descriptionFont = font * 0.85;
  const descriptionLines = description === '' ? [] : wrapLines(description, width - 2 * margin, descriptionFont, 2);
  const full: Layout = {
    band,
    font,
    titleText: title === '' ? '' : fitLine(title, width - 2 * margin, font),
    titleHeight: title === '' ? 0 : font * 1.8,
    descriptionLines,
    descriptionFont,
    descriptionHeight: descriptionLines.length * descriptionFont * 1.3 + (descriptionLines.length > 0 ? margin : 0),
  };
  const wanted = Math.min(width, height - band) * 0.6;
  const room = (candidate: Layout): number =>
    height - candidate.band - candidate.titleHeight - candidate.descriptionHeight;
  if (room(full) >= wanted) return full;
  const withoutDescription = { ...full, descriptionLines: [], descriptionHeight: 0 };
  if (room(withoutDescription) >= wanted) return withoutDescription;
  return { ...withoutDescription, titleText: '', titleHeight: 0 };
}

/** The sandbox's QR image as SVG markup, `width`×`height` user units and pixels, under `bandLabel`. */
export function renderSandboxSvg(params: SandboxImageParams, bandLabel = SANDBOX_DEFAULTS.bandLabel): string {
  const { width, height } = params;
  const url = sandboxQrUrl(params.redirect, params.attributes);
  const { modules } = createQr(url, { errorCorrectionLevel: 'M' });
  const spec = layout(params);
  const qrTop = spec.band + spec.titleHeight;
  const qrRoom = Math.max(0, height - qrTop - spec.descriptionHeight);
  const side = Math.min(width, qrRoom);
  const scale = side / (modules.size + 2 * QUIET_ZONE);
  const x = (width - side) / 2;
  const y = qrTop + (qrRoom - side) / 2;
  const label = fitLine(bandLabel, width - spec.font, spec.font * 0.8) === bandLabel ? bandLabel : 'SANDBOX';
  const title = oneLine(params.title);
  const description = oneLine(params.description);

  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    // Screen readers and tooltips read these: only the person's own words, the band (in the browser's
    // language) and the URL, so no English is added to a Dutch image.
    `<title>${escapeXml(title === '' ? bandLabel : `${title} (${bandLabel})`)}</title>`,
    `<desc>${escapeXml(description === '' ? url : `${description} · ${url}`)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    `<rect width="${width}" height="${num(spec.band)}" fill="${BAND_COLOUR}"/>`,
    text(width / 2, spec.band * 0.68, spec.font * 0.8, label, 'font-weight="700" letter-spacing="1"'),
  ];
  if (spec.titleText !== '') {
    parts.push(text(width / 2, spec.band + spec.titleHeight * 0.66, spec.font, spec.titleText, 'font-weight="700"'));
  }
  parts.push(
    `<path transform="translate(${num(x)} ${num(y)}) scale(${num(scale, 4)})" shape-rendering="crispEdges" fill="#000000" d="${modulePath(modules)}"/>`,
  );
  spec.descriptionLines.forEach((line, index) => {
    // Right under the QR, so the two read as one block however tall the image is.
    const baseline = y + side + spec.font * 0.3 + spec.descriptionFont * (1 + index * 1.3);
    parts.push(text(width / 2, baseline, spec.descriptionFont, line, ''));
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function text(x: number, y: number, size: number, content: string, extra: string): string {
  return `<text x="${num(x)}" y="${num(y)}" text-anchor="middle" font-family="${FONT_FAMILY}" font-size="${num(size)}" fill="${INK}"${extra === '' ? '' : ` ${extra}`}>${escapeXml(content)}</text>`;
}

/** Dark modules as one path in module units, each row's dark runs merged into one rectangle. */
function modulePath(modules: { size: number; get(row: number, col: number): number }): string {
  const commands: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      commands.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return commands.join('');
}

function num(value: number, digits = 2): string {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
