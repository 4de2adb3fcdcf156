import { HISTORY_SIZE_MAX, HISTORY_SIZE_MIN } from '../shared/limits';
import { Button } from '../ui/Button';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { t } from '../shared/i18n';
import { QrParamFields } from '../ui/QrParamFields';
import { StatusMessage } from '../ui/StatusMessage';
import { useOptionsStore } from './store';

/** What a new popup form starts with, and whether and how many results history keeps. */
export function DefaultsForm() {
  const { defaults } = useOptionsStore();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    defaults.save();
  };
  return (
    <form class="defaults" noValidate onSubmit={onSubmit} aria-labelledby="defaults-heading">
      <h2 id="defaults-heading">{t('defaultsHeading')}</h2>
      <p class="note">{t('defaultsHelp')}</p>
      <QrParamFields form={defaults.form} />
      <Field
        label={t('fieldHistorySize')}
        type="number"
        value={defaults.historySize}
        min={HISTORY_SIZE_MIN}
        max={HISTORY_SIZE_MAX}
        onBlur={defaults.touchHistorySize}
        error={defaults.historySizeError.value}
        class="field-inline"
      />
      <label class="check">
        <input type="checkbox" checked={defaults.keepHistory.value} onChange={(e) => (defaults.keepHistory.value = e.currentTarget.checked)} />
        <span>{t('fieldKeepHistory')}</span>
      </label>
      <p class="note">{t('keepHistoryHelp')}</p>
      {defaults.error.value && <ErrorAlert error={defaults.error.value} />}
      <div class="form-actions">
        <Button type="submit" variant="primary" busy={defaults.saving.value}>
          {t('saveDefaults')}
        </Button>
        <Button variant="secondary" busy={defaults.clearing.value} onClick={defaults.clearHistory}>
          {t('historyClear')}
        </Button>
      </div>
      <StatusMessage class="status-success" text={defaults.status.value} />
    </form>
  );
}
