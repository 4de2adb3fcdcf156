import type { EndpointContext } from './context';
import type { SandboxOptions } from './options';
import { mediaType, readBodyText } from './read-body';
import { jsonResponse, oauthError } from './responses';

/** A token request checked: fine, or the gateway's answer and whether it was the credentials that failed. */
export type TokenRequestCheck = { ok: true } | { ok: false; badCredentials: boolean; response: Response };

/** The grant type, the form body and the client credentials, checked in the gateway's order. */
export async function checkTokenRequest(request: Request, options: Readonly<SandboxOptions>): Promise<TokenRequestCheck> {
  const refuse = (response: Response, badCredentials = false): TokenRequestCheck => ({ ok: false, badCredentials, response });
  const grantType = new URL(request.url).searchParams.get('grant_type');
  if (grantType === null || grantType === '') return refuse(oauthError(400, 'invalid_request', 'Invalid grant_type'));
  if (grantType !== 'client_credentials') {
    return refuse(oauthError(400, 'unsupported_grant_type', 'Unsupported grant_type; use client_credentials'));
  }
  if (mediaType(request) !== 'application/x-www-form-urlencoded') {
    return refuse(oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded'));
  }
  const body = await readBodyText(request, options.maxBodyBytes);
  if (!body.ok) return refuse(oauthError(413, 'invalid_request', 'Request body is too large'));

  const form = new URLSearchParams(body.text);
  if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
    return refuse(oauthError(401, 'invalid_client', 'ClientId is Invalid'), true);
  }
  return { ok: true };
}

/** A new token that lives `lifetimeSeconds`, in Apigee's answer shape (every value a string). */
export function issueToken(context: EndpointContext, lifetimeSeconds: number): Response {
  const { options, tokens } = context;
  const issuedAt = options.now();
  return jsonResponse(200, {
    refresh_token_expires_in: '0',
    api_product_list: '[PiM ID Sandbox]',
    organization_name: 'kpn',
    'developer.email': 'developer@sandbox.pim.invalid',
    token_type: 'Bearer',
    issued_at: String(issuedAt),
    client_id: options.clientId,
    access_token: tokens.issue(lifetimeSeconds, issuedAt),
    application_name: 'pim-qr-sandbox',
    scope: '',
    expires_in: String(lifetimeSeconds),
    refresh_count: '0',
    status: 'approved',
  });
}

/**
 * `POST /oauth/client_credential/accesstoken?grant_type=client_credentials` with the client
 * credentials in a form body, answered the way KPN's Apigee gateway does.
 */
export async function handleTokenRequest(request: Request, context: EndpointContext): Promise<Response> {
  const checked = await checkTokenRequest(request, context.options);
  return checked.ok ? issueToken(context, context.options.tokenLifetimeSeconds) : checked.response;
}
