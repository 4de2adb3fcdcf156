// The form as the user left it, kept in storage.local so closing the view loses nothing. Each kind
// of view keeps its own (the toolbar popup, the side panel or sidebar, the popup in a tab), so two
// open views never overwrite each other's unsent form. It holds no secret. What is read back is
// checked field by field: storage is not trusted.
import { isPimAttribute, type PimAttribute } from '../core/attributes';
import type { ItemSpec } from '../core/storage-item';
import type { FormDraft } from '../ui/qr-form-state';
import type { PageContext } from './page-context';

const MAX_TEXT = 2000;

/** The toolbar popup keeps the key every version before had: its draft stays where it was. */
export function draftItem(view: PageContext['view']): ItemSpec<FormDraft, unknown> {
  return { key: view === 'popup' ? 'draft' : `draft:${view}`, parse: (stored) => stored };
}

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
