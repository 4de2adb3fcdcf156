import { Button } from '../ui/Button';
import { t } from '../shared/i18n';
import { EnvironmentPicker } from './EnvironmentPicker';
import { usePopupStore } from './store';

/** Title, environment, and the ways to open the full UI elsewhere. */
export function Header() {
  const store = usePopupStore();
  const openSidePanel = store.ports.openSidePanel;
  return (
    <header class="popup-header">
      <div class="title-row">
        <h1>{t('appTitle')}</h1>
        <div class="header-actions">
          {openSidePanel && store.page.view !== 'sidepanel' && (
            <Button size="small" variant="quiet" onClick={() => void openSidePanel().catch(() => undefined)}>
              {t('openSidePanel')}
            </Button>
          )}
          <Button size="small" variant="quiet" onClick={() => void store.openOptions()}>
            {t('options')}
          </Button>
        </div>
      </div>
      <EnvironmentPicker />
    </header>
  );
}
