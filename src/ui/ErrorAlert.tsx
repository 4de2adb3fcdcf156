import type { ComponentChildren, Ref } from 'preact';
import { formatWait } from '../shared/format';
import { t } from '../shared/i18n';
import type { ErrorView } from './error-view';

export interface ErrorAlertProps {
  error: ErrorView;
  /** A button that fixes the cause, such as "Open Options". */
  action?: ComponentChildren;
  /** Makes the alert focusable from script, for a view that takes the reader to it. */
  focusRef?: Ref<HTMLDivElement>;
}

/**
 * The headline, what exactly happened, KPN's own words as a quote when there are any, what to do,
 * and the facts support needs (HTTP status, transaction ID).
 */
export function ErrorAlert({ error, action, focusRef }: ErrorAlertProps) {
  const facts = [
    error.status !== undefined ? t('errorStatus', error.status) : '',
    error.transactionId ? t('errorTransaction', error.transactionId) : '',
  ].filter(Boolean);
  return (
    <div role="alert" class="alert alert-error" ref={focusRef} tabIndex={focusRef ? -1 : undefined}>
      <p class="alert-message">{error.headline}</p>
      {error.detail && <p class="alert-detail">{error.detail}</p>}
      {error.serverMessage && <p class="alert-detail">{t('errorServerSaid', error.serverMessage)}</p>}
      {error.hint && <p class="alert-hint">{error.hint}</p>}
      {error.retryAfterSeconds !== undefined && <p class="alert-hint">{t('errorRetryAfter', formatWait(error.retryAfterSeconds))}</p>}
      {facts.length > 0 && <p class="alert-facts">{facts.join(' · ')}</p>}
      {action && <div class="alert-actions">{action}</div>}
    </div>
  );
}
