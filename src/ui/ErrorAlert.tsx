import type { ComponentChildren, Ref } from 'preact';
import { errorText } from '../shared/error-text';
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
  const words = errorText(error);
  // A wait KPN named says what to do: "Wait a moment" beside "try again in 24 hours" would contradict it.
  const wait = error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 0 ? error.retryAfterSeconds : undefined;
  const hint = error.hint ?? (wait !== undefined && error.code === 'rate-limited' ? undefined : words.hint);
  const facts = [
    error.status !== undefined ? t('errorStatus', error.status) : '',
    error.transactionId ? t('errorTransaction', error.transactionId) : '',
  ].filter(Boolean);
  return (
    <div role="alert" class="alert alert-error" ref={focusRef} tabIndex={focusRef ? -1 : undefined}>
      <p class="alert-message">{words.headline}</p>
      {words.detail && <p class="alert-detail">{words.detail}</p>}
      {error.serverMessage && <p class="alert-detail">{t('errorServerSaid', error.serverMessage)}</p>}
      {hint && <p class="alert-hint">{hint}</p>}
      {/* A wait already over (Retry-After 0, or a date in the past) is no wait: the hint says what to do. */}
      {wait !== undefined && <p class="alert-hint">{t('errorRetryAfter', formatWait(wait))}</p>}
      {facts.length > 0 && <p class="alert-facts">{facts.join(' · ')}</p>}
      {action && <div class="alert-actions">{action}</div>}
    </div>
  );
}
