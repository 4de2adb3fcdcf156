import { isPimAttribute, PIM_ATTRIBUTES, type PimAttribute } from './attributes';
import { hasControlCharacters } from './control-characters';
import type { FieldErrors, ParamError } from './param-errors';

/** What the user asks the PiM ID `/image` endpoint for. */
export interface QrParams {
  /** Number of a redirect URL that KPN registered for the customer. */
  redirect: number;
  title: string;
  description: string;
  /** Order is kept: it is the order KPN shows the consent items in. */
  attributes: PimAttribute[];
  width: number;
  height: number;
}

export const PARAM_FIELDS = ['redirect', 'title', 'description', 'attributes', 'width', 'height'] as const;
export type ParamField = (typeof PARAM_FIELDS)[number];

/**
 * KPN publishes no limits, so these are our own guards (docs/kpn-api.md, "Not published"); when the server
 * disagrees, its 400 message is shown verbatim. Lengths count Unicode code points.
 */
export const PARAM_LIMITS = {
  titleMaxLength: 100,
  descriptionMaxLength: 500,
  sizeMin: 100,
  sizeMax: 2000,
  redirectMin: 1,
} as const;

// Marked pure so bundles that import this module without the defaults (the content script) leave them out.
export const DEFAULT_PARAMS: Readonly<QrParams> = /* @__PURE__ */ Object.freeze<QrParams>({
  redirect: 1,
  title: 'Log in with PiM',
  description: 'Scan this code with the PiM app to share your details.',
  attributes: ['Email', 'FirstName', 'FamilyName'],
  width: 400,
  height: 400,
});

/** The default title and description in the user's language (the QR image shows them). */
export interface DefaultTexts {
  title: string;
  description: string;
}

/**
 * Stored defaults as the user's language shows them: a title or description still equal to the
 * shipped one (`DEFAULT_PARAMS`, what every install stores first) is shown in `texts`; one the user
 * typed stays as typed.
 */
export function localizeDefaults(params: QrParams, texts: DefaultTexts): QrParams {
  return {
    ...params,
    title: params.title === DEFAULT_PARAMS.title ? texts.title : params.title,
    description: params.description === DEFAULT_PARAMS.description ? texts.description : params.description,
  };
}

/** The reverse, before defaults are stored: the default texts of this language keep following the language. */
export function canonicalDefaults(params: QrParams, texts: DefaultTexts): QrParams {
  return {
    ...params,
    title: params.title === texts.title ? DEFAULT_PARAMS.title : params.title,
    description: params.description === texts.description ? DEFAULT_PARAMS.description : params.description,
  };
}

export type ValidateParamsResult = { ok: true; params: QrParams } | { ok: false; errors: FieldErrors };

/** Checks form input (numbers may arrive as strings) and returns clean params or one error per field. */
export function validateParams(input: unknown): ValidateParamsResult {
  const raw: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...input } : {};
  const errors: FieldErrors = {};
  const report = (e: ParamError | undefined) => {
    if (e) errors[e.field] = e;
  };

  const redirect = readWholeNumber(raw.redirect);
  if (raw.redirect === undefined || raw.redirect === null || raw.redirect === '') {
    report({ code: 'required', field: 'redirect' });
  } else if (redirect === undefined || redirect < PARAM_LIMITS.redirectMin) {
    report({ code: 'not-positive-integer', field: 'redirect' });
  }

  const title = readText('title', raw.title, PARAM_LIMITS.titleMaxLength, report);
  const description = readText('description', raw.description ?? '', PARAM_LIMITS.descriptionMaxLength, report);
  const attributes = readAttributes(raw.attributes, report);
  const width = readSize('width', raw.width, report);
  const height = readSize('height', raw.height, report);

  if (
    Object.keys(errors).length > 0 ||
    redirect === undefined ||
    title === undefined ||
    description === undefined ||
    attributes === undefined ||
    width === undefined ||
    height === undefined
  ) {
    return { ok: false, errors };
  }
  return { ok: true, params: { redirect, title, description, attributes, width, height } };
}

/** The request body exactly like KPN's example: every value a string, attributes comma-joined. */
export function serializeParams(p: QrParams): Record<ParamField, string> {
  return {
    redirect: String(p.redirect),
    title: p.title,
    description: p.description,
    attributes: p.attributes.join(','),
    width: String(p.width),
    height: String(p.height),
  };
}

type Report = (e: ParamError | undefined) => void;

// Plain ASCII digits only: "1.5", "1e3", "0x10", "12abc" and "-4" are not whole numbers here.
function readWholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value)) return Number(value);
  return undefined;
}

function readSize(field: 'width' | 'height', value: unknown, report: Report): number | undefined {
  const { sizeMin: min, sizeMax: max } = PARAM_LIMITS;
  if (value === undefined || value === null || value === '') {
    report({ code: 'required', field });
    return undefined;
  }
  const n = readWholeNumber(value);
  if (n === undefined) {
    report({ code: 'not-whole-number', field, min, max });
    return undefined;
  }
  if (n < min || n > max) {
    report({ code: 'out-of-range', field, min, max, actual: n });
    return undefined;
  }
  return n;
}

function readText(
  field: 'title' | 'description',
  value: unknown,
  max: number,
  report: Report,
): string | undefined {
  if (value === undefined || value === null) {
    report({ code: 'required', field });
    return undefined;
  }
  if (typeof value !== 'string') {
    report({ code: 'not-text', field });
    return undefined;
  }
  const text = value.trim();
  if (field === 'title' && text === '') {
    report({ code: 'required', field });
    return undefined;
  }
  const length = [...text].length;
  if (length > max) {
    report({ code: 'too-long', field, max, actual: length });
    return undefined;
  }
  // Title is one line; a description may wrap, so it keeps line breaks and tabs.
  if (hasControlCharacters(text, field === 'title' ? '' : '\n\r\t')) {
    report({ code: 'control-characters', field });
    return undefined;
  }
  return text;
}

function readAttributes(value: unknown, report: Report): PimAttribute[] | undefined {
  let names: unknown[];
  if (value === undefined || value === null) names = [];
  else if (typeof value === 'string') names = value.split(',');
  else if (Array.isArray(value)) names = value;
  else {
    report({ code: 'not-a-list', field: 'attributes' });
    return undefined;
  }

  const result: PimAttribute[] = [];
  for (const name of names) {
    if (typeof name !== 'string') {
      report({ code: 'not-a-list', field: 'attributes' });
      return undefined;
    }
    const trimmed = name.trim();
    if (trimmed === '') continue; // tolerate "Email," and "Email,,Mobile" from hand-typed lists
    if (!isPimAttribute(trimmed)) {
      report(unknownAttribute(trimmed));
      return undefined;
    }
    if (result.includes(trimmed)) {
      report({ code: 'duplicate-attribute', field: 'attributes', value: trimmed });
      return undefined;
    }
    result.push(trimmed);
  }
  if (result.length === 0) {
    report({ code: 'no-attributes', field: 'attributes' });
    return undefined;
  }
  return result;
}

const loose = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

// The API is case-sensitive ("Bankaccountnumber"), so near misses get a suggestion, not a silent fix.
function unknownAttribute(name: string): ParamError {
  const shown = [...name].length > 40 ? `${[...name].slice(0, 40).join('')}…` : name;
  const suggestion = PIM_ATTRIBUTES.find((a) => loose(a) === loose(name));
  return suggestion === undefined
    ? { code: 'unknown-attribute', field: 'attributes', value: shown }
    : { code: 'unknown-attribute', field: 'attributes', value: shown, suggestion };
}
