import { proxyError } from '../responses';
import { checkTokenRequest, issueToken } from '../token-endpoint';
import type { DevEndpointContext } from './context';
import { rateLimited, serverError } from './responses';

/** The token endpoint with the faults aimed at it: the emulator's checks, answers bent by the faults. */
export async function handleTokenRequest(request: Request, context: DevEndpointContext): Promise<Response> {
  const { options, faults } = context;
  // Only present when a fault was aimed here with a `token:` prefix.
  if (faults.rateLimitRetryAfter !== undefined) return rateLimited(faults.rateLimitRetryAfter, options.now());
  if (faults.serverError !== undefined) return serverError(faults.serverError);

  const checked = await checkTokenRequest(request, options);
  if (!checked.ok) {
    return checked.badCredentials && faults.badCredentials500
      ? proxyError(500, 'Invalid client credentials', 'PiM ID sandbox: injected bad-credentials-500 fault')
      : checked.response;
  }
  return issueToken(context, faults.tokenLifetimeSeconds ?? options.tokenLifetimeSeconds);
}
