import { countingQuota, presentedToken, readImageParams, refuseToken } from '../image-endpoint';
import { renderSandboxSvg } from '../render';
import { proxyError } from '../responses';
import type { DevEndpointContext } from './context';
import { makeHostile } from './hostile';
import { imageResponse } from './image-body';
import { credentialsLeaked, rateLimited, redirected, serverError, spikeArrested } from './responses';

/**
 * The /image endpoint with the faults in force. Checks run in the gateway's order: access token,
 * product subscription, quota, backend availability, then the request body.
 */
export async function handleImageRequest(request: Request, context: DevEndpointContext): Promise<Response> {
  const { options, faults } = context;
  if (faults.redirect) return redirected();
  if (faults.leakCredentials) return credentialsLeaked(request, options);
  const state = presentedToken(request, context);
  // `unauthorized` rejects any token as unknown; `expire-token` makes a valid one expired.
  const refused = refuseToken(faults.unauthorized ? 'unknown' : faults.expireToken && state === 'valid' ? 'expired' : state);
  if (refused) return refused;
  if (faults.forbidden) {
    return proxyError(403, 'The application is not subscribed to this API product', 'PiM ID sandbox: injected forbidden fault');
  }
  if (faults.spikeArrest) return spikeArrested();
  if (faults.rateLimitRetryAfter !== undefined) return rateLimited(faults.rateLimitRetryAfter, options.now());
  if (faults.quotaUsed !== undefined) context.quota.setUsed(options.clientId, faults.quotaUsed, options.now());
  return countingQuota(context, async () => {
    if (faults.serverError !== undefined) return serverError(faults.serverError);
    const read = await readImageParams(request, options);
    if (!read.ok) return read.response;
    const svg = renderSandboxSvg(read.params, options.bandLabel);
    return imageResponse(faults.hostile.size > 0 ? makeHostile(svg, faults.hostile, context.beaconUrl) : svg, faults);
  });
}
