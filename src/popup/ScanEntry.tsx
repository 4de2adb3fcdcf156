// One entry of the scan list: what the code encodes (as text only), its figures and warnings, or why
// the image could not be read; "Show on page" outlines it there, "Compare with last QR" says whether
// it matches the QR generated last.
import { useState } from 'preact/hooks';
import { errorText } from '../shared/error-text';
import { t } from '../shared/i18n';
import type { ReadCode, ScanEntry } from '../shared/scan-messages';
import { Button } from '../ui/Button';
import { toErrorView } from '../ui/error-view';
import { latestQr } from './scan-latest';
import { comparisonText, entryFigures, safeText } from './scan-text';
import { usePopupStore } from './store';

const KIND = { img: 'scanKind_img', svg: 'scanKind_svg', canvas: 'scanKind_canvas', background: 'scanKind_background' } as const;
const UNREADABLE = { 'cross-origin': 'scanUnreadable_crossOrigin', broken: 'scanUnreadable_broken', 'not-loaded': 'scanUnreadable_notLoaded' } as const;

interface EntryProps {
  entry: ScanEntry;
  index: number;
  tabId: number;
  chosen: boolean;
  choose: (index: number | null) => void;
}

function ReadDetails({ entry }: { entry: ReadCode }) {
  const text = safeText(entry.text);
  const { size, figures, warnings } = entryFigures(entry);
  return (
    <>
      <p class="scan-text">
        {t('scanEncodes')} <bdi class="scan-decoded">{text.shown}</bdi>
      </p>
      {text.notes.map((note) => (
        <p class="warning">{note}</p>
      ))}
      <p class="note">{size}</p>
      <p class="note">{figures}</p>
      {warnings.map((warning) => (
        <p class="warning">{warning}</p>
      ))}
    </>
  );
}

export function ScanEntryItem({ entry, index, tabId, chosen, choose }: EntryProps) {
  const store = usePopupStore();
  const [lines, setLines] = useState<string[]>([]);
  const where = entry.place === 'page' ? '' : ` (${t(entry.place === 'shadow' ? 'scanPlace_shadow' : 'scanPlace_frame')})`;

  async function show() {
    try {
      const answer = await store.send('ui-bg-scan-highlight', { tabId, index });
      const shown = typeof answer === 'object' && answer !== null && (answer as { shown?: unknown }).shown === true;
      choose(shown ? index : null);
      setLines([t(shown ? 'scanShown' : 'scanGone')]);
    } catch (error) {
      setLines([errorText(toErrorView(error)).headline]);
    }
  }

  async function compare() {
    if (entry.state !== 'read') return;
    try {
      const latest = await latestQr(store.send, store.ports, store.result);
      setLines(latest ? comparisonText(entry, latest) : [t('scanCompareNone')]);
    } catch (error) {
      setLines([errorText(toErrorView(error)).headline]);
    }
  }

  return (
    <li class={`scan-entry${chosen ? ' scan-entry-chosen' : ''}`}>
      <h3>{t('scanEntryTitle', index + 1, t(KIND[entry.kind]) + where)}</h3>
      {entry.state === 'read' ? (
        <ReadDetails entry={entry} />
      ) : (
        <>
          <p class="warning">{t(UNREADABLE[entry.reason])}</p>
          {entry.source && <p class="note">{t('scanSource', entry.source)}</p>}
        </>
      )}
      <div class="scan-actions">
        <button type="button" class="btn btn-secondary btn-small" onClick={() => void show()} aria-pressed={chosen}>
          {t('scanShow')}
        </button>
        {entry.state === 'read' && (
          <Button size="small" onClick={() => void compare()}>
            {t('scanCompare')}
          </Button>
        )}
      </div>
      {lines.length > 0 && (
        <div class="scan-outcome" role="status">
          {lines.map((line) => (
            <p>{line}</p>
          ))}
        </div>
      )}
    </li>
  );
}
