// The development sandbox behind `npm run sandbox` and the tests: the extension's emulator plus faults
// on demand, hostile answers, request counters and the `/__sandbox/*` admin routes. Only scripts/ and
// tests import this folder (ESLint enforces it), so none of it ships in the extension.
import { answerLikeGateway, routeRequest } from '../handler';
import { createQuotaCounter } from '../quota';
import { proxyError } from '../responses';
import { createTokenStore } from '../token-store';
import { activeFaults, takeInstanceFaults } from './active-faults';
import { type SandboxDescription, handleAdminRequest } from './admin';
import type { DevEndpointContext } from './context';
import { abortableDelay } from './delay';
import { type ScheduledFault, SandboxFaultError, parseFaults } from './faults';
import { handleImageRequest } from './image-endpoint';
import { DEV_SANDBOX_DEFAULTS, type DevSandboxOptions, checkOptionsPatch } from './options';
import { type SandboxStats, zeroStats } from './stats';
import { handleTokenRequest } from './token-endpoint';

export { IMAGE_PATH, SANDBOX_DEFAULTS, TOKEN_PATH, sandboxFetch } from '../handler';
export { DEV_SANDBOX_DEFAULTS, type DevSandboxOptions } from './options';
export type { SandboxStats } from './stats';
export type { SandboxDescription } from './admin';

export const ADMIN_PREFIX = '/__sandbox/';
/** Request header carrying per-request faults (syntax in faults.ts). */
export const FAULT_HEADER = 'x-sandbox-fault';

export interface DevSandboxHandler {
  /** Answers one request like KPN's gateway would; rejects only when the request's signal aborts. */
  handle(request: Request): Promise<Response>;
  /** Applies partial options; `faults` replaces the pending instance faults. Throws on invalid input. */
  configure(patch: Partial<DevSandboxOptions>): void;
  /** Back to the options the handler was created with; forgets tokens, faults, counters and quota counts. */
  reset(): void;
  stats(): SandboxStats;
  describe(): SandboxDescription;
}

/** The emulator's token and `/image` endpoints with faults, counters and admin routes around them. */
export function createDevSandboxHandler(initial: Partial<DevSandboxOptions> = {}): DevSandboxHandler {
  const created: DevSandboxOptions = { ...DEV_SANDBOX_DEFAULTS, ...checkOptionsPatch(initial) };
  const tokens = createTokenStore();
  const quota = createQuotaCounter();
  let options = created;
  let faults = parseAll(created.faults);
  let counters = zeroStats();

  const handler: DevSandboxHandler = {
    configure(patch) {
      const checked = checkOptionsPatch(patch);
      options = { ...options, ...checked };
      if (checked.faults !== undefined) faults = parseAll(checked.faults);
    },
    reset() {
      options = created;
      faults = parseAll(created.faults);
      counters = zeroStats();
      tokens.clear();
      quota.clear();
    },
    stats: () => ({ ...counters }),
    describe: () => ({
      clientId: options.clientId,
      redirects: [...options.redirects],
      tokenLifetimeSeconds: options.tokenLifetimeSeconds,
      faults: faults.map(describeFault),
    }),
    handle: (request) => answerLikeGateway(request, () => route(request)),
  };

  async function route(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    const adminAt = path.indexOf(ADMIN_PREFIX);
    if (options.adminRoutes && adminAt >= 0) {
      return handleAdminRequest(request, path.slice(adminAt + ADMIN_PREFIX.length), {
        ...handler,
        countBeacon: () => void counters.beacons++,
        maxBodyBytes: () => options.maxBodyBytes,
      });
    }
    counters.requests++;
    const routed = routeRequest(request);
    if (routed instanceof Response) return routed;
    const { route: name, base } = routed;
    if (name === 'token') counters.tokenCalls++;
    else counters.imageCalls++;

    let headerFaults: ScheduledFault[];
    try {
      headerFaults = parseFaults(request.headers.get(FAULT_HEADER) ?? '');
    } catch (error) {
      if (error instanceof SandboxFaultError) return proxyError(400, error.message, `Check the ${FAULT_HEADER} header`);
      throw error;
    }
    const { taken, remaining } = takeInstanceFaults(faults, name);
    faults = remaining;
    const active = activeFaults([...headerFaults, ...taken], name);
    if (active.delayMs !== undefined) await abortableDelay(active.delayMs, request.signal);

    const context: DevEndpointContext = { options, tokens, quota, faults: active, beaconUrl: `${base}${ADMIN_PREFIX}beacon` };
    return name === 'token' ? handleTokenRequest(request, context) : handleImageRequest(request, context);
  }

  return handler;
}

function parseAll(specs: readonly string[]): ScheduledFault[] {
  return specs.flatMap(parseFaults);
}

function describeFault(scheduled: ScheduledFault): string {
  const spec = scheduled.spec.replace(/\*\d+$/, '');
  return scheduled.remaining === null ? spec : `${spec}*${scheduled.remaining}`;
}
