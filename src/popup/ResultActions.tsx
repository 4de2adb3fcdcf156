import { useId, useState } from 'preact/hooks';
import { Button } from '../ui/Button';
import { t } from '../shared/i18n';
import { type CopyLanguage, type CopyWording, copyCalls } from './copy-calls';
import { PNG_SCALES, type PngScale } from './exports';
import { CodeLanguageSelect, codeWording, curlWording, useCodeLanguage } from './CodeLanguageSelect';
import { screenshotPage } from './page-screenshot';
import { PlacementControls } from './PlacementControls';
import { placeQr } from './placing';
import { exportActions } from './result-actions';
import { usePopupStore } from './store';

/** Place the QR in the page and capture the page with it; copy and download the QR in each useful form. */
export function ResultActions() {
  const store = usePopupStore();
  const { result, send, ports, page } = store;
  const exported = exportActions(result, ports);
  const copy = (language: CopyLanguage, wording: CopyWording) =>
    result.act(language === 'curl' ? 'copy-curl' : 'copy-code', () => copyCalls(store, {}, language, wording));
  const [scale, setScale] = useState<PngScale>(2);
  const scaleId = useId();
  const [language, setLanguage] = useCodeLanguage();
  const busy = result.busy.value;
  return (
    <div class="result-actions">
      <PlacementControls />
      <div class="button-group">
        <Button variant="primary" busy={busy === 'insert'} onClick={() => void placeQr(store, false)}>
          {t('insertIntoPage')}
        </Button>
        <Button busy={busy === 'screenshot'} title={t('screenshotHint')} onClick={() => void result.act('screenshot', () => screenshotPage(send, ports, page))}>
          {t('screenshotPage')}
        </Button>
      </div>
      <div class="button-group">
        <Button size="small" onClick={() => void exported.copySvg()}>
          {t('copySvg')}
        </Button>
        <Button size="small" onClick={() => void exported.copyDataUrl()}>
          {t('copyDataUrl')}
        </Button>
        <Button size="small" onClick={() => void exported.copyBase64()}>
          {t('copyBase64')}
        </Button>
        <Button size="small" busy={busy === 'copy-curl'} onClick={() => void copy('curl', curlWording())}>
          {t('copyCurl')}
        </Button>
      </div>
      <div class="button-group">
        <CodeLanguageSelect value={language} onChange={setLanguage} hideLabel />
        <Button size="small" busy={busy === 'copy-code'} onClick={() => void copy(language, codeWording(language))}>
          {t('copyCode')}
        </Button>
      </div>
      <div class="button-group">
        <Button size="small" onClick={() => void exported.downloadSvg()}>
          {t('downloadSvg')}
        </Button>
        <Button size="small" busy={busy === 'download-png'} onClick={() => void exported.downloadPng(scale)}>
          {t('downloadPng')}
        </Button>
        <label class="visually-hidden" for={scaleId}>
          {t('pngScale')}
        </label>
        <select id={scaleId} class="select-small" value={String(scale)} onChange={(e) => setScale(Number(e.currentTarget.value) as PngScale)}>
          {PNG_SCALES.map((s) => (
            <option key={s} value={String(s)}>
              {t('pngScaleOption', s)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
