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

/** Apigee's spike arrest: a cap per second, with no quota figures and no Retry-After. */
export function spikeArrested(): Response {
  return apigeeFault(
    429,
    'Spike arrest violation. Allowed rate : MessageRate{messagesPerPeriod=10, periodInMicroseconds=1000000, maxBurstMessageCount=1.0}',
    'policies.ratelimit.SpikeArrestViolation',
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

/** Every character as %xx, in lower case: how some gateways log a form body. */
const percentEveryCharacter = (text: string) => [...new TextEncoder().encode(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
/** Only what is not a letter or digit as %XX: how a form body may arrive. */
const percentPunctuation = (text: string) => text.replace(/[^A-Za-z0-9]/g, (char) => percentEveryCharacter(char).toUpperCase());

/**
 * A 400 that quotes what a gateway should never repeat, in each form a careless one may: the client
 * secret and the presented token beside the ID as sent, percent-encoded in full, in part or twice,
 * in capitals, with zero-width spaces between its characters, and split between message and info.
 */
export function credentialsLeaked(request: Request, options: { clientId: string; clientSecret: string }): Response {
  const token = /^Bearer\s+(\S+)/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const secret = options.clientSecret;
  const half = Math.ceil(secret.length / 2);
  const received = [
    percentEveryCharacter(secret),
    percentPunctuation(secret),
    percentEveryCharacter(secret).replaceAll('%', '%25'),
    secret.toUpperCase(),
    [...secret].join('\u200b'),
    ...(token === undefined ? [] : [percentEveryCharacter(token)]),
  ];
  return proxyError(
    400,
    `Request from app ${options.clientId} with secret ${secret} and token ${token ?? 'none'} was refused; received ${received.join(', ')}; secret began ${secret.slice(0, half)}`,
    `${secret.slice(half)} on`,
  );
}
