import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, STRICT_CSP, startSandboxServer } from '../../../scripts/sandbox-http';
import { sandboxQrUrl } from '../../../src/core/sandbox/render';
import { VALID_BODY, base64ToUtf8, decodeQr } from '../core/sandbox/sandbox-test-kit';

const TOKEN_PATH = '/oauth/client_credential/accesstoken?grant_type=client_credentials';
const IMAGE_PATH = '/kpn/qrcodegenerator/image';
const LOG_LINE = /^\[sandbox\] [A-Z?]+ \S+ (\d{3}|aborted|failed) \d+ms$/;

let sandbox: RunningSandbox;
const logs: string[] = [];

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, log: (line) => logs.push(line) });
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  sandbox.handler.reset();
});

async function token(): Promise<string> {
  const response = await fetch(`${sandbox.url}${TOKEN_PATH}`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: 'sandbox-client', client_secret: 'sandbox-secret' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

function image(accessToken: string, init: { headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Response> {
  return fetch(`${sandbox.url}${IMAGE_PATH}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json', ...init.headers },
    body: JSON.stringify(VALID_BODY),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

/** A raw request, so paths reach the server exactly as written (fetch would normalize `..`). */
function raw(path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: sandbox.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('startSandboxServer', () => {
  it('listens on loopback at a free port and reports its URL', () => {
    expect(sandbox.port).toBeGreaterThan(0);
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
  });

  it('serves token → image over real HTTP, and the QR scans', async () => {
    const response = await image(await token());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(decodeQr(base64ToUtf8(await response.text()))).toBe(sandboxQrUrl(VALID_BODY.redirect, VALID_BODY.attributes));
    expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
  });

  it('passes the fault header through and applies /__sandbox/config', async () => {
    const accessToken = await token();
    const limited = await image(accessToken, { headers: { 'x-sandbox-fault': 'rate-limit=4' } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('4');
    expect(limited.headers.get('quota-reset-UTC')).toMatch(/^\d+$/);

    const config = await fetch(`${sandbox.url}/__sandbox/config`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ faults: ['forbidden*1'] }),
    });
    expect(config.status).toBe(200);
    expect((await image(accessToken)).status).toBe(403);
    expect((await image(accessToken)).status).toBe(200);
    const stats = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as Record<string, number>;
    expect(stats).toMatchObject({ tokenCalls: 1, imageCalls: 3 });
  });

  it('answers 404 JSON for unknown paths and 413 for bodies past the server cap', async () => {
    const missing = await fetch(`${sandbox.url}/nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { status: number } }).error.status).toBe(404);
    const huge = await fetch(`${sandbox.url}${IMAGE_PATH}`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) });
    expect(huge.status).toBe(413);
  });

  it('logs one line per request with method, path, status and time, and never a secret, token or body', async () => {
    logs.length = 0;
    const accessToken = await token();
    await image(accessToken);
    // A careless client might even put the secret in the query string.
    await fetch(`${sandbox.url}${TOKEN_PATH}&client_secret=sandbox-secret`, { method: 'POST' });
    expect(logs).toHaveLength(3);
    for (const line of logs) expect(line).toMatch(LOG_LINE);
    expect(logs[0]).toMatch(/^\[sandbox\] POST \/oauth\/client_credential\/accesstoken 200 \d+ms$/);
    expect(logs[1]).toMatch(/^\[sandbox\] POST \/kpn\/qrcodegenerator\/image 200 \d+ms$/);
    expect(logs[2]).toMatch(/ 400 \d+ms$/);
    const all = logs.join('\n');
    for (const secret of ['sandbox-secret', accessToken, VALID_BODY.title, 'grant_type', 'Bearer']) {
      expect(all).not.toContain(secret);
    }
  });

  it('aborts the handler when the client disconnects during a delay', async () => {
    logs.length = 0;
    const accessToken = await token();
    const controller = new AbortController();
    const pending = image(accessToken, { headers: { 'x-sandbox-fault': 'delay=30000' }, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await until(() => logs.some((line) => / aborted \d+ms$/.test(line)));
    expect(logs.find((line) => line.includes(IMAGE_PATH))).toMatch(/^\[sandbox\] POST \/kpn\/qrcodegenerator\/image aborted \d+ms$/);
  });
});

