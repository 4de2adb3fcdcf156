// The sandbox the extension ships: KPN's token and /image endpoints, nothing else. Faults, hostile
// answers and the admin routes of `npm run sandbox` live in ./dev, which the extension never imports.
import { abortReason } from './abort';
import type { EndpointContext } from './context';
import { handleImageRequest } from './image-endpoint';
import { SANDBOX_DEFAULTS, SANDBOX_OPTION_CHECKS, type SandboxOptions, checkOptions } from './options';
import { createQuotaCounter } from './quota';
import { methodNotAllowed, proxyError } from './responses';
import { handleTokenRequest } from './token-endpoint';
import { createTokenStore } from './token-store';

export { SANDBOX_DEFAULTS, type SandboxOptions } from './options';

export const TOKEN_PATH = '/oauth/client_credential/accesstoken';
export const IMAGE_PATH = '/kpn/qrcodegenerator/image';

export type SandboxRoute = 'token' | 'image';

export interface SandboxHandler {
  /** Answers one request like KPN's gateway would; rejects only when the request's signal aborts. */
  handle(request: Request): Promise<Response>;
}

const ROUTES: ReadonlyArray<readonly [string, SandboxRoute]> = [
  [TOKEN_PATH, 'token'],
  [IMAGE_PATH, 'image'],
];

/**
 * Which endpoint a request is for, and the base URL in front of its path; or the gateway's 404 or
 * 405. Routes match on the end of the path, so the sandbox works behind any origin and base path.
 */
export function routeRequest(request: Request): { route: SandboxRoute; base: string } | Response {
  const url = new URL(request.url);
  const match = ROUTES.find(([suffix]) => url.pathname.endsWith(suffix));
  if (!match) return proxyError(404, `No resource at ${request.method} ${url.pathname}`);
  const [suffix, route] = match;
  if (request.method !== 'POST') return methodNotAllowed(request.method, 'POST');
  return { route, base: url.origin + url.pathname.slice(0, -suffix.length) };
}

/** Runs `answer`; a sandbox bug must still look like a gateway answer, not a network failure. */
export async function answerLikeGateway(request: Request, answer: () => Promise<Response>): Promise<Response> {
  try {
    return await answer();
  } catch (error) {
    if (request.signal.aborted) throw error;
    return proxyError(500, `Sandbox internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A faithful stand-in for KPN's token and `/image` endpoints as a `Request -> Response` function. */
export function createSandboxHandler(initial: Partial<SandboxOptions> = {}): SandboxHandler {
  const context: EndpointContext = {
    options: { ...SANDBOX_DEFAULTS, ...checkOptions<SandboxOptions>(initial, SANDBOX_OPTION_CHECKS) },
    tokens: createTokenStore(),
    quota: createQuotaCounter(),
  };
  return {
    handle: (request) =>
      answerLikeGateway(request, async () => {
        const routed = routeRequest(request);
        if (routed instanceof Response) return routed;
        return routed.route === 'token' ? handleTokenRequest(request, context) : handleImageRequest(request, context);
      }),
  };
}

/**
 * Turns a handler into a drop-in `fetch` for the built-in Sandbox environment: no network, and an
 * aborted signal rejects with its reason just as `fetch` does.
 */
export function sandboxFetch(handler: SandboxHandler): typeof fetch {
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
