import type { ParamField } from './params';

/**
 * Every way a QR parameter can be wrong, as a stable code plus the values a translated message
 * needs (src/ui/param-error-text.ts words it).
 */
export type ParamError =
  | { code: 'required'; field: Exclude<ParamField, 'attributes'> }
  | { code: 'not-text'; field: 'title' | 'description' }
  | { code: 'too-long'; field: 'title' | 'description'; max: number; actual: number }
  | { code: 'control-characters'; field: 'title' | 'description' }
  | { code: 'not-whole-number'; field: 'width' | 'height'; min: number; max: number }
  | { code: 'out-of-range'; field: 'width' | 'height'; min: number; max: number; actual: number }
  | { code: 'not-positive-integer'; field: 'redirect' }
  | { code: 'not-a-list'; field: 'attributes' }
  | { code: 'unknown-attribute'; field: 'attributes'; value: string; suggestion?: string }
  | { code: 'duplicate-attribute'; field: 'attributes'; value: string }
  | { code: 'no-attributes'; field: 'attributes' };

export type ParamErrorCode = ParamError['code'];

/** At most one error per field: the first problem found, so the form shows one clear sentence. */
export type FieldErrors = Partial<Record<ParamField, ParamError>>;

/**
 * A field error that crossed a message boundary, kept only when shaped like ours (its field and a
 * code); its values are kept only as plain text or numbers. The form words known codes and falls
 * back to a plain "not valid" for anything else (src/ui/param-error-text.ts).
 */
export function parseParamError(field: string, value: unknown): ParamError | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const e = value as Record<string, unknown>;
  if (typeof e.code !== 'string' || e.field !== field) return undefined;
  const kept = Object.entries(e).filter(([, item]) => typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)));
  return Object.fromEntries(kept) as ParamError;
}
