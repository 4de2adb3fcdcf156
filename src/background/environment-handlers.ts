// Adding, changing and deleting custom environments. A changed origin drops the stored secret and
// the environment's cached tokens (README: the secret belongs to an origin and a client ID).
import { type Environment, validateEnvironmentInput } from '../core/environments';
import { PimError } from '../core/errors';
import type { EnvironmentInput } from '../shared/messages';
import { dropUnboundSecret, environmentViewOf, environmentViews, findEnvironment } from './environments';
import { type ApiDeps, forgetTokens } from './generate';
import type { UiHandlers } from './router';
import type { Settings } from './settings-schema';
import { settingsViewOf } from './settings-handlers';

type EnvironmentDeps = Pick<ApiDeps, 'settings' | 'secrets' | 'session' | 'quota' | 'hasHostPermission' | 'newId'>;

export function createEnvironmentHandlers(deps: EnvironmentDeps) {
  return {
    'ui-bg-environments-list': async () => environmentViews(deps, await deps.settings.read()),

    'ui-bg-first-paint': async () => {
      // No environment id names a policy environment, so the policy is left unread.
      const settings = await deps.settings.readFor(undefined);
      return { settings: settingsViewOf(settings), environments: await environmentViews(deps, settings) };
    },

    'ui-bg-environment-save': async (input) => {
      let saved: Environment | undefined;
      const settings = await deps.settings.update(async (current) => {
        const next = await saveEnvironment(deps, current, input);
        saved = next.saved;
        return next.settings;
      });
      if (!saved) throw new PimError('internal');
      return environmentViewOf(deps, settings, saved.id);
    },

    'ui-bg-environment-delete': async ({ id }) => {
      const settings = await deps.settings.update(async (current) => {
        const environment = findEnvironment(current, id);
        if (environment.kind !== 'custom' || environment.managed) {
          throw new PimError('built-in-undeletable');
        }
        const { [id]: _removed, ...credentials } = current.credentials;
        const { [id]: _asked, ...confirmFirstCall } = current.confirmFirstCall;
        await deps.secrets.remove(id);
        void forgetTokens(deps, id);
        return {
          ...current,
          customEnvironments: current.customEnvironments.filter((e) => e.id !== id),
          credentials,
          confirmFirstCall,
          selectedEnvironmentId: current.selectedEnvironmentId === id ? 'sandbox' : current.selectedEnvironmentId,
        };
      });
      return environmentViews(deps, settings);
    },
  } satisfies Partial<UiHandlers>;
}

/** Runs inside the settings queue: a credentials save cannot slip in between the check and the drop. */
async function saveEnvironment(deps: EnvironmentDeps, current: Settings, payload: EnvironmentInput): Promise<{ settings: Settings; saved: Environment }> {
  const others = current.customEnvironments.filter((e) => e.id !== payload.id);
  if (payload.id !== undefined && others.length === current.customEnvironments.length) {
    // A built-in id is refused by the validator below; a managed one belongs to the policy.
    if (findEnvironment(current, payload.id).managed) throw new PimError('environment-invalid');
  }
  const checked = validateEnvironmentInput(payload, others, () => `custom-${deps.newId()}`);
  if (!checked.ok) {
    throw new PimError('environment-invalid');
  }
  const saved = checked.environment;
  const index = current.customEnvironments.findIndex((e) => e.id === checked.environment.id);
  const before = current.customEnvironments[index];
  const customEnvironments = [...current.customEnvironments];
  if (index >= 0) customEnvironments[index] = checked.environment;
  else customEnvironments.push(checked.environment);
  const dropped = await dropUnboundSecret(deps.secrets, checked.environment, current.credentials[checked.environment.id]?.clientId ?? '');
  if (dropped || (before && (before.baseUrl !== saved.baseUrl || before.tokenPath !== saved.tokenPath))) {
    void forgetTokens(deps, saved.id);
  }
  return { settings: { ...current, customEnvironments }, saved };
}
