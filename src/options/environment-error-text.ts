// Environment field errors as localized sentences, by the core validator's code. Options page only:
// the core's environments module is not part of the popup's bundle.
import {
  ENVIRONMENT_NAME_MAX_LENGTH,
  type EnvironmentField,
  type EnvironmentFieldError,
  HOST_LABEL_MAX_LENGTH,
  HOST_NAME_MAX_LENGTH,
} from '../core/environments';
import { type MessageKey, t } from '../shared/i18n';

const ENVIRONMENT_LABEL: Readonly<Record<EnvironmentField, MessageKey>> = {
  name: 'fieldName',
  baseUrl: 'fieldBaseUrl',
  tokenPath: 'fieldTokenPath',
  imagePath: 'fieldImagePath',
};

/** The label of a field of the environment form, as the form shows it. */
export const environmentFieldLabel = (field: EnvironmentField | 'clientId'): string => t(field === 'clientId' ? 'fieldClientId' : ENVIRONMENT_LABEL[field]);

export function environmentErrorText(field: EnvironmentField, error: EnvironmentFieldError, name: string): string {
  switch (error.code) {
    case 'required':
      return t('errRequired', t(ENVIRONMENT_LABEL[field]));
    case 'too-long':
      return t('envErrNameTooLong', ENVIRONMENT_NAME_MAX_LENGTH);
    case 'hidden-characters':
      return t('envErrNameHiddenCharacters');
    case 'invisible-characters':
      return t('envErrNameInvisibleCharacters');
    case 'duplicate-name':
      return t('envErrDuplicateName', name.trim());
    case 'not-a-url':
      return t('envErrNotAUrl');
    case 'bad-scheme':
      return t('envErrBadScheme');
    case 'doubled-scheme':
      return t('envErrDoubledScheme', error.value ?? '');
    case 'host-wildcard':
      return t('envErrHostWildcard');
    case 'host-too-long':
      return t('envErrHostTooLong', HOST_NAME_MAX_LENGTH);
    case 'host-empty-label':
      return t('envErrHostEmptyLabel');
    case 'host-label-too-long':
      return t('envErrHostLabelTooLong', HOST_LABEL_MAX_LENGTH);
    case 'host-bad-character':
      return t('envErrHostBadCharacter', error.value ?? '');
    case 'host-label-hyphen':
      return t('envErrHostLabelHyphen');
    case 'insecure-http':
      return t('envErrInsecureHttp');
    case 'has-credentials':
      return t('envErrHasCredentials');
    case 'has-query-or-fragment':
      return t('envErrQueryOrFragment');
    case 'bad-path':
      return t('envErrBadPath', t(ENVIRONMENT_LABEL[field]));
    case 'built-in':
      return t('envErrBuiltIn');
    default:
      return t('errInvalidValue');
  }
}
