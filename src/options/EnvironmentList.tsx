import { Button } from '../ui/Button';
import { EnvironmentBadge } from '../ui/EnvironmentBadge';
import { environmentName } from '../ui/environment-name';
import { t } from '../shared/i18n';
import { useOptionsStore } from './store';

/** The built-in and custom environments; choosing one opens it in the editor. */
export function EnvironmentList() {
  const store = useOptionsStore();
  return (
    <nav class="environment-list" aria-label={t('environmentsHeading')}>
      <ul>
        {store.environments.value.map((environment) => (
          <li key={environment.id}>
            <button
              type="button"
              class="row-button environment-item"
              aria-current={store.selectedId.value === environment.id ? 'true' : undefined}
              onClick={() => store.open(environment.id)}
            >
              <span class="environment-name">{environmentName(environment)}</span>
              <EnvironmentBadge kind={environment.kind} managed={environment.managed} />
            </button>
          </li>
        ))}
      </ul>
      <Button size="small" onClick={() => store.open(undefined)}>
        {t('addEnvironment')}
      </Button>
    </nav>
  );
}
