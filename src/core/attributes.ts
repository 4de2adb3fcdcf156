// The attribute names the PiM ID API accepts, spelled exactly as KPN documents them
// (note `Bankaccountnumber` with a lower-case n); the API is case-sensitive.
export const PIM_ATTRIBUTES = [
  'Email',
  'Mobile',
  'Bankaccountnumber',
  'NickName',
  'Initials',
  'FirstName',
  'FamilyNamePrefix',
  'FamilyName',
  'BirthName',
  'DateOfBirth',
  'PlaceOfBirth',
  'Gender',
  'HeadShot',
  'BankIdentificationNumber',
  'BankAccountHolderName',
] as const;

export type PimAttribute = (typeof PIM_ATTRIBUTES)[number];

const known: ReadonlySet<string> = new Set(PIM_ATTRIBUTES);

export function isPimAttribute(x: string): x is PimAttribute {
  return known.has(x);
}
