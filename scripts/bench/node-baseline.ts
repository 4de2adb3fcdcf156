// The floor for "Generate": the same HTTP calls the extension makes, from Node with plain fetch and
// no extension in between. Naive mints a token for every QR; ideal reuses one token (image call only).
import { DEFAULT_PARAMS, serializeParams } from '../../src/core/params';
import { IMAGE_PATH, SANDBOX_DEFAULTS, TOKEN_PATH } from '../../src/core/sandbox/handler';

export interface NodeClient {
  /** Token + image, as a client without a token cache would. Resolves to ms. */
  naive(): Promise<number>;
  /** Image only, with a token minted once up front. Resolves to ms. */
  ideal(): Promise<number>;
}

export function nodeClient(baseUrl: string): NodeClient {
  const body = JSON.stringify(serializeParams(DEFAULT_PARAMS));
  let cached: string | undefined;

  async function token(): Promise<string> {
    const response = await fetch(`${baseUrl}${TOKEN_PATH}?grant_type=client_credentials`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ client_id: SANDBOX_DEFAULTS.clientId, client_secret: SANDBOX_DEFAULTS.clientSecret }).toString(),
    });
    const json = (await response.json()) as { access_token?: string };
    if (!response.ok || !json.access_token) throw new Error(`[bench] Node baseline: token call answered ${response.status}`);
    return json.access_token;
  }

  async function image(accessToken: string): Promise<void> {
    const response = await fetch(`${baseUrl}${IMAGE_PATH}`, {
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
