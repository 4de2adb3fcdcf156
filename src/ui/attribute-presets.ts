import type { PimAttribute } from '../core/attributes';
import type { MessageKey } from '../shared/i18n';

export interface AttributePreset {
  label: MessageKey;
  attributes: readonly PimAttribute[];
}

/** Common consent sets, in the order KPN shows them to the user. */
export const ATTRIBUTE_PRESETS: readonly AttributePreset[] = [
  { label: 'presetLogin', attributes: ['Email', 'Mobile'] },
  { label: 'presetPayment', attributes: ['Bankaccountnumber', 'BankAccountHolderName', 'BankIdentificationNumber'] },
  { label: 'presetIdentity', attributes: ['Initials', 'FirstName', 'FamilyNamePrefix', 'FamilyName', 'DateOfBirth'] },
];
