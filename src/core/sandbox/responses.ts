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
