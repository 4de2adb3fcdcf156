import { PimError, type PimErrorDetails, type PlainErrorCode } from './errors';
import { replaceControlCharacters } from './control-characters';
import { redactSecretsAcross, showsSecret } from './redact-secrets';
import { parseQuotaHeaders } from './quota';
import { asQuotaRefusal } from './quota-refusal';
import { parseRetryAfter } from './retry-after';
import { readServerFault, type ServerFault } from './server-fault';

/** Which of the two KPN calls answered: the same status means different things for each. */
export type ApiStage = 'token' | 'image';

export interface FailedAnswer {
  stage: ApiStage;
  status: number;
  headers: Headers;
  body: string;
  /** Epoch ms, to turn an HTTP-date Retry-After into seconds. */
  now: number;
  /** The secrets in play (client secret, tokens): removed from anything the server echoes. */
  secrets?: readonly (string | undefined)[];
  /** Values shown openly (the client ID): a piece of a secret that is also part of one stays. */
  shown?: readonly string[];
}

// Server text is shown in a small popup.
const MAX_MESSAGE = 300;
const MAX_TRANSACTION_ID = 100;
// Redaction reads this much of a server's text, far past what is shown: a secret that starts before
// the cut is wholly in it, and a body of megabytes costs no more than this.
const READ_FOR_SECRETS = 1_000;

// Where a transaction ID might travel when the body has none; KPN does not publish a header name.
const TRANSACTION_HEADERS = ['x-transaction-id', 'transactionid', 'x-kpn-transaction-id', 'x-request-id'];

/** Turns a non-2xx answer into the PimError the user sees, with KPN's own words and transaction ID. */
export function errorFromResponse(answer: FailedAnswer): PimError {
  const { stage, status, headers } = answer;
  const fault = readServerFault(answer.body);
  const known = answer.secrets ?? [];
  const shown = answer.shown ?? [];
  const serverMessage = serverWords(fault, known, shown);
  const transactionId = safeTransactionId(fault.transactionId ?? headerTransactionId(headers), known, shown);

  const details = (code: PlainErrorCode, extra: PimErrorDetails = {}) =>
    // KPN's own words travel separately (serverMessage) and the status as a number: the UI shows
    // both beside the code's translated text.
    new PimError(code, {
      // A redirect the request did not follow answers as status 0: no HTTP status to show.
      ...(status > 0 ? { status } : {}),
      ...(transactionId === undefined ? {} : { transactionId }),
      ...(serverMessage === undefined ? {} : { serverMessage }),
      ...extra,
    });

  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(headers, answer.now);
    const wait = retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
    return asQuotaRefusal(details('rate-limited', wait), parseQuotaHeaders(headers, answer.now), answer.now);
  }
  if (status === 404) return details(stage === 'token' ? 'token-path-not-found' : 'image-path-not-found');
  if (status >= 502 && status <= 504) return details('gateway-unreachable');
  if (status === 0 || (status >= 300 && status < 400)) return details('redirected');
  return details(stage === 'token' ? tokenErrorCode(status) : imageErrorCode(status));
}

// docs/kpn-api.md: Apigee answers a bad client with 401, some KPN products with 500. Either way the
// token call failed for a reason the user fixes in Options, so every other status lands here.
function tokenErrorCode(status: number): PlainErrorCode {
  if (status === 403) return 'token-forbidden';
  return status >= 500 ? 'token-call-failed' : 'credentials-rejected';
}

function imageErrorCode(status: number): PlainErrorCode {
  switch (status) {
    case 400:
    case 413:
    case 422:
      // KPN's limits are unpublished: its own words (serverMessage) are the most precise thing we can show.
      return 'params-rejected';
    case 401:
      // The client re-mints once on a 401, so this token was fresh: the credentials were accepted.
      return 'token-rejected';
    case 403:
      return 'forbidden';
    default:
      return status >= 500 ? 'server-error' : 'unexpected-status';
  }
}

/** The server's message, its info in brackets after it, without the secrets in play. */
function serverWords(fault: ServerFault, known: readonly (string | undefined)[], shown: readonly string[]): string | undefined {
  if (fault.message === undefined) return undefined;
  const parts = fault.info === undefined ? [fault.message] : [fault.message, fault.info];
  const [message = '', info] = redactSecretsAcross(
    parts.map((part) => part.slice(0, READ_FOR_SECRETS)),
    known,
    shown,
  );
  return shorten(info === undefined ? message : `${message} (${info})`, MAX_MESSAGE);
}

function headerTransactionId(headers: Headers): string | undefined {
  for (const name of TRANSACTION_HEADERS) {
    const value = headers.get(name)?.trim();
    if (value) return value;
  }
  return undefined;
}

// Support needs the ID exactly, so only the known secrets are checked (the look-alike heuristic
// would eat a 32-hex-digit ID); an ID that carries a secret is dropped, not shown half-redacted.
function safeTransactionId(id: string | undefined, known: readonly (string | undefined)[], shown: readonly string[]): string | undefined {
  if (id === undefined || showsSecret(id.slice(0, READ_FOR_SECRETS), known, shown)) return undefined;
  return shorten(replaceControlCharacters(id).trim(), MAX_TRANSACTION_ID);
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
