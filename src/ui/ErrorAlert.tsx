import type { ComponentChildren } from 'preact';
import type { ErrorView } from './error-view';
import { t } from './i18n';

export interface ErrorAlertProps {
  error: ErrorView;
  /** A button that fixes the cause, such as "Open Options". */
  action?: ComponentChildren;
}

/**
 * The localized headline, the more specific detail and the server's own words when there are any,
 * what to do, and the facts support needs (HTTP status, transaction ID).
 */
export function ErrorAlert({ error, action }: ErrorAlertProps) {
  const facts = [
    error.status !== undefined ? t('errorStatus', error.status) : '',
    error.transactionId ? t('errorTransaction', error.transactionId) : '',
  ].filter(Boolean);
  const detail = error.detail && error.detail !== error.message && error.detail !== error.serverMessage ? error.detail : '';
  return (
    <div role="alert" class="alert alert-error">
      <p class="alert-message">{error.message}</p>
      {detail && <p class="alert-detail">{detail}</p>}
      {error.serverMessage && error.serverMessage !== error.message && (
        <p class="alert-detail">{t('errorServerSaid', error.serverMessage)}</p>
      )}
      {error.hint && <p class="alert-hint">{error.hint}</p>}
      {error.retryAfterSeconds !== undefined && <p class="alert-hint">{t('errorRetryAfter', Math.ceil(error.retryAfterSeconds))}</p>}
      {facts.length > 0 && <p class="alert-facts">{facts.join(' · ')}</p>}
      {action && <div class="alert-actions">{action}</div>}
    </div>
  );
}
