// Faults the sandbox injects on demand, so every failure the real PiM ID API might produce can be
// provoked in a test. A fault is written `[route:]name[=value][*count]`; several are joined with commas.
//
// Each fault's syntax, routes and effect are in DEFINITIONS below (README's fault table is checked
// against them).
//
// A fault whose routes include the token endpoint may aim at it with a `token:` prefix (e.g.
// `token:server-error=503`); other faults accept only their default route.
// `*N` makes an instance fault (options.faults) apply to the next N requests on its route, then drop;
// without it the fault stays until reconfigured. In the `x-sandbox-fault` header the count is ignored
// because a header only ever applies to its own request.
import { SandboxFaultError, flag, integerValue, oneOf, required } from './fault-values';

export type FaultRoute = 'token' | 'image';

export const BODY_SHAPES = ['bare', 'json-string', 'json-object', 'data-url'] as const;
export type BodyShape = (typeof BODY_SHAPES)[number];

export const HOSTILE_KINDS = ['script', 'handler', 'foreignobject', 'external', 'style'] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];

export const NOT_SVG_KINDS = ['png', 'text'] as const;
export type NotSvgKind = (typeof NOT_SVG_KINDS)[number];

export const SERVER_ERROR_STATUSES = [500, 502, 503, 504] as const;
export type ServerErrorStatus = (typeof SERVER_ERROR_STATUSES)[number];

export type Fault =
  | { name: 'token-lifetime'; seconds: number }
  | { name: 'expire-token' }
  | { name: 'unauthorized' }
  | { name: 'forbidden' }
  | { name: 'bad-credentials-500' }
  | { name: 'rate-limit'; retryAfterSeconds: number }
  | { name: 'spike-arrest' }
  | { name: 'quota-used'; used: number }
  | { name: 'server-error'; status: ServerErrorStatus }
  | { name: 'delay'; ms: number }
  | { name: 'shape'; shape: BodyShape }
  | { name: 'malformed-base64' }
  | { name: 'not-svg'; kind: NotSvgKind }
  | { name: 'oversized' }
  | { name: 'empty' }
  | { name: 'hostile'; kind: HostileKind }
  | { name: 'huge-size' }
  | { name: 'unusable-token' }
  | { name: 'redirect' }
  | { name: 'leak-credentials' };

export type SandboxFaultName = Fault['name'];

export interface SandboxFaultInfo {
  name: SandboxFaultName;
  syntax: string;
  /** A working instance of the syntax. */
  example: string;
  /** The route the fault applies to when written without a prefix. */
  route: FaultRoute;
  /** Every route a `route:` prefix may name. */
  routes: readonly FaultRoute[];
  description: string;
}

/** A parsed fault with where it applies and how many more requests it lasts (null = until reset). */
export interface ScheduledFault {
  fault: Fault;
  route: FaultRoute;
  remaining: number | null;
  spec: string;
}

export { SandboxFaultError } from './fault-values';

/** The longest delay a fault may ask for; longer would only hang a test run. */
export const MAX_FAULT_DELAY_MS = 120_000;

interface FaultDefinition extends SandboxFaultInfo {
  parse(value: string | undefined): Fault;
}

const IMAGE: readonly FaultRoute[] = ['image'];
const TOKEN: readonly FaultRoute[] = ['token'];
const BOTH: readonly FaultRoute[] = ['image', 'token'];

/** The faults that carry nothing but their name. */
type FlagName<F = Fault> = F extends { name: infer N } ? ([Exclude<keyof F, 'name'>] extends [never] ? N : never) : never;

/** A fault that takes no value, written as its name alone, aimed by default at its first route. */
function flagFault(name: FlagName, routes: readonly FaultRoute[], description: string): FaultDefinition {
  return { name, example: name, syntax: name, route: routes[0] ?? 'image', routes, description, parse: (value) => flag(name, value) };
}

