// A request to the built-in Sandbox and its answer as plain data, for where the emulator runs apart
// from the code that calls it (Chrome: a worker of the offscreen document). Runtime messages and
// postMessage carry plain data, not Request or Response objects.

export type HeaderList = [name: string, value: string][];

export interface WireRequest {
  url: string;
  method: string;
  headers: HeaderList;
  body: string;
}

export interface WireResponse {
  status: number;
  statusText: string;
  headers: HeaderList;
  body: string;
}

export async function requestToWire(input: string, init: RequestInit): Promise<WireRequest> {
  const request = new Request(input, init);
  return { url: request.url, method: request.method, headers: [...request.headers], body: await request.text() };
}

export function requestFromWire(wire: WireRequest): Request {
  const bodyless = wire.method === 'GET' || wire.method === 'HEAD';
  return new Request(wire.url, { method: wire.method, headers: wire.headers, ...(bodyless ? {} : { body: wire.body }) });
}

export async function responseToWire(response: Response): Promise<WireResponse> {
  return { status: response.status, statusText: response.statusText, headers: [...response.headers], body: await response.text() };
}

// These statuses may not carry a body; the Response constructor throws if given one.
const NULL_BODY_STATUSES: readonly number[] = [204, 205, 304];

export function responseFromWire(wire: WireResponse): Response {
  const body = NULL_BODY_STATUSES.includes(wire.status) ? null : wire.body;
  return new Response(body, { status: wire.status, statusText: wire.statusText, headers: wire.headers });
}
