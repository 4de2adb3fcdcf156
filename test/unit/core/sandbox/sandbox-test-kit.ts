// Shared helpers for the sandbox tests: talk to a handler like a client would, and read a QR back.
import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { SANDBOX_DEFAULTS, type SandboxHandler } from '../../../../src/core/sandbox/handler';

export const BASE = 'https://api.example.test';
export const TOKEN_URL = `${BASE}/oauth/client_credential/accesstoken?grant_type=client_credentials`;
export const IMAGE_URL = `${BASE}/kpn/qrcodegenerator/image`;

export const VALID_BODY = {
  redirect: '1',
  title: 'Log in bij Voorbeeld Bank',
  description: 'Deel je e-mailadres',
  attributes: 'Email,Mobile',
  width: '200',
  height: '200',
} as const;

export function tokenRequest(
  credentials: { id?: string; secret?: string } = {},
  init: { headers?: Record<string, string>; url?: string } = {},
): Request {
  const form = new URLSearchParams({
    client_id: credentials.id ?? SANDBOX_DEFAULTS.clientId,
    client_secret: credentials.secret ?? SANDBOX_DEFAULTS.clientSecret,
  });
  return new Request(init.url ?? TOKEN_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...init.headers },
    body: form,
  });
}

/**
 * The request as Firefox hands it over: Firefox has never implemented `Request.body`, so the
 * property is absent (undefined, not null) and only `text()`, `arrayBuffer()` and friends read it.
 */
export function withoutBodyStream(request: Request): Request {
  return new Proxy(request, {
    has: (target, key) => key !== 'body' && Reflect.has(target, key),
    get: (target, key) => {
      if (key === 'body') return undefined;
      // Request's getters and methods check their receiver: call them on the real object.
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A stand-in for the global `Request` of a Firefox extension page (see `withoutBodyStream`). */
export function firefoxRequestClass(): typeof Request {
  const NodeRequest = globalThis.Request;
  return new Proxy(NodeRequest, {
    construct: (target, args: ConstructorParameters<typeof Request>) => withoutBodyStream(new target(...args)),
  });
}

export async function mintToken(handler: SandboxHandler): Promise<string> {
  const response = await handler.handle(tokenRequest());
  if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}`);
  const { access_token: token } = (await response.json()) as { access_token: string };
  return token;
}

export function imageRequest(
  token: string | undefined,
  body: unknown = VALID_BODY,
  init: { headers?: Record<string, string>; signal?: AbortSignal; rawBody?: string } = {},
): Request {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...init.headers };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  return new Request(IMAGE_URL, {
    method: 'POST',
    headers,
    body: init.rawBody ?? JSON.stringify(body),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

export function base64ToUtf8(base64: string): string {
  const binary = atob(base64);
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
}

/** Renders SVG markup like a browser would (resvg rejects malformed XML) and returns the PNG pixels. */
export function rasterize(svg: string): { width: number; height: number; data: Uint8ClampedArray } {
  const png = PNG.sync.read(new Resvg(svg, { fitTo: { mode: 'original' }, background: '#ffffff' }).render().asPng());
  return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length) };
}

/** The text a QR in the SVG encodes, read by an independent decoder; undefined when unreadable. */
export function decodeQr(svg: string): string | undefined {
  const { width, height, data } = rasterize(svg);
  return jsQR(data, width, height)?.data;
}

export async function errorBody(response: Response): Promise<{
  transactionId: string;
  status: number;
  name: string;
  message: string;
  info: string;
}> {
  const json = (await response.json()) as { error: Awaited<ReturnType<typeof errorBody>> };
  return json.error;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