const DEFINITIONS: readonly FaultDefinition[] = [
  {
    name: 'token-lifetime',
    example: 'token-lifetime=5',
    syntax: 'token-lifetime=N',
    route: 'token',
    routes: TOKEN,
    description: 'Issue tokens that live N seconds (0 = already expired when used).',
    parse: (value) => ({ name: 'token-lifetime', seconds: integerValue('token-lifetime', value, 0, 86_400) }),
  },
  flagFault('expire-token', IMAGE, 'Treat the presented token as expired: 401 "Access Token expired".'),
  {
    name: 'unauthorized',
    example: 'unauthorized*1',
    syntax: 'unauthorized',
    route: 'image',
    routes: IMAGE,
    description: 'Answer 401 with the Apigee "Invalid access token" fault, whatever the token.',
    parse: (value) => flag('unauthorized', value),
  },
  flagFault('forbidden', IMAGE, 'Answer 403 (proxy error shape): the application is not subscribed to the API product.'),
  flagFault('bad-credentials-500', TOKEN, 'Answer bad client credentials with 500 (proxy error shape) instead of 401.'),
  {
    name: 'rate-limit',
    example: 'rate-limit=30',
    syntax: 'rate-limit[=N]',
    route: 'image',
    routes: BOTH,
    description: 'Answer 429 with Retry-After: N seconds (default 1) and the quota-* headers of a per-minute quota used up.',
    parse: (value) => ({
      name: 'rate-limit',
      retryAfterSeconds: value === undefined ? 1 : integerValue('rate-limit', value, 0, 86_400),
    }),
  },
  flagFault('spike-arrest', BOTH, "Answer 429 as Apigee's spike arrest does: its fault (`policies.ratelimit.SpikeArrestViolation`), no quota headers and no Retry-After."),
  {
    name: 'quota-used',
    example: 'quota-used=899*1',
    syntax: 'quota-used=N',
    route: 'image',
    routes: IMAGE,
    description: "Set the client's count of today's quota (option quotaLimit, default 1000) to N before this call counts.",
    parse: (value) => ({ name: 'quota-used', used: integerValue('quota-used', value, 0, 1_000_000_000) }),
  },
  {
    name: 'server-error',
    example: 'server-error=503',
    syntax: 'server-error[=500|502|503|504]',
    route: 'image',
    routes: BOTH,
    description: 'Answer that status (default 500) in the KPN proxy error shape with a transactionId.',
    parse: (value) => ({ name: 'server-error', status: oneOf('server-error', value ?? '500', SERVER_ERROR_STATUSES) }),
  },
  {
    name: 'delay',
    example: 'delay=1500',
    syntax: 'delay=N',
    route: 'image',
    routes: BOTH,
    description: 'Wait N milliseconds before answering; aborting the request ends the wait.',
    parse: (value) => ({ name: 'delay', ms: integerValue('delay', value, 0, MAX_FAULT_DELAY_MS) }),
  },
  {
    name: 'shape',
    example: 'shape=json-object',
    syntax: 'shape=bare|json-string|json-object|data-url',
    route: 'image',
    routes: IMAGE,
    description:
      'Wrap the base64 SVG as bare text/plain, a JSON string, a JSON object {"image": …} or a data: URL.',
    parse: (value) => ({ name: 'shape', shape: oneOf('shape', required('shape', value), BODY_SHAPES) }),
  },
  flagFault('malformed-base64', IMAGE, 'Corrupt the base64 text (characters outside the alphabet, length not a multiple of 4).'),
  {
    name: 'not-svg',
    example: 'not-svg=text',
    syntax: 'not-svg[=png|text]',
    route: 'image',
    routes: IMAGE,
    description: 'Send valid base64 of a PNG image (default) or of plain text instead of SVG.',
    parse: (value) => ({ name: 'not-svg', kind: oneOf('not-svg', value ?? 'png', NOT_SVG_KINDS) }),
  },
  flagFault('oversized', IMAGE, 'Send a valid QR SVG padded past 2 MiB (its base64 body is larger still).'),
  flagFault('empty', IMAGE, 'Answer 200 with an empty body.'),
  {
    name: 'hostile',
    example: 'hostile=foreignobject',
    syntax: 'hostile[=script|handler|foreignobject|external|style]',
    route: 'image',
    routes: IMAGE,
    description:
      'Send a scannable QR SVG carrying <script>, on* handlers and javascript: links, <foreignObject> HTML, or external href references.',
    parse: (value) => ({ name: 'hostile', kind: oneOf('hostile', value ?? 'script', HOSTILE_KINDS) }),
  },
  flagFault('huge-size', IMAGE, 'Send the QR SVG with a root that declares 99,999,999 × 99,999,999 px.'),
  flagFault('unusable-token', TOKEN, 'Issue a token with a line break and a header after it, which no request may carry.'),
  {
    name: 'redirect',
    example: 'token:redirect',
    syntax: 'redirect',
    route: 'image',
    routes: BOTH,
    description: 'Answer 302 with a Location on the same server (`/moved`), which answers 404.',
    parse: (value) => flag('redirect', value),
  },
  flagFault('leak-credentials', BOTH, 'Answer 400 whose message quotes the client ID beside the client secret and the presented token: as sent, percent-encoded in full (lower case), in part or twice, in capitals, with zero-width spaces between its characters, and split between message and info, as careless gateways do; a client should show only the ID.'),
];

/** Every fault with its syntax and a one-line description (the README's fault table is checked against it). */
export const SANDBOX_FAULTS: readonly SandboxFaultInfo[] = DEFINITIONS.map(
  ({ name, syntax, example, route, routes, description }) => ({ name, syntax, example, route, routes, description }),
);

const byName = new Map<string, FaultDefinition>(DEFINITIONS.map((definition) => [definition.name, definition]));

const SPEC = /^(?:(token|image):)?([a-z0-9-]+)(?:=([^*]*))?(?:\*(\d+))?$/;

/** Parses one fault or a comma-separated list; throws SandboxFaultError naming the bad part. */
export function parseFaults(text: string): ScheduledFault[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(parseFault);
}

function parseFault(spec: string): ScheduledFault {
  const match = SPEC.exec(spec);
  if (!match) throw new SandboxFaultError(`Malformed sandbox fault '${spec}' (expected [route:]name[=value][*count])`);
  const [, prefix, name = '', value, count] = match;
  const definition = byName.get(name);
  if (!definition) {
    throw new SandboxFaultError(
      `Unknown sandbox fault '${name}'; known: ${DEFINITIONS.map((d) => d.name).join(', ')}`,
    );
  }
  const route = (prefix ?? definition.route) as FaultRoute;
  if (!definition.routes.includes(route)) {
    throw new SandboxFaultError(`Sandbox fault '${name}' cannot target the ${route} endpoint`);
  }
  const remaining = count === undefined ? null : Number(count);
  if (remaining === 0) throw new SandboxFaultError(`Sandbox fault '${spec}' has a count of 0`);
  return { fault: definition.parse(value), route, remaining, spec };
}
