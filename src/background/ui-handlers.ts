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
import { createSettingsHandlers } from './settings-handlers';

export function createUiHandlers(deps: ApiDeps & { placements: TabPlacements; screenshot: UiHandlers['ui-bg-screenshot'] }): UiHandlers {
  return {
    ...createSettingsHandlers(deps),
    ...createEnvironmentHandlers(deps),
    ...createCredentialHandlers(deps),
    ...createConnectionTestHandlers(deps),
    ...createGenerateHandlers(deps),
    ...createPlacementHandlers(deps.placements, deps.screenshot),
  };
}
