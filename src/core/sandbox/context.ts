import type { SandboxOptions } from './options';
import type { TokenStore } from './token-store';

/** What an endpoint needs for one request: the instance settings and its token store. */
export interface EndpointContext {
  options: Readonly<SandboxOptions>;
  tokens: TokenStore;
}
