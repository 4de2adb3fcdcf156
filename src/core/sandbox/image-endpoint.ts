import type { EndpointContext } from './context';
import { makeHostile } from './hostile';
import { imageResponse } from './image-body';
import { checkImageRequest } from './image-request';
import { mediaType, readBodyText } from './read-body';
import { renderSandboxSvg } from './render';
import { apigeeFault, proxyError, rateLimited, serverError } from './responses';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * `POST /kpn/qrcodegenerator/image`. Checks run in the gateway's order: access token, product
 * subscription, quota, backend availability, then the request body.
 */
export async function handleImageRequest(request: Request, context: EndpointContext): Promise<Response> {
  const { options, faults, tokens } = context;
  const token = BEARER.exec(request.headers.get('authorization') ?? '')?.[1];
  const state = token === undefined ? 'unknown' : tokens.check(token, options.now());
  if (faults.unauthorized || state === 'unknown') {
    return apigeeFault(401, 'Invalid access token', 'oauth.v2.InvalidAccessToken');
  }
  if (faults.expireToken || state === 'expired') {
    return apigeeFault(401, 'Access Token expired', 'keymanagement.service.access_token_expired');
  }
  if (faults.forbidden) {
    return proxyError(403, 'The application is not subscribed to this API product', 'PiM ID sandbox: injected forbidden fault');
  }
  if (faults.rateLimitRetryAfter !== undefined) return rateLimited(faults.rateLimitRetryAfter, options.now());
  if (faults.serverError !== undefined) return serverError(faults.serverError);

  if (mediaType(request) !== 'application/json') {
    return proxyError(415, 'Content-Type must be application/json');
  }
  const body = await readBodyText(request, options.maxBodyBytes);
  if (!body.ok) return proxyError(413, `Request body is larger than ${options.maxBodyBytes} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return proxyError(400, 'Request body is not valid JSON');
  }
  const checked = checkImageRequest(json, options);
  if (!checked.ok) return proxyError(400, checked.message, checked.info);

  const svg = renderSandboxSvg(checked.params);
  return imageResponse(faults.hostile.size > 0 ? makeHostile(svg, faults.hostile, context.beaconUrl) : svg, faults);
}
