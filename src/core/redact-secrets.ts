/** What a redacted secret is replaced with in messages shown to the user. */
export const REDACTED = '[redacted]';

// Keys whose value is a credential wherever it appears: a form body, a query string or JSON.
const SECRET_ASSIGNMENT =
  /((?:client_secret|clientsecret|access_token|accesstoken|refresh_token|password)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi;
const BEARER = /(bearer\s+)[^\s"',;]+/gi;
// Long opaque runs mixing letters and digits look like tokens or secrets. No "-" or ".", so UUIDs
// (transaction IDs), host names and Apigee error codes ("oauth.v2.InvalidAccessToken") survive.
const OPAQUE = /[A-Za-z0-9_+/]{20,}=*/g;

/**
 * Removes anything that is or looks like a secret from text that came from a server or an error,
 * before it is shown, logged or stored. `known` are the exact secrets in play (client secret, token).
 */
export function redactSecrets(text: string, known: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of known) {
    // Very short values would blank out ordinary words; real secrets and tokens are long.
    if (secret !== undefined && secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(BEARER, `$1${REDACTED}`)
    .replace(SECRET_ASSIGNMENT, `$1${REDACTED}`)
    .replace(OPAQUE, (run) => (/[A-Za-z]/.test(run) && /\d/.test(run) ? REDACTED : run));
}
