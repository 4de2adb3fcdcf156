// The answers only faults produce: the gateway's quota fault, its 5xx errors, a redirect and a leak.
import { apigeeFault, proxyError } from '../responses';

/** Quota answer as Apigee's Quota policy gives it, with the headers KPN documents. */
export function rateLimited(retryAfterSeconds: number, now: number): Response {
  const limit = 60;
  return apigeeFault(
    429,
    `Rate limit quota violation. Quota limit of ${limit} per minute exceeded. Identifier : _default`,
    'policies.ratelimit.QuotaViolation',
    {
      'Retry-After': String(retryAfterSeconds),
      'quota-limit': String(limit),
      'quota-interval': '1',
      'quota-time-unit': 'minute',
      'quota-used': String(limit + 1),
      'quota-reset-UTC': String(now + retryAfterSeconds * 1000),
    },
  );
}

const SERVER_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  500: 'Internal server error',
  502: 'The PiM backend returned an invalid response',
  503: 'The PiM service is temporarily unavailable',
  504: 'The PiM backend did not answer in time',
};

export function serverError(status: number): Response {
  return proxyError(status, SERVER_ERROR_MESSAGES[status] ?? 'Server error', 'PiM ID sandbox: injected server-error fault');
}

/** Where the `redirect` fault sends a request: a path this server answers 404. */
export const REDIRECT_LOCATION = '/moved';

export function redirected(): Response {
  return new Response(null, { status: 302, headers: { Location: REDIRECT_LOCATION } });
}

/** A 400 that quotes what a gateway should never repeat: the client secret and the token beside the ID. */
export function credentialsLeaked(request: Request, options: { clientId: string; clientSecret: string }): Response {
  const token = /^Bearer\s+(\S+)/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? 'none';
  return proxyError(
    400,
    `Request from app ${options.clientId} with secret ${options.clientSecret} and token ${token} was refused`,
    'PiM ID sandbox: injected leak-credentials fault',
  );
}
