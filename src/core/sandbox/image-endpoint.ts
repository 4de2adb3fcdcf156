import { utf8ToBase64 } from './base64';
import type { EndpointContext } from './context';
import { checkImageRequest } from './image-request';
import type { SandboxOptions } from './options';
import { quotaExceeded, quotaHeaders } from './quota';
import { mediaType, readBodyText } from './read-body';
import { type SandboxImageParams, renderSandboxSvg } from './render';
import { apigeeFault, proxyError } from './responses';
import type { TokenState } from './token-store';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** KPN's /image answers with bare base64 text. */
export const IMAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });

/** The state of the bearer token a request presents ('unknown' when it presents none). */
export function presentedToken(request: Request, context: EndpointContext): TokenState {
  const token = BEARER.exec(request.headers.get('authorization') ?? '')?.[1];
  return token === undefined ? 'unknown' : context.tokens.check(token, context.options.now());
}

/** The gateway's 401 for a token that is not valid; undefined for a valid one. */
export function refuseToken(state: TokenState): Response | undefined {
  if (state === 'unknown') return apigeeFault(401, 'Invalid access token', 'oauth.v2.InvalidAccessToken');
  if (state === 'expired') return apigeeFault(401, 'Access Token expired', 'keymanagement.service.access_token_expired');
  return undefined;
}

/** Reads and checks the JSON body: the image parameters, or the gateway's 4xx answer. */
export async function readImageParams(
  request: Request,
  options: Readonly<SandboxOptions>,
): Promise<{ ok: true; params: SandboxImageParams } | { ok: false; response: Response }> {
  if (mediaType(request) !== 'application/json') {
    return { ok: false, response: proxyError(415, 'Content-Type must be application/json') };
  }
  const body = await readBodyText(request, options.maxBodyBytes);
  if (!body.ok) return { ok: false, response: proxyError(413, `Request body is larger than ${options.maxBodyBytes} bytes`) };
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return { ok: false, response: proxyError(400, 'Request body is not valid JSON') };
  }
  const checked = checkImageRequest(json, options);
  return checked.ok ? checked : { ok: false, response: proxyError(400, checked.message, checked.info) };
}

/**
 * Counts the call against its client's quota, as the gateway does once the token is accepted: the
 * answer `respond` gives carries the quota headers, and a call over the quota gets the 429 instead.
 * The sandbox knows one client, so its client ID is whose call it is.
 */
export async function countingQuota(context: EndpointContext, respond: () => Promise<Response>): Promise<Response> {
  const { options } = context;
  const now = options.now();
  const count = context.quota.count(options.clientId, options.quotaLimit, now);
  if (!count.allowed) return quotaExceeded(count, now);
  const response = await respond();
  for (const [name, value] of Object.entries(quotaHeaders(count))) response.headers.set(name, value);
  return response;
}

/**
 * `POST /kpn/qrcodegenerator/image`. Checks run in the gateway's order: the access token, the quota,
 * then the request body; the answer is the rendered SVG as base64.
 */
export async function handleImageRequest(request: Request, context: EndpointContext): Promise<Response> {
  const refused = refuseToken(presentedToken(request, context));
  if (refused) return refused;
  return countingQuota(context, async () => {
    const read = await readImageParams(request, context.options);
    if (!read.ok) return read.response;
    return new Response(utf8ToBase64(renderSandboxSvg(read.params, context.options.bandLabel)), { status: 200, headers: IMAGE_HEADERS });
  });
}
