import type { CopyableCalls } from './api-calls';
import { SECRET_VARIABLE, TOKEN_VARIABLE } from './snippet-languages';

/**
 * The two calls the extension makes, as POSIX shell commands a developer can paste: the token call
 * reads the secret from $KPN_CLIENT_SECRET and keeps the token in $TOKEN (extracted with sed, so no
 * jq is needed). Neither the secret nor a token ever appears in the text. --globoff: curl would
 * otherwise expand {a,b} and [1-5] in a path into several requests, each sent the secret or the token.
 */
export function curlCommands({ tokenUrl, clientId, imageUrl, imageBody, notes }: CopyableCalls): string {
  return [
    ...notes.before.map(comment),
    `TOKEN=$(curl --globoff -sS -X POST ${shellQuote(tokenUrl)} \\`,
    `  -H 'Content-Type: application/x-www-form-urlencoded' \\`,
    `  --data-urlencode ${shellQuote(`client_id=${clientId}`)} \\`,
    `  --data-urlencode "client_secret=$${SECRET_VARIABLE}" \\`,
    `  | sed -n 's/.*"access_token" *: *"\\([^"]*\\)".*/\\1/p')`,
    '',
    comment(notes.answer),
    `curl --globoff -sS -X POST ${shellQuote(imageUrl)} \\`,
    `  -H "Authorization: Bearer $${TOKEN_VARIABLE}" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data-raw ${shellQuote(imageBody)}`,
    '',
  ].join('\n');
}

// copyableCalls has put each note on one line.
const comment = (text: string) => `# ${text}`;

/** Single-quotes a value for a POSIX shell; an embedded ' becomes '\'' (close, escaped quote, reopen). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
