// Environments an organization sets by browser policy (storage.managed, public/managed-schema.json).
// Each entry is checked as if the person had typed it; a wrong one is refused with its reason and the
// others are still used. The policy holds no secret: each person enters their own.
import { hasControlCharacters, looksLikeMarkup } from './control-characters';
import { type Environment, type EnvironmentField, type EnvironmentFieldError, validateEnvironmentInput } from './environments';

/** Managed ids are made from the name, so a secret entered for one stays with it when the list is reordered. */
export const MANAGED_ID_PREFIX = 'managed-';
/** Every field of an entry is text without hidden characters or markup, as in a set-up file: anything else is refused. */
const TEXT_FIELDS = ['name', 'baseUrl', 'clientId', 'tokenPath', 'imagePath'] as const;

/** Fields that would carry a secret. A set-up file or a policy never passes one on: each person enters their own. */
const SECRET_FIELDS = ['clientSecret', 'client_secret', 'secret', 'token'] as const;

/** Whether an entry of a set-up file or a policy holds a secret, which is ignored: the person is told so. */
export function carriesSecret(entry: object): boolean {
  return SECRET_FIELDS.some((field) => Object.hasOwn(entry, field));
}

export interface ManagedEnvironment extends Environment {
  managed: true;
  clientId: string;
}

/** Why an entry was refused: the field at fault and its problem. */
export type ManagedRefusal = {
  /** 1 for the policy's first entry. */
  entry: number;
  /** The entry's name as the policy wrote it, whatever it is: the page shows it only when it is text. */
  name: unknown;
  field: EnvironmentField | 'clientId';
} & (EnvironmentFieldError | { code: 'not-text' } | { code: 'hidden-characters' } | { code: 'markup' });

/** What is wrong with a field of a policy entry before it is judged as typed input. */
type TextProblem = 'not-text' | 'hidden-characters' | 'markup';

/** An entry that carried a secret: the secret was ignored, the entry judged as usual. */
export interface ManagedSecretIgnored {
  entry: number;
  name: unknown;
}

export interface ManagedEnvironments {
  environments: ManagedEnvironment[];
  refused: ManagedRefusal[];
  secretsIgnored: ManagedSecretIgnored[];
}

/**
 * `policy` is what storage.managed holds under `environments` (STORAGE_KEYS.managedEnvironments): anything an administrator wrote,
 * undefined without a policy. Something other than a list is read as a list of that one entry, and
 * an entry that is no object as one without fields.
 */
export function readManagedEnvironments(policy: unknown): ManagedEnvironments {
  const environments: ManagedEnvironment[] = [];
  const refused: ManagedRefusal[] = [];
  const secretsIgnored: ManagedSecretIgnored[] = [];
  (policy === undefined ? [] : [policy].flat()).forEach((raw: unknown, index) => {
    const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<(typeof TEXT_FIELDS)[number], string>>;
    const { name, baseUrl, tokenPath, imagePath, clientId } = entry;
    if (carriesSecret(entry)) secretsIgnored.push({ entry: index + 1, name });
    const wrong = firstTextProblem(entry);
    const checked = validateEnvironmentInput({ name, baseUrl, tokenPath, imagePath }, environments, () => '');
    const [field, error]: [ManagedRefusal['field']?, (EnvironmentFieldError | { code: TextProblem })?] = wrong
      ? [wrong.field, { code: wrong.code }]
      : !checked.ok
        ? (Object.entries(checked.errors)[0] as [EnvironmentField, EnvironmentFieldError])
        : clientId?.trim()
          ? []
          : ['clientId', { code: 'required' }];
    if (field && error) refused.push({ entry: index + 1, name, field, ...error });
    else if (checked.ok) {
      environments.push({ ...checked.environment, id: MANAGED_ID_PREFIX + checked.environment.name, managed: true, clientId: `${clientId}`.trim() });
    }
  });
  return { environments, refused, secretsIgnored };
}

function firstTextProblem(entry: Record<string, unknown>): { field: (typeof TEXT_FIELDS)[number]; code: TextProblem } | undefined {
  for (const field of TEXT_FIELDS) {
    const value = entry[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') return { field, code: 'not-text' };
    if (hasControlCharacters(value)) return { field, code: 'hidden-characters' };
    if (looksLikeMarkup(value)) return { field, code: 'markup' };
  }
  return undefined;
}
