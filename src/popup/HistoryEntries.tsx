import { useEffect, useState } from 'preact/hooks';
import type { HistoryItem } from '../shared/messages';
import { Button } from '../ui/Button';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatPixels, formatTime } from '../shared/format';
import { t } from '../shared/i18n';
import { svgDataUrl } from './exports';
import { loadSanitizer } from './load-sanitizer';
import { usePopupStore } from './store';
import './lists.css';

/**
 * The last results, shown when History is opened; choosing one puts its parameters back in the form
 * and shows it. Each can be deleted on its own: its attributes name personal data.
 */
export function HistoryEntries() {
  const store = usePopupStore();
  const { history } = store;
  const items = history.items.value;
  return (
    <>
      {history.error.value && <ErrorAlert error={history.error.value} />}
      {items?.length === 0 && <p class="note">{t('historyEmpty')}</p>}
      {items && items.length > 0 && (
        <>
          <ul class="history-list">
            {items.map((item) => (
              <li key={item.id} class="history-row">
                <HistoryEntry item={item} onChoose={() => store.restore(item)} />
                <Button
                  size="small"
                  variant="quiet"
                  aria-label={t('historyDeleteName', item.params.title, formatTime(item.time))}
                  onClick={() => void history.remove(item.id)}
                >
                  {t('historyDelete')}
                </Button>
              </li>
            ))}
          </ul>
          <Button size="small" variant="quiet" busy={history.busy.value} onClick={() => void history.clear()}>
            {t('historyClear')}
          </Button>
        </>
      )}
    </>
  );
}

export interface HistoryEntryProps {
  item: HistoryItem;
  onChoose: () => void;
}

function HistoryEntry({ item, onChoose }: HistoryEntryProps) {
  const [thumbnail, setThumbnail] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    // Stored markup is sanitized like any other before it is shown, even as an <img>.
    loadSanitizer()
      .then((sanitize) => current && setThumbnail(svgDataUrl(sanitize(item.svg))))
      .catch(() => current && setThumbnail(undefined));
    return () => {
      current = false;
    };
  }, [item.svg]);
  return (
    <button type="button" class="row-button history-entry" onClick={onChoose}>
      {thumbnail ? <img src={thumbnail} alt="" width={40} height={40} /> : <span class="thumbnail-missing" aria-hidden="true" />}
      <span class="history-text">
        <span class="history-title">{item.params.title}</span>
        <span class="history-facts">
          {[formatPixels(item.params.width, item.params.height), item.environmentName, formatTime(item.time)].join(' · ')}
        </span>
      </span>
    </button>
  );
}
