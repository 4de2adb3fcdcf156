import type { SandboxOptions } from './options';
import type { QuotaCounter } from './quota';
import type { TokenStore } from './token-store';

/** What an endpoint needs for one request: the instance settings, its token store and quota count. */
export interface EndpointContext {
  options: Readonly<SandboxOptions>;
  tokens: TokenStore;
  quota: QuotaCounter;
}
