// The development sandbox handler (emulator, faults, admin routes) behind a real loopback HTTP server, plus the demo pages from test/fixtures.
// Used by `npm run sandbox`, `npm start` and the end-to-end tests.
import { readFile, readdir, stat } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { type DevSandboxHandler, type DevSandboxOptions, createDevSandboxHandler } from '../src/core/sandbox/dev/handler';
import { proxyError } from '../src/core/sandbox/responses';

export interface SandboxServerOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Loopback only: the sandbox hands out tokens to anyone who can reach it. */
  host?: '127.0.0.1';
  options?: Partial<DevSandboxOptions>;
  /** One line per request; `false` for silence. Defaults to console.log. */
  log?: ((line: string) => void) | false;
  /** Where `/demo/*` pages come from; defaults to test/fixtures. */
  fixturesDir?: string;
}

export interface RunningSandbox {
  /** `http://127.0.0.1:<port>`, no trailing slash: the extension's custom base URL. */
  url: string;
  port: number;
  handler: DevSandboxHandler;
  /** Stops listening and drops open (keep-alive and in-flight) connections. Safe to call twice. */
  close(): Promise<void>;
}

/** Request bodies the server buffers at most; the handler applies its own, smaller limit. */
const MAX_SERVER_BODY_BYTES = 1024 * 1024;
// Hop-by-hop and framing headers describe the socket, not the request the handler sees.
const SKIPPED_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect', 'content-length', 'host']);

export async function startSandboxServer(settings: SandboxServerOptions = {}): Promise<RunningSandbox> {
  const handler = createDevSandboxHandler(settings.options);
  const log = settings.log === false ? () => {} : (settings.log ?? ((line: string) => console.log(line)));
  const fixturesDir = settings.fixturesDir ?? resolve(import.meta.dirname, '../test/fixtures');
  const host = settings.host ?? '127.0.0.1';
  let origin = '';

  const server = createServer((req, res) => {
    const started = performance.now();
    const done = (outcome: string): void =>
      log(`[sandbox] ${loggableMethod(req.method)} ${loggablePath(req.url)} ${outcome} ${Math.round(performance.now() - started)}ms`);
    serve(req, res, handler, origin, fixturesDir).then(
      (status) => done(status === undefined ? 'aborted' : String(status)),
      (error: unknown) => {
        done('failed');
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
        log(`[sandbox] internal error: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(settings.port ?? 0, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    port,
    handler,
    close: () =>
      (closing ??= new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      })),
  };
}

/** Answers one request; resolves to the status sent, or undefined when the client went away first. */
async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  handler: DevSandboxHandler,
  origin: string,
  fixturesDir: string,
): Promise<number | undefined> {
  const url = new URL(req.url ?? '/', origin);
  const demo = await serveDemo(req.method ?? 'GET', url.pathname, fixturesDir);
  if (demo) return send(res, req.method, demo);

  const body = await readBody(req);
  if (body === 'aborted') return undefined;
  if (body === 'too-large') {
    return send(res, req.method, proxyError(413, `Request body is larger than ${MAX_SERVER_BODY_BYTES} bytes`));
  }
  const aborter = new AbortController();
  res.on('close', () => {
    if (!res.writableEnded) aborter.abort(new DOMException('The client closed the connection', 'AbortError'));
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || SKIPPED_HEADERS.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const request = new Request(url, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? null : body,
    signal: aborter.signal,
  });
  let response: Response;
  try {
    response = await handler.handle(request);
  } catch (error) {
    if (aborter.signal.aborted) return undefined;
    throw error;
  }
  if (aborter.signal.aborted) return undefined;
  return send(res, req.method, response);
}

async function send(res: ServerResponse, method: string | undefined, response: Response): Promise<number> {
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.setHeader('Content-Length', body.byteLength);
  res.end(method === 'HEAD' ? undefined : body);
  return response.status;
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | 'too-large' | 'aborted'> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > MAX_SERVER_BODY_BYTES) return 'too-large';
      chunks.push(chunk);
    }
  } catch {
    return 'aborted';
  }
  return new Uint8Array(Buffer.concat(chunks));
}

// Logs show the method and path only: no query string, header or body, where a secret could travel.
function loggableMethod(method: string | undefined): string {
  return method && /^[A-Z]{1,10}$/.test(method) ? method : '?';
}

function loggablePath(rawUrl: string | undefined): string {
  const path = (rawUrl ?? '/').split('?')[0] ?? '/';
  const printable = path.replace(/[^\x21-\x7e]/g, '?');
  return printable.length > 120 ? `${printable.slice(0, 120)}…` : printable;
}

// ---- Demo pages: /demo/<file> from the fixtures folder ----

export const DEMO_PREFIX = '/demo/';
/** Sent with every demo page whose name starts with `strict-csp`: nothing may load, inline style only. */
export const STRICT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** A Response for `/demo…` paths (undefined for any other path, which goes to the handler). */
async function serveDemo(method: string, path: string, root: string): Promise<Response | undefined> {
  if (path === '/') return new Response(null, { status: 302, headers: { Location: DEMO_PREFIX } });
  // Browsers ask for it on every demo page; a 404 would show up as a console error in e2e runs.
  if (path === '/favicon.ico') return new Response(null, { status: 204 });
  if (path === '/demo') return new Response(null, { status: 301, headers: { Location: DEMO_PREFIX } });
  if (!path.startsWith(DEMO_PREFIX)) return undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  if (path === DEMO_PREFIX) return demoIndex(root);
  // The single-page app owns every path under /demo/spa/, like a real SPA behind a fallback rule.
  const name = path === '/demo/spa' || path.startsWith('/demo/spa/') ? 'spa.html' : path.slice(DEMO_PREFIX.length);
  const file = fixtureFile(root, name);
  if (file === undefined) return notFound();
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return notFound();
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (/^strict-csp[^/]*\.html$/.test(file.slice(file.lastIndexOf(sep) + 1))) headers['Content-Security-Policy'] = STRICT_CSP;
  return new Response(new Uint8Array(await readFile(file)), { status: 200, headers });
}

/** The fixture file a URL path names, or undefined for anything that could leave the folder. */
function fixtureFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '' || segment.startsWith('.') || /[\\\0]/.test(segment))) return undefined;
  const file = resolve(root, ...segments);
  return file.startsWith(resolve(root) + sep) ? file : undefined;
}

async function demoIndex(root: string): Promise<Response> {
  const pages = (await readdir(root).catch(() => [])).filter((name) => name.endsWith('.html')).sort();
  const items = pages.map((name) => `<li><a href="${DEMO_PREFIX}${encodeURIComponent(name)}">${name}</a></li>`).join('');
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>PiM sandbox demo pages</title><h1>PiM sandbox demo pages</h1><ul>${items}</ul></html>`;
  return new Response(html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

function notFound(): Response {
  return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
