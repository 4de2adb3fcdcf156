import { activeFaults, takeInstanceFaults } from './active-faults';
import { type SandboxDescription, handleAdminRequest } from './admin';
import type { EndpointContext } from './context';
import { abortReason, abortableDelay } from './delay';
import { type FaultRoute, type ScheduledFault, SandboxFaultError, parseFaults } from './faults';
import { handleImageRequest } from './image-endpoint';
import { SANDBOX_DEFAULTS, type SandboxOptions, checkOptionsPatch } from './options';
import { methodNotAllowed, proxyError } from './responses';
import { type SandboxStats, zeroStats } from './stats';
import { handleTokenRequest } from './token-endpoint';
import { createTokenStore } from './token-store';

export { SANDBOX_DEFAULTS, type SandboxOptions } from './options';
export type { SandboxStats } from './stats';
export type { SandboxDescription } from './admin';

export const TOKEN_PATH = '/oauth/client_credential/accesstoken';
export const IMAGE_PATH = '/kpn/qrcodegenerator/image';
export const ADMIN_PREFIX = '/__sandbox/';
/** Request header carrying per-request faults (syntax in faults.ts). */
export const FAULT_HEADER = 'x-sandbox-fault';

export interface SandboxHandler {
  /** Answers one request like KPN's gateway would; rejects only when the request's signal aborts. */
  handle(request: Request): Promise<Response>;
  /** Applies partial options; `faults` replaces the pending instance faults. Throws on invalid input. */
  configure(patch: Partial<SandboxOptions>): void;
  /** Back to the options the handler was created with; forgets tokens, faults and counters. */
  reset(): void;
  stats(): SandboxStats;
  describe(): SandboxDescription;
}

const ROUTES: ReadonlyArray<readonly [string, FaultRoute]> = [
  [TOKEN_PATH, 'token'],
  [IMAGE_PATH, 'image'],
];

/**
 * A faithful stand-in for KPN's token and `/image` endpoints as a `Request -> Response` function.
 * Routes match on the end of the path, so it works behind any origin and base path.
 */
export function createSandboxHandler(initial: Partial<SandboxOptions> = {}): SandboxHandler {
  const created: SandboxOptions = { ...SANDBOX_DEFAULTS, ...checkOptionsPatch(initial) };
  const tokens = createTokenStore();
  let options = created;
  let faults = parseAll(created.faults);
  let counters = zeroStats();

  const handler: SandboxHandler = {
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
    },
    stats: () => ({ ...counters }),
    describe: () => ({
      clientId: options.clientId,
      redirects: [...options.redirects],
      tokenLifetimeSeconds: options.tokenLifetimeSeconds,
      faults: faults.map(describeFault),
    }),
    async handle(request) {
      try {
        return await route(request);
      } catch (error) {
        if (request.signal.aborted) throw error;
        // A sandbox bug must still look like a gateway answer, not a network failure.
        return proxyError(500, `Sandbox internal error: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const adminAt = path.indexOf(ADMIN_PREFIX);
    if (options.adminRoutes && adminAt >= 0) {
      return handleAdminRequest(request, path.slice(adminAt + ADMIN_PREFIX.length), {
        ...handler,
        countBeacon: () => void counters.beacons++,
        maxBodyBytes: () => options.maxBodyBytes,
      });
    }
    counters.requests++;
    const match = ROUTES.find(([suffix]) => path.endsWith(suffix));
    if (!match) return proxyError(404, `No resource at ${request.method} ${path}`);
    const [suffix, name] = match;
    if (request.method !== 'POST') return methodNotAllowed(request.method, 'POST');
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

    const base = url.origin + path.slice(0, -suffix.length);
    const context: EndpointContext = { options, tokens, faults: active, beaconUrl: `${base}${ADMIN_PREFIX}beacon` };
    return name === 'token' ? handleTokenRequest(request, context) : handleImageRequest(request, context);
  }

  return handler;
}

/**
 * Turns a handler into a drop-in `fetch` for the built-in Sandbox environment: no network, and an
 * aborted signal rejects with its reason just as `fetch` does.
 */
export function sandboxFetch(handler: Pick<SandboxHandler, 'handle'>): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const { signal } = request;
    if (signal.aborted) throw abortReason(signal);
    return new Promise<Response>((resolve, reject) => {
      const onAbort = (): void => reject(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      handler
        .handle(request)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
}

function parseAll(specs: readonly string[]): ScheduledFault[] {
  return specs.flatMap(parseFaults);
}

function describeFault(scheduled: ScheduledFault): string {
  const spec = scheduled.spec.replace(/\*\d+$/, '');
  return scheduled.remaining === null ? spec : `${spec}*${scheduled.remaining}`;
}
