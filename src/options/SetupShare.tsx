import { t } from '../shared/i18n';
import { Button } from '../ui/Button';
import { ErrorAlert } from '../ui/ErrorAlert';
import { StatusMessage } from '../ui/StatusMessage';
import { useOptionsStore } from './store';

/** Export the set-up to a file, import one, and the report of what each imported entry did. */
export function SetupShare() {
  const { setup } = useOptionsStore();
  const onPick = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Emptied at once, so picking the same file again imports it again.
    input.value = '';
    if (file) void setup.importFile(file);
  };
  const report = setup.report.value;
  return (
    <section class="share" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('shareHeading')}</h2>
      <p class="note">{t('shareHelp')}</p>
      <div class="form-actions">
        <Button busy={setup.exporting.value} onClick={() => void setup.exportSetup()}>
          {t('exportSetup')}
        </Button>
      </div>
      <StatusMessage class="status-success" text={setup.status.value} />
      <div class="field">
        <label for="setup-file">{t('importSetupLabel')}</label>
        <input
          id="setup-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="setup-file-help"
          disabled={setup.importing.value}
          onChange={onPick}
        />
        <p id="setup-file-help" class="note">
          {t('importSetupHelp')}
        </p>
      </div>
      {setup.problem.value && (
        <p role="alert" class="alert alert-error">
          {setup.problem.value}
        </p>
      )}
      {setup.error.value && <ErrorAlert error={setup.error.value} />}
      <StatusMessage text={setup.summary.value} />
      {report.length > 0 && (
        <section aria-labelledby="import-report-heading">
          <h3 id="import-report-heading">{t('importReportHeading')}</h3>
          <ul class="import-report">
            {report.map((line, index) => (
              <li key={index} class={`import-${line.outcome}`}>
                {line.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
