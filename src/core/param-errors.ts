import type { ParamField } from './params';

/**
 * Every way a QR parameter can be wrong, as a stable code plus the values a translated message
 * needs. `paramErrorMessage` is the single place the English wording lives.
 */
export type ParamError =
  | { code: 'required'; field: Exclude<ParamField, 'attributes'> }
  | { code: 'not-text'; field: 'title' | 'description' }
  | { code: 'too-long'; field: 'title' | 'description'; max: number; actual: number }
  | { code: 'control-characters'; field: 'title' | 'description' }
  | { code: 'not-whole-number'; field: 'width' | 'height'; min: number; max: number }
  | { code: 'out-of-range'; field: 'width' | 'height'; min: number; max: number; actual: number }
  | { code: 'not-positive-integer'; field: 'redirect' }
  | { code: 'not-a-list'; field: 'attributes' }
  | { code: 'unknown-attribute'; field: 'attributes'; value: string; suggestion?: string }
  | { code: 'duplicate-attribute'; field: 'attributes'; value: string }
  | { code: 'no-attributes'; field: 'attributes' };

export type ParamErrorCode = ParamError['code'];

export type FieldError = ParamError & { message: string };

/** At most one error per field: the first problem found, so the form shows one clear sentence. */
export type FieldErrors = Partial<Record<ParamField, FieldError>>;

const FIELD_LABEL: Readonly<Record<ParamField, string>> = {
  redirect: 'Redirect',
  title: 'Title',
  description: 'Description',
  attributes: 'Attributes',
  width: 'Width',
  height: 'Height',
};

export function paramErrorMessage(error: ParamError): string {
  const label = FIELD_LABEL[error.field];
  switch (error.code) {
    case 'required':
      return `${label} is required.`;
    case 'not-text':
      return `${label} must be text.`;
    case 'too-long':
      return `${label} must be at most ${error.max} characters (it has ${error.actual}).`;
    case 'control-characters':
      return error.field === 'title'
        ? 'Title must be a single line without control characters.'
        : 'Description must not contain control characters.';
    case 'not-whole-number':
      return `${label} must be a whole number from ${error.min} to ${error.max}.`;
    case 'out-of-range':
      return `${label} must be from ${error.min} to ${error.max} (it is ${error.actual}).`;
    case 'not-positive-integer':
      return 'Redirect must be a whole number of 1 or more.';
    case 'not-a-list':
      return 'Attributes must be a list of attribute names.';
    case 'unknown-attribute':
      return error.suggestion === undefined
        ? `Unknown attribute "${error.value}".`
        : `Unknown attribute "${error.value}" (did you mean "${error.suggestion}"?).`;
    case 'duplicate-attribute':
      return `Attribute "${error.value}" is listed twice.`;
    case 'no-attributes':
      return 'Choose at least one attribute.';
  }
}

export function fieldError(error: ParamError): FieldError {
  return { ...error, message: paramErrorMessage(error) };
}
