import { useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { Button } from '../ui/Button';
import { environmentName } from '../ui/environment-name';
import { usePopupStore } from './store';
import './first-call-dialog.css';

/**
 * Asks before the first Generate of this popup or side panel with an environment that says so
 * (Production, unless changed in Options). A modal <dialog>: the browser keeps focus inside it, Esc
 * cancels, and closing it gives focus back to where the reader was. Cancel has the focus, so a key
 * pressed twice (Enter, Ctrl+Enter) can never create the code the question is about.
 */
export function FirstCallDialog() {
  const { firstCall } = usePopupStore();
  const pending = firstCall.pending.value;
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (pending && !element?.open) {
      element?.showModal();
      element?.querySelector<HTMLButtonElement>('[data-cancel]')?.focus();
    }
    if (!pending && element?.open) element.close();
  }, [pending]);
  // The close event comes a task later: a question asked again meanwhile (Cancel, then Enter at
  // once) has reopened the dialog, and that stale event must not cancel it. Esc leaves it closed.
  const closedByReader = () => {
    if (!dialog.current?.open) firstCall.cancel();
  };
  const name = pending ? environmentName(pending.environment) : '';
  return (
    <dialog ref={dialog} class="confirm-dialog" aria-labelledby="first-call-heading" aria-describedby="first-call-text" onClose={closedByReader}>
      {pending && (
        <>
          <h2 id="first-call-heading">{t('confirmFirstCallHeading', name)}</h2>
          <p id="first-call-text">{t('confirmFirstCallText', name)}</p>
          <div class="form-actions">
            <Button onClick={firstCall.cancel} data-cancel>
              {t('cancel')}
            </Button>
            <Button variant="danger" onClick={firstCall.confirm}>
              {t('confirmFirstCallGo')}
            </Button>
          </div>
        </>
      )}
    </dialog>
  );
}
