import { Button } from '../ui/Button';
import { ErrorAlert } from '../ui/ErrorAlert';
import { fromErrorData } from '../core/errors';
import { checkQuota } from '../core/quota';
import type { RequestLogEntry } from '../core/request-log';
import { errorText, kindText } from '../shared/error-text';
import { formatClock, formatDuration, formatTime } from '../shared/format';
import { t } from '../shared/i18n';
import { toErrorView } from '../ui/error-view';
import { type CopyLanguage, type CopyWording, copyCalls } from './copy-calls';
import { CodeLanguageSelect, codeWording, curlWording, useCodeLanguage } from './CodeLanguageSelect';
import { languageName } from './language-names';
import { usePopupStore } from './store';
import './lists.css';

/** Recent HTTP calls (already redacted by the background), each copyable as cURL or code; shown when the Request log is opened. */
export function LogEntries() {
  const store = usePopupStore();
  const { log } = store;
  const items = log.items.value;
  const [language, setLanguage] = useCodeLanguage();
  const copy = (logEntryId: string, copied: CopyLanguage, wording: CopyWording) =>
    copyCalls(store, { logEntryId }, copied, wording)
      .then(store.announce)
      .catch((e: unknown) => void (log.error.value = toErrorView(e)));
  const curlNames = copyNames(items ?? [], (call, time) => t('copyCurlName', call, time));
  const codeNames = copyNames(items ?? [], (call, time) => t('copyCodeName', languageName(language), call, time));
  return (
    <>
      {log.error.value && <ErrorAlert error={log.error.value} />}
      {items?.length === 0 && <p class="note">{t('logEmpty')}</p>}
      {items && items.length > 0 && (
        <>
          <div class="button-group">
            <CodeLanguageSelect value={language} onChange={setLanguage} />
          </div>
          <ul class="log-list">
            {items.map((entry, at) => (
              <li key={entry.id} class="log-entry">
                <span class="log-line">
                  <span class="log-method">{entry.method}</span> <span class="log-path">{urlPath(entry.url)}</span>
                </span>
                <span class="log-facts">
                  {[
                    entry.status !== undefined ? t('logStatus', entry.status) : t('logNoStatus'),
                    formatDuration(entry.durationMs),
                    failureText(entry),
                    quotaFigures(entry),
                    formatTime(entry.time),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <span class="button-group">
                  <Button size="small" variant="quiet" aria-label={curlNames[at]} onClick={() => void copy(entry.id, 'curl', curlWording())}>
                    {t('copyCurl')}
                  </Button>
                  <Button size="small" variant="quiet" aria-label={codeNames[at]} onClick={() => void copy(entry.id, language, codeWording(language))}>
                    {t('copyCode')}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
          <div class="button-group">
            <Button size="small" variant="quiet" onClick={() => void log.refresh()}>
              {t('logRefresh')}
            </Button>
            <Button size="small" variant="quiet" busy={log.busy.value} onClick={() => void log.clear()}>
              {t('logClear')}
            </Button>
          </div>
        </>
      )}
    </>
  );
}

/** The failure as the alert worded it; the log is read back from storage, so a code it cannot read falls back to the kind. */
function failureText(entry: RequestLogEntry): string {
  if (entry.errorCode === undefined) return kindText(entry.errorKind);
  const error = fromErrorData({ kind: entry.errorKind, code: entry.errorCode, params: entry.errorParams });
  return error.code === entry.errorCode ? errorText(error).headline : kindText(entry.errorKind);
}

/** The log is read back from storage: figures that are not believable are not shown. */
function quotaFigures(entry: RequestLogEntry): string {
  const quota = checkQuota(entry.quota);
  return quota ? t('logQuota', quota.used, quota.limit) : '';
}

/** Each Copy button named after its call, so a screen reader's list of buttons tells them apart; the same call in the same second gets a number. */
function copyNames(entries: readonly RequestLogEntry[], nameOf: (call: string, time: string) => string): string[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const name = nameOf(`${entry.method} ${urlPath(entry.url)}`, formatClock(entry.time));
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
