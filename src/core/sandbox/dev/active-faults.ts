import type { BodyShape, Fault, FaultRoute, HostileKind, NotSvgKind, ScheduledFault, ServerErrorStatus } from './faults';

/** The faults in force for one request, folded into the questions the endpoints ask. */
export interface ActiveFaults {
  tokenLifetimeSeconds?: number;
  expireToken: boolean;
  unauthorized: boolean;
  forbidden: boolean;
  badCredentials500: boolean;
  rateLimitRetryAfter?: number;
  spikeArrest: boolean;
  quotaUsed?: number;
  serverError?: ServerErrorStatus;
  delayMs?: number;
  shape?: BodyShape;
  malformedBase64: boolean;
  notSvg?: NotSvgKind;
  oversized: boolean;
  empty: boolean;
  hostile: ReadonlySet<HostileKind>;
  hugeSize: boolean;
  unusableToken: boolean;
  redirect: boolean;
  leakCredentials: boolean;
}

/**
 * Folds the request's header faults and the instance faults for `route`. Header faults come first,
 * so for a fault that carries one value (delay, shape, …) the header wins over the instance setting.
 */
export function activeFaults(faults: readonly ScheduledFault[], route: FaultRoute): ActiveFaults {
  const hostile = new Set<HostileKind>();
  const active: ActiveFaults = {
    expireToken: false,
    unauthorized: false,
    forbidden: false,
    badCredentials500: false,
    spikeArrest: false,
    malformedBase64: false,
    oversized: false,
    empty: false,
    hostile,
    hugeSize: false,
    unusableToken: false,
    redirect: false,
    leakCredentials: false,
  };
  for (const scheduled of faults) {
    if (scheduled.route === route) apply(active, hostile, scheduled.fault);
  }
  return active;
}

function apply(active: ActiveFaults, hostile: Set<HostileKind>, fault: Fault): void {
  switch (fault.name) {
    case 'token-lifetime':
      active.tokenLifetimeSeconds ??= fault.seconds;
      return;
    case 'expire-token':
      active.expireToken = true;
      return;
    case 'unauthorized':
      active.unauthorized = true;
      return;
    case 'forbidden':
      active.forbidden = true;
      return;
    case 'bad-credentials-500':
      active.badCredentials500 = true;
      return;
    case 'spike-arrest':
      active.spikeArrest = true;
      return;
    case 'rate-limit':
      active.rateLimitRetryAfter ??= fault.retryAfterSeconds;
      return;
    case 'quota-used':
      active.quotaUsed ??= fault.used;
      return;
    case 'server-error':
      active.serverError ??= fault.status;
      return;
    case 'delay':
      active.delayMs ??= fault.ms;
      return;
    case 'shape':
      active.shape ??= fault.shape;
      return;
    case 'malformed-base64':
      active.malformedBase64 = true;
      return;
    case 'not-svg':
      active.notSvg ??= fault.kind;
      return;
    case 'oversized':
      active.oversized = true;
      return;
    case 'empty':
      active.empty = true;
      return;
    case 'hostile':
      hostile.add(fault.kind);
      return;
    case 'huge-size':
      active.hugeSize = true;
      return;
    case 'unusable-token':
      active.unusableToken = true;
      return;
    case 'redirect':
      active.redirect = true;
      return;
    case 'leak-credentials':
      active.leakCredentials = true;
      return;
  }
}

/**
 * Takes the instance faults that apply to one request on `route`, counting down the counted ones;
 * returns them and the list that remains for later requests.
 */
export function takeInstanceFaults(
  faults: readonly ScheduledFault[],
  route: FaultRoute,
): { taken: ScheduledFault[]; remaining: ScheduledFault[] } {
  const taken: ScheduledFault[] = [];
  const remaining: ScheduledFault[] = [];
  for (const scheduled of faults) {
    if (scheduled.route !== route) {
      remaining.push(scheduled);
      continue;
    }
    taken.push(scheduled);
    if (scheduled.remaining === null) remaining.push(scheduled);
    else if (scheduled.remaining > 1) remaining.push({ ...scheduled, remaining: scheduled.remaining - 1 });
  }
  return { taken, remaining };
}
