import { ErrorAlert } from '../ui/ErrorAlert';
import { formatBytes, formatDuration, formatPixels } from '../shared/format';
import { t } from '../shared/i18n';
import { QrPreview } from './QrPreview';
import { ResultActions } from './ResultActions';
import { usePopupStore } from './store';

/** The last QR: preview, its facts, what it encodes, and what to do with it. */
export function ResultPanel() {
  const store = usePopupStore();
  const shown = store.result.result.value;
  if (!shown) return null;
  const decoded = store.result.decoded.value;
  const facts = [formatPixels(shown.width, shown.height), formatBytes(shown.bytes), formatDuration(shown.durationMs), shown.environmentName];
  return (
    <section class="result" aria-labelledby="result-heading">
      <h2 id="result-heading" class="visually-hidden">
        {t('resultHeading')}
      </h2>
      <QrPreview svg={shown.svg} />
      <p class="result-facts">
        {facts.join(' · ')}
      </p>
      <p class={`result-decoded${decoded.state === 'unreadable' ? ' warning' : ''}`}>
        {decoded.state === 'read' && t('decodedText', decoded.text)}
        {decoded.state === 'reading' && t('decodingQr')}
        {decoded.state === 'unreadable' && t('decodeFailed')}
      </p>
      <ResultActions />
      {store.result.error.value && <ErrorAlert error={store.result.error.value} />}
    </section>
  );
}
