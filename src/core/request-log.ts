import type { ErrorParams, PimErrorCode, PimErrorKind } from './errors';
import type { Quota } from './quota';

/** One HTTP call as the request log shows it. Secrets are replaced with shell-style placeholders. */
export interface RequestLogEntry {
  id: string;
  /** Epoch milliseconds when the request started. */
  time: number;
  environment?: string;
  method: string;
  url: string;
  status?: number;
  durationMs: number;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  /** Bytes of the answer's body that were read (the body itself is never logged: it may hold a token). */
  responseBytes?: number;
  transactionId?: string;
  errorKind?: PimErrorKind;
  /** What exactly failed, so the log words it as the alert did. */
  errorCode?: PimErrorCode;
  errorParams?: ErrorParams;
  /** KPN's quota figures in the answer's headers, when they were there and believable. */
  quota?: Quota;
}

export type RequestLogger = (entry: RequestLogEntry) => void;

// The variables copied cURL and code use (snippet-languages.ts).
export const TOKEN_PLACEHOLDER = '$TOKEN';
export const SECRET_PLACEHOLDER = '$KPN_CLIENT_SECRET';

const SECRET_PARAM = /(^|[?&])(client_secret|access_token)=[^&#]*/gi;
const SECRET_JSON_FIELD = /("(?:client_secret|access_token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

function placeholderFor(name: string): string {
  return name.toLowerCase() === 'client_secret' ? SECRET_PLACEHOLDER : TOKEN_PLACEHOLDER;
}

/** Replaces the credentials in a request so the entry reads like a runnable, secret-free cURL call. */
export function redact(request: { url: string; headers: Record<string, string>; body?: string }): {
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
} {
  const requestHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization') requestHeaders[name] = `Bearer ${TOKEN_PLACEHOLDER}`;
    else if (lower === 'cookie' || lower === 'proxy-authorization') requestHeaders[name] = '[redacted]';
    else requestHeaders[name] = value;
  }
  const result: { url: string; requestHeaders: Record<string, string>; requestBody?: string } = {
    url: redactParams(request.url),
    requestHeaders,
  };
  if (request.body !== undefined) {
    result.requestBody = redactParams(request.body).replace(
      SECRET_JSON_FIELD,
      (_m, key: string) => `${key}"${placeholderFor(key.replace(/["\s:]/g, ''))}"`,
    );
  }
  return result;
}

function redactParams(text: string): string {
  return text.replace(SECRET_PARAM, (_m, sep: string, name: string) => `${sep}${name}=${placeholderFor(name)}`);
}
