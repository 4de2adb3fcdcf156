/**
 * Every way something can fail, as data. The kind says what the user does next (and decides retries
 * and the "Open Options" button); the code says exactly what happened. Each code is written once
 * here: its kind, then the names of the values its message shows, in the order the catalogue's
 * placeholders take them ($1, $2, …). The words live in public/_locales (`err_<code>`,
 * `err_<code>_detail`, `err_<code>_hint`, falling back to `errKind_<kind>` and `errHint_<kind>`).
 * A code named like its kind is that kind's plain case.
 */
export const PIM_ERROR_KINDS = [
  'not-configured',
  'permission-denied',
  'invalid-parameters',
  'credentials-rejected',
  'forbidden',
  'not-found',
  'rate-limited',
  'server-error',
  'unexpected-status',
  'network',
  'timeout',
  'cancelled',
  'unreadable-response',
  'internal',
] as const;

export type PimErrorKind = (typeof PIM_ERROR_KINDS)[number];

export const ERROR_CODES = {
  'not-configured': ['not-configured'],
  'secret-bound-elsewhere': ['not-configured', 'savedOrigin', 'savedClientId', 'origin', 'clientId'],

  'host-not-granted': ['permission-denied', 'host'],
  'stored-host-invalid': ['permission-denied', 'environment'],
  'sender-not-allowed': ['permission-denied'],
  'page-script-only': ['permission-denied'],
  'remember-needs-web-page': ['permission-denied'],
  'remember-host-not-allowed': ['permission-denied', 'host'],
  'remember-site-not-allowed': ['permission-denied'],
  'remember-access-refused': ['permission-denied', 'host'],
  'page-not-loaded': ['permission-denied'],
  'file-access-off': ['permission-denied'],
  'page-forbids-extensions': ['permission-denied'],
  'tab-access-missing': ['permission-denied'],
  'capture-not-allowed': ['permission-denied'],
  'clipboard-refused': ['permission-denied'],

  'invalid-parameters': ['invalid-parameters'],
  'params-rejected': ['invalid-parameters'],
  'environment-gone': ['invalid-parameters'],
  'environment-invalid': ['invalid-parameters'],
  'built-in-undeletable': ['invalid-parameters'],
  'sandbox-needs-no-credentials': ['invalid-parameters'],
  'client-id-required': ['invalid-parameters'],
  'history-size-invalid': ['invalid-parameters', 'min', 'max'],
  'nothing-to-copy': ['invalid-parameters'],
  'malformed-request': ['invalid-parameters'],
  'malformed-field': ['invalid-parameters', 'field'],
  'tab-closed': ['invalid-parameters'],
  'page-changed': ['invalid-parameters'],
  'no-page': ['invalid-parameters'],
  'placement-not-rememberable': ['invalid-parameters'],
  'too-many-placements': ['invalid-parameters', 'max'],
  'placements-too-large': ['invalid-parameters'],
  'no-image-to-place': ['invalid-parameters'],
  'image-too-large-to-place': ['invalid-parameters', 'maxBytes'],
  'png-too-large': ['invalid-parameters', 'width', 'height', 'max'],
  'selector-too-long': ['invalid-parameters'],
  'selector-control-characters': ['invalid-parameters'],
  'pick-needs-element-mode': ['invalid-parameters'],
  'selector-missing': ['invalid-parameters'],
  'selector-invalid': ['invalid-parameters', 'selector'],
  'selector-no-match': ['invalid-parameters', 'selector'],
  'pick-outside-page': ['invalid-parameters'],
  'pick-selector-too-long': ['invalid-parameters'],

  'credentials-rejected': ['credentials-rejected'],
  'token-call-failed': ['credentials-rejected'],

  forbidden: ['forbidden'],
  'token-forbidden': ['forbidden'],
  'token-rejected': ['forbidden'],

  'token-path-not-found': ['not-found'],
  'image-path-not-found': ['not-found'],

  'rate-limited': ['rate-limited'],
  'quota-used-up': ['rate-limited'],
  'quota-used-up-until': ['rate-limited', 'resetAt'],

  'server-error': ['server-error'],
  'gateway-unreachable': ['server-error'],

  'unexpected-status': ['unexpected-status'],
  redirected: ['unexpected-status'],

  network: ['network'],
  'connection-broke': ['network'],

  timeout: ['timeout', 'seconds'],

  cancelled: ['cancelled'],

  'answer-too-large': ['unreadable-response', 'maxBytes'],
  'answer-empty': ['unreadable-response'],
  'answer-not-json': ['unreadable-response'],
  'answer-without-svg': ['unreadable-response'],
  'answer-is-web-page': ['unreadable-response'],
  'answer-not-base64': ['unreadable-response'],
  'answer-not-svg': ['unreadable-response'],
  'token-answer-without-token': ['unreadable-response'],
  'token-answer-unusable-token': ['unreadable-response'],
  'token-answer-token-too-long': ['unreadable-response', 'max'],
  'svg-refused': ['unreadable-response'],
  'svg-uncheckable': ['unreadable-response'],

  internal: ['internal'],
  'background-silent': ['internal'],
  'page-silent': ['internal'],
  'place-failed': ['internal'],
  'capture-failed': ['internal'],
  'secret-move-failed': ['internal'],
} as const satisfies Readonly<Record<string, readonly [PimErrorKind, ...string[]]>>;

export type PimErrorCode = keyof typeof ERROR_CODES;

/** The names of the values a code's message shows (never, for a code that shows none). */
export type ParamNameOf<C extends PimErrorCode> = (typeof ERROR_CODES)[C] extends readonly [PimErrorKind, ...infer N extends string[]]
  ? N[number]
  : never;

/** Values cross contexts as plain data; numbers are formatted for the reader's language when shown. */
export type ErrorParamValue = string | number;
export type ErrorParams = Readonly<Record<string, ErrorParamValue>>;
export type ParamsOf<C extends PimErrorCode> = { readonly [N in ParamNameOf<C>]: ErrorParamValue };

/** Codes whose message shows no value. */
export type PlainErrorCode = { [C in PimErrorCode]: [ParamNameOf<C>] extends [never] ? C : never }[PimErrorCode];

export function isPimErrorCode(value: unknown): value is PimErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** A code whose words need no values: it can travel, and be kept, alone. */
export function isPlainErrorCode(value: unknown): value is PlainErrorCode {
  return isPimErrorCode(value) && paramNamesOf(value).length === 0;
}

export function isPimErrorKind(value: unknown): value is PimErrorKind {
  return typeof value === 'string' && (PIM_ERROR_KINDS as readonly string[]).includes(value);
}

export function kindOf(code: PimErrorCode): PimErrorKind {
  return ERROR_CODES[code][0];
}

export function paramNamesOf(code: PimErrorCode): readonly string[] {
  return ERROR_CODES[code].slice(1);
}
