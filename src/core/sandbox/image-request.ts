import { PIM_ATTRIBUTES, isPimAttribute } from '../attributes';
import type { SandboxImageParams } from './render';

export interface ImageRequestLimits {
  redirects: readonly number[];
  maxTitleLength: number;
  maxDescriptionLength: number;
  maxImageSize: number;
}

export type ImageRequestCheck =
  | { ok: true; params: SandboxImageParams }
  | { ok: false; message: string; info: string };

class Invalid extends Error {
  constructor(
    message: string,
    readonly info = 'See the PiM ID API documentation for the request fields',
  ) {
    super(message);
  }
}

/**
 * Validates a parsed `/image` JSON body the way the sandbox's server side does; the first problem
 * found becomes the 400 message. Unknown extra fields are ignored, as gateways usually do.
 */
export function checkImageRequest(body: unknown, limits: ImageRequestLimits): ImageRequestCheck {
  try {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new Invalid('Request body must be a JSON object');
    }
    const fields = body as Record<string, unknown>;
    return {
      ok: true,
      params: {
        redirect: redirectField(fields.redirect, limits.redirects),
        title: textField(fields, 'title', true, limits.maxTitleLength),
        description: textField(fields, 'description', false, limits.maxDescriptionLength),
        attributes: attributesField(fields.attributes),
        width: sizeField(fields, 'width', limits.maxImageSize),
        height: sizeField(fields, 'height', limits.maxImageSize),
      },
    };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message, info: error.info };
    throw error;
  }
}

/** A whole number given as a JSON number or as a string of digits (KPN's example sends strings). */
function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}

function redirectField(value: unknown, registered: readonly number[]): number {
  if (value === undefined || value === null) throw new Invalid("Missing required field 'redirect'");
  const reference = wholeNumber(value);
  if (reference === undefined) {
    throw new Invalid("Field 'redirect' must be an integer (a number or a string of digits)");
  }
  if (!registered.includes(reference)) {
    throw new Invalid(
      `Redirect reference ${reference} is not registered for this application`,
      `Registered redirect references: ${registered.join(', ')}`,
    );
  }
  return reference;
}

function textField(fields: Record<string, unknown>, name: string, required: boolean, maxLength: number): string {
  const value = fields[name];
  if (value === undefined || value === null) {
    if (required) throw new Invalid(`Missing required field '${name}'`);
    return '';
  }
  if (typeof value !== 'string') throw new Invalid(`Field '${name}' must be a string`);
  if (required && value.trim() === '') throw new Invalid(`Field '${name}' must not be empty`);
  if (Array.from(value).length > maxLength) {
    throw new Invalid(`Field '${name}' is longer than ${maxLength} characters`);
  }
  return value;
}

function attributesField(value: unknown): string[] {
  const allowed = `Allowed attributes: ${PIM_ATTRIBUTES.join(', ')}`;
  if (value === undefined || value === null) throw new Invalid("Missing required field 'attributes'", allowed);
  if (typeof value !== 'string') {
    throw new Invalid("Field 'attributes' must be a string of comma-separated attribute names", allowed);
  }
  const names = value.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) throw new Invalid("Field 'attributes' contains an empty name", allowed);
  for (const name of names) {
    if (isPimAttribute(name)) continue;
    const sameLetters = PIM_ATTRIBUTES.find((known) => known.toLowerCase() === name.toLowerCase());
    const hint = sameLetters === undefined ? '' : ` (attribute names are case-sensitive: did you mean '${sameLetters}'?)`;
    throw new Invalid(`Unknown attribute '${name}' in field 'attributes'${hint}`, allowed);
  }
  return [...new Set(names)];
}

function sizeField(fields: Record<string, unknown>, name: 'width' | 'height', max: number): number {
  const value = fields[name];
  if (value === undefined || value === null) throw new Invalid(`Missing required field '${name}'`);
  const size = wholeNumber(value);
  if (size === undefined || size < 1) throw new Invalid(`Field '${name}' must be a positive integer`);
  if (size > max) throw new Invalid(`Field '${name}' must be at most ${max} pixels`);
  return size;
}
