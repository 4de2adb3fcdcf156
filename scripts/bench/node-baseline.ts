// The floor for "Generate": the same HTTP calls the extension makes, from Node with plain fetch and
// no extension in between. Naive mints a token for every QR; ideal reuses one token (image call only).
import { DEFAULT_PARAMS, serializeParams } from '../../src/core/params';
import { IMAGE_PATH, SANDBOX_DEFAULTS, TOKEN_PATH } from '../../src/core/sandbox/handler';
import type { FloorConfig } from './probes';

export interface NodeClient {
  /** Token + image, as a client without a token cache would. Resolves to ms. */
  naive(): Promise<number>;
  /** Image only, with a token minted once up front. Resolves to ms. */
  ideal(): Promise<number>;
}

/** The calls both floors make (Node here, the page's own fetch in the browser floor): the same URLs, credentials and body. */
export function sandboxCalls(baseUrl: string): FloorConfig {
  return {
    tokenUrl: `${baseUrl}${TOKEN_PATH}?grant_type=client_credentials`,
    tokenForm: new URLSearchParams({ client_id: SANDBOX_DEFAULTS.clientId, client_secret: SANDBOX_DEFAULTS.clientSecret }).toString(),
    imageUrl: `${baseUrl}${IMAGE_PATH}`,
    params: serializeParams(DEFAULT_PARAMS),
  };
}

export function nodeClient(baseUrl: string): NodeClient {
  const calls = sandboxCalls(baseUrl);
  const body = JSON.stringify(calls.params);
  let cached: string | undefined;

  async function token(): Promise<string> {
    const response = await fetch(calls.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: calls.tokenForm,
    });
    const json = (await response.json()) as { access_token?: string };
    if (!response.ok || !json.access_token) throw new Error(`[bench] Node baseline: token call answered ${response.status}`);
    return json.access_token;
  }

  async function image(accessToken: string): Promise<void> {
    const response = await fetch(calls.imageUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body,
    });
    const text = await response.text();
    if (!response.ok || text.length === 0) throw new Error(`[bench] Node baseline: image call answered ${response.status}`);
  }

  return {
    async naive() {
      const started = performance.now();
      await image(await token());
      return performance.now() - started;
    },
    async ideal() {
      cached ??= await token();
      const started = performance.now();
      await image(cached);
      return performance.now() - started;
    },
  };
}
