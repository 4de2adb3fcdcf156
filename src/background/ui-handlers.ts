// Every message the extension pages may send, answered: the topic maps joined into one, which does
// not compile while a message of the contract (shared/contracts/ui-to-worker.ts) has no handler.
import { createConnectionTestHandlers } from './connection-test';
import { createCredentialHandlers } from './credential-handlers';
import { createEnvironmentHandlers } from './environment-handlers';
import { type ApiDeps } from './generate';
import { createGenerateHandlers } from './generate-handlers';
import { createPlacementHandlers } from './placement-handlers';
import type { TabPlacements } from './placement-service';
import type { UiHandlers } from './router';
import { createScanHandlers } from './scan-handlers';
import { createSettingsHandlers } from './settings-handlers';
import type { ScriptPort, TabPort } from './tab-access';
import type { WorkerToScanner } from '../shared/contracts/worker-to-scanner';

export interface PageDeps {
  placements: TabPlacements;
  screenshot: UiHandlers['ui-bg-screenshot'];
  tabs: Pick<TabPort, 'resolve'>;
  scanner: ScriptPort<WorkerToScanner>;
}

export function createUiHandlers(deps: ApiDeps & PageDeps): UiHandlers {
  return {
    ...createSettingsHandlers(deps),
    ...createEnvironmentHandlers(deps),
    ...createCredentialHandlers(deps),
    ...createConnectionTestHandlers(deps),
    ...createGenerateHandlers(deps),
    ...createPlacementHandlers(deps.placements, deps.screenshot),
    ...createScanHandlers(deps.tabs, deps.scanner),
  };
}
