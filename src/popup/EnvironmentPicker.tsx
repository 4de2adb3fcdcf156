import { useId } from 'preact/hooks';
import { EnvironmentBadge } from '../ui/EnvironmentBadge';
import { environmentName } from '../ui/environment-name';
import { t } from '../shared/i18n';
import { usePopupStore } from './store';

/** The "Environment" select with a badge that makes Production unmistakable. */
export function EnvironmentPicker() {
  const store = usePopupStore();
  const id = useId();
  const current = store.environment.value;
  return (
    <div class="environment-picker">
      <label for={id}>{t('fieldEnvironment')}</label>
      <div class="environment-row">
        <select
          id={id}
          value={store.environmentId.value}
          disabled={store.generation.value.state === 'busy'}
          onChange={(e) => void store.selectEnvironment(e.currentTarget.value)}
        >
          {store.environments.value.map((environment) => (
            <option key={environment.id} value={environment.id}>
              {environmentName(environment)}
            </option>
          ))}
        </select>
        {current && <EnvironmentBadge kind={current.kind} managed={current.managed} />}
      </div>
      {current?.needsPermission && (
        <p class="field-description warning">
          {t('environmentNeedsPermission')}{' '}
          <button type="button" class="link" onClick={() => void store.openOptions()}>
            {t('openOptions')}
          </button>
        </p>
      )}
    </div>
  );
}
