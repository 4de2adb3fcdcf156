import { replaceControlCharacters } from './control-characters';
import type { Environment } from './environments';
import { type QrParams, serializeParams } from './params';
import { SECRET_PLACEHOLDER, TOKEN_PLACEHOLDER } from './request-log';

/**
 * The two calls the extension makes, as POSIX shell commands a developer can paste: the token call
 * reads the secret from $KPN_CLIENT_SECRET and keeps the token in $TOKEN (extracted with sed, so no
 * jq is needed). Neither the secret nor a token ever appears in the text.
 */
export function curlCommands(options: {
  environment: Pick<Environment, 'baseUrl' | 'tokenPath' | 'imagePath'>;
  clientId: string;
  params: QrParams;
  notes: CurlNotes;
}): string {
  const { baseUrl, tokenPath, imagePath } = options.environment;
  const body = JSON.stringify(serializeParams(options.params));
  const { notes } = options;
  return [
    ...notes.before.map(comment),
    `TOKEN=$(curl -sS -X POST ${shellQuote(`${baseUrl}${tokenPath}?grant_type=client_credentials`)} \\`,
    `  -H 'Content-Type: application/x-www-form-urlencoded' \\`,
    `  --data-urlencode ${shellQuote(`client_id=${options.clientId}`)} \\`,
    `  --data-urlencode "client_secret=${SECRET_PLACEHOLDER}" \\`,
    `  | sed -n 's/.*"access_token" *: *"\\([^"]*\\)".*/\\1/p')`,
    '',
    comment(notes.answer),
    `curl -sS -X POST ${shellQuote(`${baseUrl}${imagePath}`)} \\`,
    `  -H "Authorization: Bearer ${TOKEN_PLACEHOLDER}" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data-raw ${shellQuote(body)}`,
    '',
  ].join('\n');
}

/** The shell comments around the commands, in the reader's language (the worker passes them in). */
export interface CurlNotes {
  /** Above the token call: how to set the secret, and for the built-in Sandbox where the commands go instead. */
  before: string[];
  /** Above the image call: what it answers. */
  answer: string;
}

// A line break in a note would end the comment and run the rest as a command.
const comment = (text: string) => `# ${replaceControlCharacters(text)}`;

/** Single-quotes a value for a POSIX shell; an embedded ' becomes '\'' (close, escaped quote, reopen). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