describe('demo pages', () => {
  it.each([
    ['/demo/login.html', 'Voorbeeld Bank'],
    ['/demo/strict-csp.html', 'Strict Content Security Policy'],
    ['/demo/spa.html', 'history.pushState'],
    ['/demo/spa/login', 'history.pushState'],
    ['/demo/spa/', 'history.pushState'],
  ])('%s is HTML with a #pim-qr-slot', async (path, text) => {
    const response = await fetch(`${sandbox.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain(text);
    expect(html).toContain('pim-qr-slot');
  });

  it('sends the strict CSP with strict-csp.html only', async () => {
    const strict = await fetch(`${sandbox.url}/demo/strict-csp.html`);
    expect(strict.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(STRICT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const login = await fetch(`${sandbox.url}/demo/login.html`);
    expect(login.headers.get('content-security-policy')).toBeNull();
  });

  it('login.html loads nothing from outside the page', async () => {
    const html = await (await fetch(`${sandbox.url}/demo/login.html`)).text();
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).toMatch(/id="pim-qr-slot"[^>]*>PiM QR code</);
  });

  it('lists the pages at /demo/ and sends / there', async () => {
    const index = await (await fetch(`${sandbox.url}/demo/`)).text();
    for (const page of ['login.html', 'strict-csp.html', 'spa.html']) expect(index).toContain(page);
    const root = await raw('/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/demo/');
    // No 404 console noise from the browser's automatic favicon request.
    expect((await raw('/favicon.ico')).status).toBe(204);
  });

  it.each([
    '/demo/../package.json',
    '/demo/%2e%2e/package.json',
    '/demo/%2e%2e%2fpackage.json',
    '/demo/..%5cpackage.json',
    '/demo/.hidden',
    '/demo/missing.html',
    '/demo//etc/passwd',
    '/demo/%E0%A4%A',
  ])('refuses %s', async (path) => {
    const response = await raw(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('"name": "pim-qr-extension"');
  });

  it('answers HEAD without a body and other methods with 405', async () => {
    const head = await raw('/demo/login.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
    expect((await raw('/demo/login.html', 'POST')).status).toBe(405);
  });
});

describe('close', () => {
  it('stops a server that still holds keep-alive and in-flight connections, and may be called twice', async () => {
    const own = await startSandboxServer({ log: false });
    const form = new URLSearchParams({ client_id: 'sandbox-client', client_secret: 'sandbox-secret' });
    const minted = await fetch(`${own.url}${TOKEN_PATH}`, { method: 'POST', body: form });
    const { access_token: accessToken } = (await minted.json()) as { access_token: string };
    const inFlight = fetch(`${own.url}${IMAGE_PATH}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json', 'x-sandbox-fault': 'delay=30000' },
      body: JSON.stringify(VALID_BODY),
    }).catch((error: unknown) => error);
    await until(() => own.handler.stats().imageCalls === 1);

    const started = Date.now();
    await own.close();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await inFlight).toBeInstanceOf(Error);
    await expect(fetch(`${own.url}/__sandbox/stats`)).rejects.toThrow();
  });

  it('rejects when the port is taken', async () => {
    await expect(startSandboxServer({ port: sandbox.port, log: false })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('npm run sandbox (scripts/sandbox-server.ts)', () => {
  const script = resolve(import.meta.dirname, '../../../scripts/sandbox-server.ts');
  const run = (args: string[]) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  };

  it('prints its URL without the secret, serves, and exits 0 on SIGTERM', async () => {
    const { child, output } = run(['--port', '0', '--fault', 'shape=json-string']);
    try {
      await until(() => /listening on http:\/\/127\.0\.0\.1:\d+/.test(output()), 15_000);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output())?.[1] ?? '';
      const config = (await (await fetch(`${url}/__sandbox/config`, { method: 'POST', body: '{}' })).json()) as {
        config: { faults: string[] };
      };
      expect(config.config.faults).toEqual(['shape=json-string']);
      expect(output()).not.toContain('sandbox-secret');
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(output()).toContain('SIGTERM: stopping');
      await expect(fetch(`${url}/__sandbox/stats`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 20_000);

  it('refuses an unknown fault with exit code 2', async () => {
    const { child, output } = run(['--fault', 'explode']);
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(output()).toContain("Unknown sandbox fault 'explode'");
  }, 20_000);
});
