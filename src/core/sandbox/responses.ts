// The error bodies the real gateway produces, in its three dialects (see docs/kpn-api.md).

const STATUS_NAMES: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });
}

/** KPN proxy errors: `{"error":{"transactionId","status","name","message","info"}}`. */
export function proxyError(
  status: number,
  message: string,
  info = 'PiM ID sandbox',
  headers: Record<string, string> = {},
): Response {
  const name = STATUS_NAMES[status] ?? 'Error';
  return jsonResponse(status, { error: { transactionId: crypto.randomUUID(), status, name, message, info } }, headers);
}

/** Apigee policy faults (token verification, quota): `{"fault":{"faultstring","detail":{"errorcode"}}}`. */
export function apigeeFault(
  status: number,
  faultstring: string,
  errorcode: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(status, { fault: { faultstring, detail: { errorcode } } }, headers);
}

/** Apigee OAuth errors from the token endpoint: `{"ErrorCode","Error"}`. */
export function oauthError(status: number, errorCode: string, error: string): Response {
  return jsonResponse(status, { ErrorCode: errorCode, Error: error });
}

export function methodNotAllowed(method: string, allowed: string): Response {
  return proxyError(405, `Method ${method} is not allowed here; use ${allowed}`, 'PiM ID sandbox', { Allow: allowed });
}

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
