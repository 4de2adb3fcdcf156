// The environment being edited, as signals. Checked with the core's validator so the user sees
// the same verdict the background would give, before anything is sent.
import { batch, computed, signal } from '@preact/signals';
import { apiOrigin, type Environment, type EnvironmentField, type EnvironmentKind, validateEnvironmentInput } from '../core/environments';
import type { EnvironmentInput, EnvironmentView } from '../shared/messages';
import { environmentErrorText } from './environment-error-text';
import { t } from '../shared/i18n';

export type EditorField = EnvironmentField | 'clientId';

export function createEditorState() {
  const id = signal<string | undefined>(undefined);
  /** A new environment is custom; built-ins only take credentials. */
  const kind = signal<EnvironmentKind>('custom');
  const managed = signal(false); // set by a browser policy: only the secret is the person's to enter
  const name = signal('');
  const baseUrl = signal('');
  const [tokenPath, imagePath] = [signal(''), signal('')];
  const [clientId, clientSecret] = [signal(''), signal('')];
  const confirmFirstCall = signal(false); // whether the first Generate of a popup session asks first
  /** What the stored environment had, to tell what saving would change. */
  const [storedClientId, storedBaseUrl] = [signal(''), signal('')];
  const storedSecretSet = signal(false);
  const others = signal<readonly Environment[]>([]);
  const touched = signal<ReadonlySet<EditorField>>(new Set());
  const submitted = signal(false);

  const input = computed<EnvironmentInput>(() => {
    const value: EnvironmentInput = { name: name.value, baseUrl: baseUrl.value, tokenPath: tokenPath.value, imagePath: imagePath.value };
    if (id.value !== undefined) value.id = id.value;
    return value;
  });
  const validation = computed(() => validateEnvironmentInput(input.value, others.value, () => ''));
  const credentialsChanged = computed(() => clientId.value.trim() !== storedClientId.value || clientSecret.value.trim() !== '');
  /** A secret needs a client ID; the background would refuse one without. */
  const clientIdMissing = computed(() => credentialsChanged.value && clientId.value.trim() === '');
  const secretBindingChange = computed(() =>
    bindingChange(storedSecretSet.value, storedBaseUrl.value, storedClientId.value, baseUrl.value, clientId.value.trim()),
  );

  return {
    id,
    kind,
    managed,
    name,
    baseUrl,
    tokenPath,
    imagePath,
    clientId,
    clientSecret,
    confirmFirstCall,
    submitted,
    input,
    validation,
    credentialsChanged,
    clientIdMissing,
    secretBindingChange,
    touch: (field: EditorField) => void (touched.value.has(field) || (touched.value = new Set([...touched.value, field]))),
    errorFor(field: EditorField): string | undefined {
      if (!submitted.value && !touched.value.has(field)) return undefined;
      if (field === 'clientId') return clientIdMissing.value ? t('errRequired', t('fieldClientId')) : undefined;
      const checked = validation.value;
      const error = kind.value !== 'custom' || checked.ok ? undefined : checked.errors[field];
      return error ? environmentErrorText(field, error, name.value) : undefined;
    },
    /** Nothing typed differs from this stored environment: following a change made elsewhere loses nothing. */
    unchangedFrom: (view: EnvironmentView) => !credentialsChanged.value && sameFields(input.value, confirmFirstCall.value, view),
    /** Fills the form from a stored environment, or empties it for a new one. The secret is never known. */
    load(view: EnvironmentView | undefined, all: readonly EnvironmentView[]) {
      batch(() => {
        id.value = view?.id;
        kind.value = view?.kind ?? 'custom';
        managed.value = view?.managed === true;
        name.value = view?.name ?? '';
        baseUrl.value = view?.baseUrl ?? '';
        tokenPath.value = view?.tokenPath ?? '';
        imagePath.value = view?.imagePath ?? '';
        clientId.value = view?.clientId ?? '';
        storedClientId.value = view?.clientId ?? '';
        storedBaseUrl.value = view?.baseUrl ?? '';
        storedSecretSet.value = view !== undefined && view.kind !== 'sandbox' && view.secretSet;
        clientSecret.value = '';
        confirmFirstCall.value = view?.confirmFirstCall ?? false;
        others.value = all.filter((e) => e.kind === 'custom' && e.id !== view?.id);
        touched.value = new Set();
        submitted.value = false;
      });
    },
  };
}

/**
 * Something typed would be lost by loading another environment into the form. A new environment's
 * form starts empty: the base URL shows its scheme only as a placeholder, so a pasted address is never
 * appended to a typed one.
 */
export function hasEdits(editor: EditorState, view: EnvironmentView | undefined): boolean {
  if (view !== undefined) return !editor.unchangedFrom(view);
  const { baseUrl, name, tokenPath, imagePath, clientId, clientSecret } = editor;
  return editor.confirmFirstCall.value || baseUrl.value.trim() !== '' || [name, tokenPath, imagePath, clientId, clientSecret].some((f) => f.value.trim() !== '');
}

function sameFields(typed: EnvironmentInput, confirmFirstCall: boolean, view: EnvironmentView): boolean {
  const { name, baseUrl, tokenPath, imagePath, id } = view;
  return confirmFirstCall === view.confirmFirstCall && JSON.stringify(typed) === JSON.stringify({ name, baseUrl, tokenPath, imagePath, id });
}

/**
 * What the stored secret was saved for, where the form now differs from it: saving drops the
 * secret (the background enforces it), so the form says so first. Empty when nothing would be lost.
 */
function bindingChange(secretSet: boolean, storedBaseUrl: string, storedClientId: string, typedBaseUrl: string, typedClientId: string) {
  const change: { origin?: string; clientId?: string } = {};
  if (!secretSet) return change;
  const savedOrigin = apiOrigin(storedBaseUrl);
  const typedOrigin = apiOrigin(typedBaseUrl);
  if (savedOrigin !== undefined && typedOrigin !== undefined && typedOrigin !== savedOrigin) change.origin = savedOrigin;
  if (typedClientId !== '' && typedClientId !== storedClientId) change.clientId = storedClientId;
  return change;
}

export type EditorState = ReturnType<typeof createEditorState>;
