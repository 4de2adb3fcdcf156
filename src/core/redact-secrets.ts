/** What a redacted secret is replaced with in messages shown to the user. */
export const REDACTED = '[redacted]';

// Keys whose value is a credential wherever it appears: a form body, a query string or JSON. The
// value stops before a closing bracket, so "(client_secret=…)" keeps its ")".
const SECRET_ASSIGNMENT =
  /((?:client_secret|clientsecret|access_token|accesstoken|refresh_token|password)["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"'&,;})\]]+/gi;
const BEARER = /(bearer\s+)(?!\[redacted\])[^\s"',;)\]]+/gi;
// Long opaque runs mixing letters and digits look like tokens or secrets. No "-" or ".", so UUIDs
// (transaction IDs), host names and Apigee error codes ("oauth.v2.InvalidAccessToken") survive.
const OPAQUE = /[A-Za-z0-9_+/]{20,}=*/g;

/** Shorter known values would blank out ordinary words; real secrets and tokens are long. */
const MIN_SECRET_LENGTH = 6;

/** One character of the text as a server may have written it: itself, percent-encoded, or "+" for a space. */
interface Unit {
  start: number;
  end: number;
  /** The characters it may stand for. */
  means: readonly string[];
}

/**
 * The text as characters, each percent-encoded one (%2d or %2D, alone or amid plain ones, UTF-8 for
 * characters beyond ASCII) read as what it encodes: a form body echoed back carries the secret so.
 */
function readUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let at = 0;
  while (at < text.length) {
    const encoded = percentEncodedAt(text, at);
    if (encoded) {
      units.push({ start: at, end: encoded.end, means: [encoded.char] });
      at = encoded.end;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(at) ?? 0);
    units.push({ start: at, end: at + char.length, means: char === '+' ? ['+', ' '] : [char] });
    at += char.length;
  }
  return units;
}

const PERCENT_BYTES = /^(?:%[0-9a-f]{2})+$/i;

/** The one character that the %XX bytes (up to four, UTF-8) starting at `at` encode. */
function percentEncodedAt(text: string, at: number): { char: string; end: number } | undefined {
  for (let bytes = 1; bytes <= 4; bytes++) {
    const piece = text.slice(at, at + 3 * bytes);
    if (!PERCENT_BYTES.test(piece)) return undefined;
    try {
      return { char: decodeURIComponent(piece), end: at + piece.length };
    } catch {
      // Not yet a whole character: a longer UTF-8 sequence, or none.
    }
  }
  return undefined;
}

/** Where the text shows a known secret, as written or percent-encoded: [start, end) ranges, merged. */
export function findSecrets(text: string, known: readonly (string | undefined)[]): [number, number][] {
  const secrets = known.filter((s): s is string => s !== undefined && s.length >= MIN_SECRET_LENGTH).map((s) => [...s]);
  const units = readUnits(text);
  const found: [number, number][] = [];
  for (const secret of secrets) {
    // run[k]: how many units up to this one match the secret up to its character k.
    let run: number[] = [];
    units.forEach((unit, i) => {
      const next: number[] = [];
      secret.forEach((char, k) => {
        if (unit.means.includes(char)) next[k] = (run[k - 1] ?? 0) + 1;
      });
      const whole = next[secret.length - 1] ?? 0;
      if (whole === secret.length) found.push([units[i - whole + 1]?.start ?? unit.start, unit.end]);
      run = next;
    });
  }
  return merge(found);
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** True when the text shows a known secret in any form findSecrets reads. */
export function showsSecret(text: string, known: readonly (string | undefined)[]): boolean {
  return findSecrets(text, known).length > 0;
}

/**
 * Removes anything that is or looks like a secret from text that came from a server or an error,
 * before it is shown, logged or stored. `known` are the exact secrets in play (client secret, token):
 * they go in any form findSecrets reads.
 */
export function redactSecrets(text: string, known: readonly (string | undefined)[] = []): string {
  return redactSecretsAcross([text], known)[0] ?? '';
}

/**
 * redactSecrets for texts shown one after the other (a server's message and its info): a known
 * secret split between them goes too, each part of it in its own text.
 */
export function redactSecretsAcross(texts: readonly string[], known: readonly (string | undefined)[] = []): string[] {
  const found = findSecrets(texts.join(''), known);
  let offset = 0;
  return texts.map((text) => {
    const from = offset;
    offset += text.length;
    let out = '';
    let kept = 0;
    for (const [start, end] of found) {
      const cutStart = Math.max(start - from, 0);
      const cutEnd = Math.min(end - from, text.length);
      // Merged ranges do not overlap: one that ends before this text starts gives an empty cut.
      if (cutStart >= cutEnd) continue;
      out += `${text.slice(kept, cutStart)}${REDACTED}`;
      kept = cutEnd;
    }
    return generic(out + text.slice(kept));
  });
}

/** What looks like a secret whoever's it is: a credential assignment, a bearer token, a long opaque run. */
function generic(text: string): string {
  return text
    .replace(BEARER, `$1${REDACTED}`)
    .replace(SECRET_ASSIGNMENT, `$1${REDACTED}`)
    .replace(OPAQUE, (run) => (/[A-Za-z]/.test(run) && /\d/.test(run) ? REDACTED : run));
}
