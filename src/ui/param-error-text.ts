// QR parameter errors as localized sentences: the core's code and values pick the message, so a
// Dutch catalogue needs no code change. An unknown code (from another version) reads "not valid".
import type { ParamError } from '../core/param-errors';
import type { ParamField } from '../core/params';
import { type MessageKey, t } from '../shared/i18n';

const PARAM_LABEL: Readonly<Record<ParamField, MessageKey>> = {
  redirect: 'fieldRedirect',
  title: 'fieldTitle',
  description: 'fieldDescription',
  attributes: 'fieldAttributes',
  width: 'fieldWidth',
  height: 'fieldHeight',
};

/** `error` comes from the core or, unchecked, from the background. */
export function paramErrorText(error: ParamError): string {
  const label = PARAM_LABEL[error.field] ? t(PARAM_LABEL[error.field]) : '';
  switch (error.code) {
    case 'required':
      return t('errRequired', label);
    case 'not-text':
      return t('errNotText', label);
    case 'too-long':
      return t('errTooLong', label, error.max, error.actual);
    case 'control-characters':
      return error.field === 'title' ? t('errTitleControlCharacters') : t('errDescriptionControlCharacters');
    case 'not-whole-number':
      return t('errNotWholeNumber', label, error.min, error.max);
    case 'out-of-range':
      return t('errOutOfRange', label, error.min, error.max, error.actual);
    case 'not-positive-integer':
      return t('errRedirectPositive');
    case 'not-a-list':
      return t('errNotAList');
    case 'unknown-attribute':
      return error.suggestion === undefined
        ? t('errUnknownAttribute', error.value)
        : t('errUnknownAttributeSuggestion', error.value, error.suggestion);
    case 'duplicate-attribute':
      return t('errDuplicateAttribute', error.value);
    case 'no-attributes':
      return t('errNoAttributes');
    default:
      return t('errInvalidValue');
  }
}
