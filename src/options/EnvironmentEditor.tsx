import { useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../ui/Button';
import { Disclosure } from '../ui/Disclosure';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { t } from '../shared/i18n';
import { StatusMessage } from '../ui/StatusMessage';
import { ConnectionTestButton, ConnectionTestOutcome } from './ConnectionTest';
import { CredentialsFields } from './CredentialsFields';
import { DeleteEnvironment } from './DeleteEnvironment';
import { hasEdits } from './editor-state';
import { useOptionsStore } from './store';
import { UnsavedSwitch } from './UnsavedSwitch';

/**
 * A new environment's editor opens only when asked for ("Add environment"): its first field takes the
 * focus, so typing starts there. Opening an existing one leaves the focus in the list.
 */
function useFirstFieldFocusedWhenNew(isNew: boolean) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (isNew) form.current?.querySelector('input')?.focus();
  }, []);
  return form;
}

/** One environment: name and address (custom only, not managed), credentials, advanced paths, and actions. */
export function EnvironmentEditor() {
  const store = useOptionsStore();
  const { editor } = store;
  const [advancedOpen, setAdvancedOpen] = useState(false);
  // What the person may change: not a built-in's name and address, nor anything a policy sets.
  const custom = editor.kind.value === 'custom' && !editor.managed.value;
  const isNew = editor.id.value === undefined;
  const form = useFirstFieldFocusedWhenNew(isNew);
  // A bad path must be seen: the Advanced section opens by itself while one is wrong.
  const pathError = editor.errorFor('tokenPath') ?? editor.errorFor('imagePath');

  const onSubmit = (event: Event) => {
    event.preventDefault();
    store.save();
  };

  return (
    <form ref={form} class="editor" noValidate onSubmit={onSubmit} aria-labelledby="editor-heading" aria-busy={store.saving.value || undefined}>
      <h2 id="editor-heading">{isNew ? t('newEnvironment') : editor.name.value || t('unnamedEnvironment')}</h2>
      <UnsavedSwitch />
      {!custom && <p class="note">{t(editor.managed.value ? 'managedNote' : 'builtInNote')}</p>}
      <Field label={t('fieldName')} value={editor.name} readOnly={!custom} onBlur={() => editor.touch('name')} error={editor.errorFor('name')} />
      <Field
        label={t('fieldBaseUrl')}
        type="url"
        value={editor.baseUrl}
        readOnly={!custom}
        onBlur={() => editor.touch('baseUrl')}
        error={editor.errorFor('baseUrl')}
        placeholder={custom ? 'https://' : undefined}
        description={custom ? t('baseUrlHelp') : undefined}
      />
      <CredentialsFields />
      {editor.kind.value !== 'sandbox' && <ConfirmFirstCallField />}
      <Disclosure title={t('advanced')} level={3} open={advancedOpen || Boolean(pathError)} onToggle={setAdvancedOpen}>
        <Field
          label={t('fieldTokenPath')}
          value={editor.tokenPath}
          readOnly={!custom}
          onBlur={() => editor.touch('tokenPath')}
          error={editor.errorFor('tokenPath')}
        />
        <Field
          label={t('fieldImagePath')}
          value={editor.imagePath}
          readOnly={!custom}
          onBlur={() => editor.touch('imagePath')}
          error={editor.errorFor('imagePath')}
        />
      </Disclosure>
      {store.selected.value?.needsPermission && (
        <div class="alert alert-warning">
          <p>{t('needsPermissionNote')}</p>
          <div class="alert-actions">
            <Button size="small" onClick={store.grantAccess}>
              {t('grantAccess')}
            </Button>
          </div>
        </div>
      )}
      {store.editorWarning.value && (
        <p role="alert" class="alert alert-warning">
          {store.editorWarning.value}
        </p>
      )}
      {store.editorError.value && <ErrorAlert error={store.editorError.value} />}
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={store.saving.value} disabled={editor.kind.value === 'sandbox'}>
          {t('save')}
        </Button>
        <ConnectionTestButton />
        <DeleteEnvironment />
      </div>
      <ConnectionTestOutcome />
      {/* "Saved." is about what was saved: once the form is edited again it would claim too much. */}
      <StatusMessage class="status-success" text={hasEdits(editor, store.selected.value) ? '' : store.editorStatus.value} />
    </form>
  );
}

/** Whether the first Generate of each popup or side panel session with this environment asks first. */
function ConfirmFirstCallField() {
  const { editor } = useOptionsStore();
  return (
    <div class="field">
      <label class="check">
        <input
          type="checkbox"
          aria-describedby="confirm-first-call-help"
          checked={editor.confirmFirstCall.value}
          onChange={(e) => (editor.confirmFirstCall.value = e.currentTarget.checked)}
        />
        <span>{t('fieldConfirmFirstCall')}</span>
      </label>
      <p id="confirm-first-call-help" class="note">
        {t('confirmFirstCallHelp')}
      </p>
    </div>
  );
}
