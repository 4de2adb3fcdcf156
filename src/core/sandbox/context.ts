import type { ActiveFaults } from './active-faults';
import type { SandboxOptions } from './options';
import type { TokenStore } from './token-store';

/** What an endpoint needs for one request: the instance settings, its token store and the faults in force. */
export interface EndpointContext {
  options: Readonly<SandboxOptions>;
  tokens: TokenStore;
  faults: ActiveFaults;
  /** Absolute URL of `/__sandbox/beacon` behind the same base as the request. */
  beaconUrl: string;
}
