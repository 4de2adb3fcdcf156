import { ERROR_TEXT, PimError, type PimErrorDetails, type PimErrorKind } from './errors';
import { redactSecrets } from './redact-secrets';
import { parseRetryAfter } from './retry-after';
import { readServerFault } from './server-fault';

/** Which of the two KPN calls answered: the same status means different things for each. */
export type ApiStage = 'token' | 'image';

export interface FailedAnswer {
  stage: ApiStage;
  status: number;
  headers: Headers;
  body: string;
  /** Epoch ms, to turn an HTTP-date Retry-After into seconds. */
  now: number;
  /** The exact secrets in play (client secret, token): removed from anything the server echoes. */
  secrets?: readonly (string | undefined)[];
}

// Server text is shown in a small popup.
const MAX_MESSAGE = 300;
const MAX_TRANSACTION_ID = 100;

// Where a transaction ID might travel when the body has none; KPN does not publish a header name.
const TRANSACTION_HEADERS = ['x-transaction-id', 'transactionid', 'x-kpn-transaction-id', 'x-request-id'];

/** Turns a non-2xx answer into the PimError the user sees, with KPN's own words and transaction ID. */
export function errorFromResponse(answer: FailedAnswer): PimError {
  const { stage, status, headers } = answer;
  const fault = readServerFault(answer.body);
  const known = answer.secrets ?? [];
  const serverMessage = fault.message === undefined ? undefined : shorten(redactSecrets(fault.message, known), MAX_MESSAGE);
  const transactionId = safeTransactionId(fault.transactionId ?? headerTransactionId(headers), known);

  const details = (kind: PimErrorKind, base: string, extra: PimErrorDetails = {}) =>
    new PimError(kind, {
      // KPN's own words travel separately (serverMessage) and the status as a number: the UI shows
      // both beside this sentence, so it stays short and translatable.
      message: base,
      status,
      ...(transactionId === undefined ? {} : { transactionId }),
      ...(serverMessage === undefined ? {} : { serverMessage }),
      ...extra,
    });

  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(headers, answer.now);
    return details('rate-limited', ERROR_TEXT['rate-limited'].message, {
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
  }
  if (status === 404) return details('not-found', `The API address does not exist (the ${stage} call got "Not Found").`);
  if (status >= 502 && status <= 504) {
    return details('server-error', 'The KPN gateway could not reach the service.');
  }
  if (status === 0 || (status >= 300 && status < 400)) {
    return details('unexpected-status', 'The API redirected the request; redirects are not followed.');
  }
  return stage === 'token' ? tokenError(status, details) : imageError(status, serverMessage, details);
}

type Build = (kind: PimErrorKind, base: string, extra?: PimErrorDetails) => PimError;

// docs/kpn-api.md: Apigee answers a bad client with 401, some KPN products with 500. Either way the
// token call failed for a reason the user fixes in Options, so every other status lands here.
function tokenError(status: number, build: Build): PimError {
  if (status === 403) return build('forbidden', 'KPN refused to issue a token for this app.');
  return build('credentials-rejected', ERROR_TEXT['credentials-rejected'].message, {
    hint:
      status >= 500
        ? 'Check the client ID and secret in Options; if they are right, the KPN gateway may be down, so try again later.'
        : ERROR_TEXT['credentials-rejected'].hint,
  });
}

function imageError(status: number, serverMessage: string | undefined, build: Build): PimError {
  switch (status) {
    case 400:
    case 413:
    case 422:
      // KPN's limits are unpublished: its own words are the most precise thing we can show.
      return build('invalid-parameters', 'KPN rejected the QR settings.', {
        ...(serverMessage === undefined ? {} : { message: serverMessage }),
        hint: 'Adjust the settings and try again; the message is KPN’s own.',
      });
    case 401:
      return build('credentials-rejected', 'KPN rejected the access token.', {
        hint: 'Check the client ID and secret in Options, and that the app is subscribed to PiM ID.',
      });
    case 403:
      return build('forbidden', ERROR_TEXT.forbidden.message, {
        hint: 'Is the app subscribed to the PiM ID product in the KPN API Store?',
      });
    default:
      return status >= 500
        ? build('server-error', ERROR_TEXT['server-error'].message)
        : build('unexpected-status', ERROR_TEXT['unexpected-status'].message);
  }
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
function safeTransactionId(id: string | undefined, known: readonly (string | undefined)[]): string | undefined {
  if (id === undefined || known.some((s) => s !== undefined && s.length >= 6 && id.includes(s))) return undefined;
  return shorten(id, MAX_TRANSACTION_ID);
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
