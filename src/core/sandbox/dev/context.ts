import type { EndpointContext } from '../context';
import type { ActiveFaults } from './active-faults';

/** An endpoint's context in the development sandbox: also the faults in force for this request. */
export interface DevEndpointContext extends EndpointContext {
  faults: ActiveFaults;
  /** Absolute URL of `/__sandbox/beacon` behind the same base as the request. */
  beaconUrl: string;
}
