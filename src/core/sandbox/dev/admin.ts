import { SandboxConfigError } from '../options';
import { readBodyText } from '../read-body';
import { jsonResponse, methodNotAllowed, proxyError } from '../responses';
import { SandboxFaultError } from './faults';
import type { DevSandboxOptions } from './options';
import type { SandboxStats } from './stats';

/** The part of a handler the admin routes drive. */
export interface AdminTarget {
  configure(patch: Partial<DevSandboxOptions>): void;
  reset(): void;
  stats(): SandboxStats;
  describe(): SandboxDescription;
  countBeacon(): void;
  maxBodyBytes(): number;
}

/** The settings a test may read back; never the client secret or the clock. */
export interface SandboxDescription {
  clientId: string;
  redirects: readonly number[];
  tokenLifetimeSeconds: number;
  /** Instance faults still pending, with their remaining counts (`unauthorized*1`). */
  faults: string[];
}

// A 1×1 SVG with an element `#dot`, so an external <use href="…#dot"> has something to resolve.
const BEACON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect id="dot" width="1" height="1" fill="#FFFFFF"/></svg>';

/**
 * `/__sandbox/*`: `GET stats`, `POST config` (JSON partial options), `POST reset`, and `GET beacon`,
 * the target of every reference in hostile SVGs (counted in stats.beacons).
 */
export async function handleAdminRequest(request: Request, action: string, target: AdminTarget): Promise<Response> {
  switch (action) {
    case 'stats':
      if (request.method !== 'GET') return methodNotAllowed(request.method, 'GET');
      return jsonResponse(200, target.stats());
    case 'reset':
      if (request.method !== 'POST') return methodNotAllowed(request.method, 'POST');
      target.reset();
      return jsonResponse(200, { ok: true, config: target.describe() });
    case 'config':
      if (request.method !== 'POST') return methodNotAllowed(request.method, 'POST');
      return configure(request, target);
    case 'beacon':
      target.countBeacon();
      return new Response(BEACON_SVG, { status: 200, headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-store' } });
    default:
      return proxyError(404, `No sandbox admin route '${action}'`, 'Admin routes: stats, config, reset, beacon');
  }
}

async function configure(request: Request, target: AdminTarget): Promise<Response> {
  const body = await readBodyText(request, target.maxBodyBytes());
  if (!body.ok) return proxyError(413, 'Sandbox config body is too large');
  let patch: unknown;
  try {
    patch = JSON.parse(body.text);
  } catch {
    return proxyError(400, 'Sandbox config must be a JSON object');
  }
  if (typeof patch === 'object' && patch !== null && ('now' in patch || 'adminRoutes' in patch)) {
    return proxyError(400, "Sandbox options 'now' and 'adminRoutes' can only be set in code");
  }
  try {
    target.configure(patch as Partial<DevSandboxOptions>);
  } catch (error) {
    if (error instanceof SandboxConfigError || error instanceof SandboxFaultError) return proxyError(400, error.message);
    throw error;
  }
  return jsonResponse(200, { ok: true, config: target.describe() });
}
