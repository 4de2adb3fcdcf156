import { useEffect, useRef } from 'preact/hooks';
import { ErrorAlert } from '../ui/ErrorAlert';
import { reveal } from '../ui/reveal';
import { formatBytes, formatDuration, formatPixels } from '../shared/format';
import { t } from '../shared/i18n';
import { QrPreview } from './QrPreview';
import { QuotaLine } from './QuotaLine';
import { ResultActions } from './ResultActions';
import { usePopupStore } from './store';
import './result.css';

/**
 * The last QR: preview, its facts, what it encodes, and what to do with it. After a failed Generate
 * it is still there, dimmed and named "Previous result", so nobody takes it for the answer to the
 * call that failed; its buttons then act on that earlier QR, as its note says.
 */
export function ShownResult() {
  const store = usePopupStore();
  const shown = store.result.result.value;
  const section = useRef<HTMLElement>(null);
  // In the narrow side panel the result sits above the form: bring a new one into view.
  useEffect(() => reveal(section.current), [shown]);
  // A Generate started here ends on its result: focus goes there, and a screen reader names it.
  // Results that arrive otherwise (history, another view's changes) leave focus where it is.
  const focusHere = store.generateEnded.value === 'result' && shown !== null;
  useEffect(() => {
    if (!focusHere || !section.current) return;
    section.current.focus();
    store.generateEnded.value = null;
  }, [focusHere, shown]);
  if (!shown) return null;
  const previous = store.generation.value.state === 'error';
  const decoded = store.result.decoded.value;
  const facts = [formatPixels(shown.width, shown.height), formatBytes(shown.bytes), formatDuration(shown.durationMs), shown.environmentName];
  return (
    <section ref={section} tabIndex={-1} class={`result${previous ? ' result-previous' : ''}`} aria-labelledby="result-heading" aria-describedby={previous ? 'result-previous-note' : undefined}>
      <h2 id="result-heading" class={previous ? 'result-label' : 'visually-hidden'}>
        {t(previous ? 'resultPrevious' : 'resultHeading')}
      </h2>
      {previous && (
        <p id="result-previous-note" class="note">
          {t('resultPreviousNote')}
        </p>
      )}
      {/* Keyed: a result with the same markup as the one before still loads, and is read back, anew. */}
      <QrPreview key={shown.id} svg={shown.svg} onLoad={() => store.result.previewLoaded(shown)} />
      <p class="result-facts">{facts.join(' · ')}</p>
      <p class={`result-decoded${decoded.state === 'unreadable' ? ' warning' : ''}`}>
        {decoded.state === 'read' && t('decodedText', decoded.text)}
        {decoded.state === 'reading' && t('decodingQr')}
        {decoded.state === 'unreadable' && t('decodeFailed')}
      </p>
      <QuotaLine />
      <ResultActions />
      <ActionError />
    </section>
  );
}

/** Why the last action on the result failed: brought into view, as it comes below the buttons. */
function ActionError() {
  const error = usePopupStore().result.error.value;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => reveal(box.current), [error]);
  return error ? <ErrorAlert error={error} focusRef={box} /> : null;
}
