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

/**
 * How long a piece of a known secret must be to be taken out on its own: a secret split in parts
 * with other text between them, or cut short, still goes. Half the secret, at least 6 and at most 8
 * characters: shorter pieces are ordinary words ("secret", "client") as often as not.
 */
const pieceLength = (secretLength: number) => Math.min(secretLength, Math.max(MIN_SECRET_LENGTH, Math.min(8, Math.ceil(secretLength / 2))));

/** One character of the text as a server may have written it: itself, percent-encoded, or "+" for a space. */
interface Unit {
  start: number;
  end: number;
  /** The characters it may stand for, in lower case; none for an invisible one, which is passed over. */
  means: readonly string[];
}

// Zero-width and other invisible format characters: a secret with them between its characters reads the same.
const INVISIBLE = /^\p{Cf}$/u;

/**
 * The text as characters, each percent-encoded one (%2d or %2D, alone or amid plain ones, UTF-8 for
 * characters beyond ASCII, encoded twice or more as %252d) read as what it encodes: a form body
 * echoed back carries the secret so. Case is not told apart.
 */
function readUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let at = 0;
  while (at < text.length) {
    const encoded = percentEncodedAt(text, at);
    const char = encoded?.char ?? String.fromCodePoint(text.codePointAt(at) ?? 0);
    const end = encoded?.end ?? at + char.length;
    const lower = char.toLowerCase();
    units.push({ start: at, end, means: INVISIBLE.test(char) ? [] : !encoded && char === '+' ? ['+', ' '] : [lower] });
    at = end;
  }
  return units;
}

// One byte, percent-encoded once or more: %2d, %252d, %25252d.
const PERCENT_BYTE = /^%(?:25)*([0-9a-f]{2})/i;

/** The one character that the percent-encoded bytes (up to four, UTF-8) starting at `at` encode. */
function percentEncodedAt(text: string, at: number): { char: string; end: number } | undefined {
  let end = at;
  let bytes = '';
  for (let count = 1; count <= 4; count++) {
    const byte = PERCENT_BYTE.exec(text.slice(end));
    if (!byte) return undefined;
    end += byte[0].length;
    bytes += `%${byte[1] ?? ''}`;
    try {
      return { char: decodeURIComponent(bytes), end };
    } catch {
      // Not yet a whole character: a longer UTF-8 sequence, or none.
    }
  }
  return undefined;
}

/**
 * Where the text shows a known secret, or a piece of one (pieceLength), as written, percent-encoded
 * or in another case: [start, end) ranges, merged. A piece that is also part of a value shown openly
 * (`shown`: the client ID, which may share a prefix with its secret) is left.
 */
function findSecrets(text: string, known: readonly (string | undefined)[], shown: readonly string[] = []): [number, number][] {
  const secrets = known.filter((s): s is string => s !== undefined && s.length >= MIN_SECRET_LENGTH).map((s) => [...s.toLowerCase()]);
  const open = shown.map((value) => value.toLowerCase());
  const units = readUnits(text);
  const found: [number, number][] = [];
  for (const secret of secrets) {
    const needed = pieceLength(secret.length);
    // run[k]: where the match of the secret's characters up to k that ends here starts, and its length.
    let run: ({ start: number; length: number } | undefined)[] = [];
    for (const unit of units) {
      if (unit.means.length === 0) continue;
      const next: typeof run = [];
      secret.forEach((char, k) => {
        if (!unit.means.includes(char)) return;
        const before = run[k - 1];
        const match = { start: before?.start ?? unit.start, length: (before?.length ?? 0) + 1 };
        next[k] = match;
        const piece = secret.slice(k - match.length + 1, k + 1).join('');
        if (match.length >= needed && !open.some((value) => value.includes(piece))) found.push([match.start, unit.end]);
      });
      run = next;
    }
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

/** True when the text shows a known secret, or a piece of one, in any form findSecrets reads. */
export function showsSecret(text: string, known: readonly (string | undefined)[], shown: readonly string[] = []): boolean {
  return findSecrets(text, known, shown).length > 0;
}

/**
 * Removes anything that is or looks like a secret from text that came from a server or an error,
 * before it is shown, logged or stored. `known` are the secrets in play (client secret, tokens): they
 * and their pieces go in any form findSecrets reads; `shown` are values shown openly (the client ID).
 */
export function redactSecrets(text: string, known: readonly (string | undefined)[] = [], shown: readonly string[] = []): string {
  return redactSecretsAcross([text], known, shown)[0] ?? '';
}

/**
 * redactSecrets for texts shown one after the other (a server's message and its info): a known
 * secret split between them goes too, each part of it in its own text.
 */
export function redactSecretsAcross(texts: readonly string[], known: readonly (string | undefined)[] = [], shown: readonly string[] = []): string[] {
  const found = findSecrets(texts.join(''), known, shown);
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
