import { useEffect, useRef } from 'preact/hooks';
import { Button } from '../ui/Button';
import { t } from '../shared/i18n';
import { useOptionsStore } from './store';

/** Asked when another environment is chosen while the editor holds unsaved edits: nothing typed is dropped unasked. */
export function UnsavedSwitch() {
  const store = useOptionsStore();
  const box = useRef<HTMLDivElement>(null);
  const pending = store.pendingSwitch.value;
  // The question appears away from the list that was clicked: focus takes the reader to it.
  useEffect(() => {
    if (pending) box.current?.focus();
  }, [pending]);
  if (!pending) return null;
  return (
    <div ref={box} tabIndex={-1} role="alert" class="alert alert-warning unsaved-switch">
      <p>{t('unsavedChangesQuestion')}</p>
      <div class="alert-actions">
        <Button size="small" variant="primary" onClick={store.keepEditing}>
          {t('keepEditing')}
        </Button>
        <Button size="small" onClick={store.discardAndSwitch}>
          {t('discardChanges')}
        </Button>
      </div>
    </div>
  );
}
