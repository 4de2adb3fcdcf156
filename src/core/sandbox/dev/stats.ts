/** Counters since the last reset; admin routes are not counted. */
export interface SandboxStats {
  /** Requests to the token endpoint (POST). */
  tokenCalls: number;
  /** Requests to the image endpoint (POST). */
  imageCalls: number;
  /** Every non-admin request, including 404s and 405s. */
  requests: number;
  /** Fetches of `/__sandbox/beacon`, the target of hostile SVG references: 0 means none leaked. */
  beacons: number;
}

export function zeroStats(): SandboxStats {
  return { tokenCalls: 0, imageCalls: 0, requests: 0, beacons: 0 };
}
