// Client IDs and secrets. A secret is stored bound to the base URL's origin and the client ID it
// was typed for; an empty secret keeps the stored one only while both still match.
import { PimError } from '../core/errors';
import { dropUnboundSecret, environmentViewOf, findEnvironment } from './environments';
import { type ApiDeps, forgetTokens } from './generate';
import type { UiHandlers } from './router';

export function createCredentialHandlers(deps: ApiDeps) {
  return {
    'ui-bg-credentials-set': async (input) => {
      const { environmentId } = input;
      const clientId = input.clientId.trim();
      const newSecret = input.clientSecret?.trim() ?? '';
      const settings = await deps.settings.update(async (current) => {
        const environment = findEnvironment(current, environmentId);
        if (environment.kind === 'sandbox') {
          throw new PimError('sandbox-needs-no-credentials');
        }
        if (clientId === '') {
          throw new PimError('client-id-required');
        }
        const origin = new URL(environment.baseUrl).origin;
        // An empty secret keeps the stored one, but only for the origin and client ID it was saved for.
        if (newSecret !== '') await deps.secrets.set(environmentId, { clientSecret: newSecret, clientId, origin });
        else await dropUnboundSecret(deps.secrets, environment, clientId);
        void forgetTokens(deps, environmentId);
        return { ...current, credentials: { ...current.credentials, [environmentId]: { clientId } } };
      });
      return environmentViewOf(deps, settings, environmentId);
    },

    'ui-bg-credentials-clear': async ({ environmentId }) => {
      const settings = await deps.settings.update(async (current) => {
        findEnvironment(current, environmentId);
        const { [environmentId]: _removed, ...credentials } = current.credentials;
        await deps.secrets.remove(environmentId);
        void forgetTokens(deps, environmentId);
        return { ...current, credentials };
      });
      return environmentViewOf(deps, settings, environmentId);
    },
  } satisfies Partial<UiHandlers>;
}
