import { proxyError } from '../responses';
import { checkTokenRequest, issueToken } from '../token-endpoint';
import type { DevEndpointContext } from './context';
import { credentialsLeaked, rateLimited, redirected, serverError, spikeArrested } from './responses';

/** The token endpoint with the faults aimed at it: the emulator's checks, answers bent by the faults. */
export async function handleTokenRequest(request: Request, context: DevEndpointContext): Promise<Response> {
  const { options, faults } = context;
  // Only present when a fault was aimed here with a `token:` prefix.
  if (faults.spikeArrest) return spikeArrested();
  if (faults.rateLimitRetryAfter !== undefined) return rateLimited(faults.rateLimitRetryAfter, options.now());
  if (faults.serverError !== undefined) return serverError(faults.serverError);
  if (faults.redirect) return redirected();
  if (faults.leakCredentials) return credentialsLeaked(request, options);

  const checked = await checkTokenRequest(request, options);
  if (!checked.ok) {
    return checked.badCredentials && faults.badCredentials500
      ? proxyError(500, 'Invalid client credentials', 'PiM ID sandbox: injected bad-credentials-500 fault')
      : checked.response;
  }
  const issued = issueToken(context, faults.tokenLifetimeSeconds ?? options.tokenLifetimeSeconds);
  return faults.unusableToken ? withUnusableToken(issued) : issued;
}

/** The issued token with a line break and a header after it: sent as it is, it would add a header. */
async function withUnusableToken(issued: Response): Promise<Response> {
  const answer = (await issued.json()) as Record<string, unknown>;
  return new Response(JSON.stringify({ ...answer, access_token: `${String(answer.access_token)}\r\nX-Injected: 1` }), {
    status: issued.status,
    headers: issued.headers,
  });
}
