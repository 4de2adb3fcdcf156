import { replaceControlCharacters } from './control-characters';

/** What an error body says, whichever of KPN's gateways wrote it. */
export interface ServerFault {
  message?: string;
  /** More on the message (the proxy's `info`), shown after it in brackets. */
  info?: string;
  code?: string;
  transactionId?: string;
}

/**
 * Reads the error bodies KPN is known to send (docs/kpn-api.md): Apigee `{"fault":{faultstring,detail:{errorcode}}}`,
 * the token endpoint's `{"ErrorCode","Error"}`, the proxy's `{"error":{transactionId,message,info,...}}`
 * or the same fields unwrapped, and the OAuth `{"error","error_description"}`. Short plain text is
 * kept; HTML error pages are not shown. Never throws.
 */
export function readServerFault(body: string): ServerFault {
  const text = body.trim();
  if (text === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return text.startsWith('<') ? {} : compact({ message: clean(text) });
  }
  if (!isRecord(json)) return typeof json === 'string' ? compact({ message: clean(json) }) : {};

  const fault = json.fault;
  if (isRecord(fault)) {
    const detail = isRecord(fault.detail) ? fault.detail : {};
    return compact({ message: str(fault.faultstring), code: str(detail.errorcode) });
  }
  if ('ErrorCode' in json || 'Error' in json) {
    return compact({ message: str(json.Error), code: str(json.ErrorCode) });
  }
  if (typeof json.error === 'string') {
    return compact({ message: str(json.error_description) ?? str(json.error), code: str(json.error) });
  }
  const proxy = isRecord(json.error) ? json.error : json;
  const message = str(proxy.message);
  const info = str(proxy.info);
  return compact({
    message: message ?? info,
    ...(message && info && info !== message ? { info } : {}),
    code: str(proxy.name) ?? str(proxy.code),
    transactionId: str(proxy.transactionId) ?? str(proxy.transactionID) ?? str(proxy.transaction_id),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? clean(value) : undefined;
}

// One line, no control characters. Not shortened here: secrets are redacted first (response-error.ts),
// so a secret cut in half by truncation cannot slip past the redaction.
function clean(text: string): string {
  return replaceControlCharacters(text).replace(/\s+/g, ' ').trim();
}

function compact(fault: ServerFault): ServerFault {
  const out: ServerFault = {};
  if (fault.message) out.message = fault.message;
  if (fault.info) out.info = fault.info;
  if (fault.code) out.code = fault.code;
  if (fault.transactionId) out.transactionId = fault.transactionId;
  return out;
}
