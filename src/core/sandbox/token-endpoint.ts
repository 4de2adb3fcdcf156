import type { EndpointContext } from './context';
import { mediaType, readBodyText } from './read-body';
import { jsonResponse, oauthError, proxyError, rateLimited, serverError } from './responses';

/**
 * `POST /oauth/client_credential/accesstoken?grant_type=client_credentials` with the client
 * credentials in a form body, answered the way KPN's Apigee gateway does (every value a string).
 */
export async function handleTokenRequest(request: Request, context: EndpointContext): Promise<Response> {
  const { options, faults, tokens } = context;
  // Only present when a fault was aimed here with a `token:` prefix.
  if (faults.rateLimitRetryAfter !== undefined) return rateLimited(faults.rateLimitRetryAfter, options.now());
  if (faults.serverError !== undefined) return serverError(faults.serverError);

  const grantType = new URL(request.url).searchParams.get('grant_type');
  if (grantType === null || grantType === '') return oauthError(400, 'invalid_request', 'Invalid grant_type');
  if (grantType !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', 'Unsupported grant_type; use client_credentials');
  }
  if (mediaType(request) !== 'application/x-www-form-urlencoded') {
    return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
  const body = await readBodyText(request, options.maxBodyBytes);
  if (!body.ok) return oauthError(413, 'invalid_request', 'Request body is too large');

  const form = new URLSearchParams(body.text);
  if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
    return faults.badCredentials500
      ? proxyError(500, 'Invalid client credentials', 'PiM ID sandbox: injected bad-credentials-500 fault')
      : oauthError(401, 'invalid_client', 'ClientId is Invalid');
  }

  const issuedAt = options.now();
  const lifetime = faults.tokenLifetimeSeconds ?? options.tokenLifetimeSeconds;
  return jsonResponse(200, {
    refresh_token_expires_in: '0',
    api_product_list: '[PiM ID Sandbox]',
    organization_name: 'kpn',
    'developer.email': 'developer@sandbox.pim.invalid',
    token_type: 'Bearer',
    issued_at: String(issuedAt),
    client_id: options.clientId,
    access_token: tokens.issue(lifetime, issuedAt),
    application_name: 'pim-qr-sandbox',
    scope: '',
    expires_in: String(lifetime),
    refresh_count: '0',
    status: 'approved',
  });
}
