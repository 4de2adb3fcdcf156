// The form as the user left it, kept in storage.local so closing the popup loses nothing.
// It holds no secret. What is read back is checked field by field: storage is not trusted.
import { isPimAttribute, type PimAttribute } from '../core/attributes';
import type { FormDraft } from '../ui/qr-form-state';

export const DRAFT_KEY = 'draft';

const MAX_TEXT = 2000;

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined;
}

/** Returns the stored draft with each well-formed field over the fallback, or undefined when there is none. */
export function parseDraft(stored: unknown, fallback: FormDraft): FormDraft | undefined {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
  const raw = stored as Record<string, unknown>;
  const attributes = Array.isArray(raw.attributes)
    ? raw.attributes.filter((a): a is PimAttribute => typeof a === 'string' && isPimAttribute(a))
    : undefined;
  return {
    redirect: text(raw.redirect) ?? fallback.redirect,
    title: text(raw.title) ?? fallback.title,
    description: text(raw.description) ?? fallback.description,
    attributes: attributes ? [...new Set(attributes)] : fallback.attributes,
    width: text(raw.width) ?? fallback.width,
    height: text(raw.height) ?? fallback.height,
    keepSquare: typeof raw.keepSquare === 'boolean' ? raw.keepSquare : fallback.keepSquare,
  };
}
