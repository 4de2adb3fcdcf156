const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Apigee access tokens are 28 alphanumerics, e.g. "staG765sBUuai4OMeZiTful6PTRt".
const TOKEN_LENGTH = 28;
// Bounded so a long-running sandbox server cannot grow without limit; the oldest go first.
const MAX_TOKENS = 1000;

export type TokenState = 'valid' | 'expired' | 'unknown';

export interface TokenStore {
  issue(lifetimeSeconds: number, now: number): string;
  check(token: string, now: number): TokenState;
  clear(): void;
}

export function createTokenStore(): TokenStore {
  const expiries = new Map<string, number>();
  return {
    issue(lifetimeSeconds, now) {
      const token = randomToken();
      expiries.set(token, now + lifetimeSeconds * 1000);
      while (expiries.size > MAX_TOKENS) {
        const oldest = expiries.keys().next().value;
        if (oldest === undefined) break;
        expiries.delete(oldest);
      }
      return token;
    },
    check(token, now) {
      const expiresAt = expiries.get(token);
      if (expiresAt === undefined) return 'unknown';
      return now >= expiresAt ? 'expired' : 'valid';
    },
    clear() {
      expiries.clear();
    },
  };
}

function randomToken(): string {
  let token = '';
  while (token.length < TOKEN_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(TOKEN_LENGTH))) {
      // Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
      if (byte < 248 && token.length < TOKEN_LENGTH) token += ALPHABET[byte % ALPHABET.length];
    }
  }
  return token;
}
