// Takes a set-up file's entries one by one, each judged by the rules the product applies when the
// person types it, and says for every entry what happened. Nothing already there is changed: an
// environment whose name is taken, or a placement whose id is, stays as the person has it. Only the
// defaults, one set for everyone, replace the ones there (the report says so). Every write goes
// through the worker's usual messages, which check everything again.
import { namesReadAlike } from '../core/environment-names';
import { type EnvironmentField, validateEnvironmentInput } from '../core/environments';
import { PimError } from '../core/errors';
import { carriesSecret } from '../core/managed-environments';
import { validateParams } from '../core/params';
import { errorText } from '../shared/error-text';
import { t } from '../shared/i18n';
import { CLIENT_ID_MAX_CHARS, HISTORY_SIZE_MAX, HISTORY_SIZE_MIN, isHistorySize } from '../shared/limits';
import type { EnvironmentView, FormDefaults } from '../shared/messages';
import type { RememberedPlacement } from '../shared/remembered-placement-shape';
import type { SendMessage } from '../shared/send-message';
import { paramErrorText } from '../ui/param-error-text';
import { environmentErrorText } from './environment-error-text';
import { optionsErrorView } from './options-error-view';
import type { SetupEntries } from './setup-file';

export type ImportOutcome = 'taken' | 'kept' | 'refused';

export interface ImportLine {
  outcome: ImportOutcome;
  /** The whole line, as read out: what the entry is, what happened, and why. */
  text: string;
}

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A name is shown as far as the product would keep it, so a long one cannot push the report apart. */
const shown = (text: string) => [...text.trim()].slice(0, 60).join('');
const refusal = (error: unknown) => errorText(optionsErrorView(error)).headline;

export async function importSetup(send: SendMessage, entries: SetupEntries): Promise<ImportLine[]> {
  const existing = await send('ui-bg-environments-list', undefined);
  const lines: ImportLine[] = [];
  const taken: EnvironmentView[] = [];
  for (const [index, raw] of entries.environments.entries()) {
    const line = await importEnvironment(send, raw, index, [...existing, ...taken], taken);
    lines.push(isRecord(raw) && carriesSecret(raw) ? { ...line, text: `${line.text} ${t('importSecretIgnored')}` } : line);
  }
  if (entries.defaults !== undefined) lines.push(await importDefaults(send, entries.defaults));
  for (const [index, raw] of entries.placements.entries()) lines.push(await importPlacement(send, raw, index));
  return lines;
}

async function importEnvironment(send: SendMessage, raw: unknown, index: number, known: EnvironmentView[], taken: EnvironmentView[]): Promise<ImportLine> {
  const name = isRecord(raw) && typeof raw.name === 'string' && raw.name.trim() !== '' ? shown(raw.name) : undefined;
  const label = name === undefined ? t('importEnvironmentNumbered', index + 1) : t('importEnvironmentNamed', name);
  const refused = (reason: string): ImportLine => ({ outcome: 'refused', text: t('importRefused', label, reason) });
  if (!isRecord(raw)) return refused(t('importNotAnEnvironment'));
  // No id from the file: the worker gives each new environment its own.
  const input = { name: raw.name, baseUrl: raw.baseUrl, tokenPath: raw.tokenPath, imagePath: raw.imagePath };
  const checked = validateEnvironmentInput(input, known, () => '');
  if (!checked.ok) {
    const [field, error] = Object.entries(checked.errors)[0] as [EnvironmentField, NonNullable<(typeof checked.errors)[EnvironmentField]>];
    if (error.code === 'duplicate-name') {
      // One a policy sets is the organization's, not the person's: saying "kept yours" would be wrong.
      const managed = known.some((e) => e.managed && namesReadAlike(e.name, name ?? ''));
      return { outcome: 'kept', text: t(managed ? 'importKeptManaged' : 'importKeptYours', label) };
    }
    return refused(environmentErrorText(field, error, name ?? ''));
  }
  const clientId = raw.clientId ?? '';
  if (typeof clientId !== 'string' || clientId.length > CLIENT_ID_MAX_CHARS) return refused(t('importBadClientId', CLIENT_ID_MAX_CHARS));
  const { id: _none, ...environment } = checked.environment;
  try {
    const saved = await send('ui-bg-environment-save', environment);
    taken.push(saved);
    if (clientId.trim() !== '') await send('ui-bg-credentials-set', { environmentId: saved.id, clientId });
  } catch (error) {
    return refused(refusal(error));
  }
  return { outcome: 'taken', text: t('importEnvironmentTaken', label) };
}

async function importDefaults(send: SendMessage, raw: unknown): Promise<ImportLine> {
  const label = t('importDefaults');
  const refused = (reason: string): ImportLine => ({ outcome: 'refused', text: t('importRefused', label, reason) });
  const defaults = isRecord(raw) ? raw : {};
  const params = validateParams(defaults.params);
  if (!params.ok) {
    const first = Object.values(params.errors)[0];
    return refused(first ? paramErrorText(first) : t('errInvalidValue'));
  }
  if (!isHistorySize(defaults.historySize)) {
    return refused(errorText({ code: 'history-size-invalid', params: { min: HISTORY_SIZE_MIN, max: HISTORY_SIZE_MAX } }).headline);
  }
  if (typeof defaults.keepHistory !== 'boolean') return refused(t('importBadKeepHistory'));
  const change: FormDefaults = { params: params.params, historySize: defaults.historySize, keepHistory: defaults.keepHistory };
  try {
    await send('ui-bg-settings-save', { defaults: change });
  } catch (error) {
    return refused(refusal(error));
  }
  return { outcome: 'taken', text: t('importDefaultsTaken', label) };
}

/**
 * The worker checks the placement as it checks one read back from storage (remembered-placement-shape.ts)
 * and keeps the one it has under that id.
 */
async function importPlacement(send: SendMessage, raw: unknown, index: number): Promise<ImportLine> {
  const numbered = t('importPlacementNumbered', index + 1);
  try {
    const { taken } = await send('ui-bg-placement-take', raw as RememberedPlacement);
    const { origin, path } = raw as RememberedPlacement;
    const label = t('importPlacementOn', shown(`${origin}${path}`));
    return taken ? { outcome: 'taken', text: t('importPlacementTaken', label) } : { outcome: 'kept', text: t('importKeptYours', label) };
  } catch (error) {
    const malformed = error instanceof PimError && error.code === 'malformed-field';
    return { outcome: 'refused', text: t('importRefused', numbered, malformed ? t('importNotAPlacement') : refusal(error)) };
  }
}
