// The set-up file a team shares: custom environments (never a secret), the form's defaults and the
// remembered placements, as one versioned JSON document. Reading one checks the file as a whole
// first; a file that fails here changes nothing. Each entry is judged later (setup-import.ts).
import { hasControlCharacters, looksLikeMarkup } from '../core/control-characters';
import type { EnvironmentView, FormDefaults } from '../shared/messages';
import type { RememberedPlacement } from '../shared/remembered-placement-shape';

export const SETUP_FORMAT = 'pim-qr-setup';
export const SETUP_VERSION = 1;
/** Remembered placements keep at most 3 MB of SVG (placement-store.ts); the rest is small. */
export const SETUP_FILE_MAX_BYTES = 4 * 1024 * 1024;
/** More than any list the extension keeps (50 placements), far fewer than a hostile file may hold. */
export const SETUP_ENTRIES_MAX = 100;
/** The deepest a file this version writes goes is 5 (a placement's pin); room for one more version. */
const SETUP_DEPTH_MAX = 8;
/** Keys that reach an object's prototype when copied carelessly: no real file has them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** An environment as shared: where it is and its client ID. The secret stays with each person. */
export interface SetupEnvironment {
  name: string;
  baseUrl: string;
  tokenPath: string;
  imagePath: string;
  clientId: string;
}

export interface SetupFile {
  format: typeof SETUP_FORMAT;
  version: typeof SETUP_VERSION;
  exportedAt: string;
  environments: SetupEnvironment[];
  defaults: FormDefaults;
  placements: RememberedPlacement[];
}

/**
 * Each field is copied by name, so nothing an environment view carries besides them (whether a
 * secret is set, its last characters) can reach the file. Built-in environments are the same for
 * everyone, and a policy's come from the organization, not the person: both are left out.
 */
export function setupFile(environments: readonly EnvironmentView[], defaults: FormDefaults, placements: RememberedPlacement[], now: Date): SetupFile {
  return {
    format: SETUP_FORMAT,
    version: SETUP_VERSION,
    exportedAt: now.toISOString(),
    environments: environments
      .filter((e) => e.kind === 'custom' && !e.managed)
      .map(({ name, baseUrl, tokenPath, imagePath, clientId }) => ({ name, baseUrl, tokenPath, imagePath, clientId })),
    defaults: { params: defaults.params, historySize: defaults.historySize, keepHistory: defaults.keepHistory },
    placements,
  };
}

export function setupFileName(now: Date): string {
  return `pim-qr-setup-${now.toISOString().slice(0, 10)}.json`;
}

/** Why a whole file was refused; the page words each one (`importProblem_<problem>`). */
export type SetupProblem = 'too-large' | 'not-json' | 'not-setup' | 'newer-version' | 'too-many' | 'too-deep' | 'hostile';

/** The file's entries, each still to be checked on its own. */
export interface SetupEntries {
  environments: unknown[];
  defaults?: unknown;
  placements: unknown[];
}

export type ReadSetup = { ok: true; entries: SetupEntries } | { ok: false; problem: SetupProblem };

export function readSetupFile(text: string): ReadSetup {
  if (text.length > SETUP_FILE_MAX_BYTES) return { ok: false, problem: 'too-large' };
  if (nestedDeeperThan(text, SETUP_DEPTH_MAX)) return { ok: false, problem: 'too-deep' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  if (!isRecord(value) || value.format !== SETUP_FORMAT || typeof value.version !== 'number') return { ok: false, problem: 'not-setup' };
  if (value.version > SETUP_VERSION) return { ok: false, problem: 'newer-version' };
  if (value.version !== SETUP_VERSION) return { ok: false, problem: 'not-setup' };
  const shapeProblem = walk(value, 0, '');
  if (shapeProblem) return { ok: false, problem: shapeProblem };
  const environments = value.environments ?? [];
  const placements = value.placements ?? [];
  if (!Array.isArray(environments) || !Array.isArray(placements)) return { ok: false, problem: 'not-setup' };
  if (environments.length > SETUP_ENTRIES_MAX || placements.length > SETUP_ENTRIES_MAX) return { ok: false, problem: 'too-many' };
  const entries: SetupEntries = { environments, placements };
  if (value.defaults !== undefined) entries.defaults = value.defaults;
  return { ok: true, entries };
}

/**
 * Looks at every value once: nesting, prototype keys, and text that hides characters or carries
 * markup. Only a placement's SVG is markup by nature (it is sanitized again wherever it is drawn),
 * and only a description may break lines, as the QR form allows.
 */
function walk(value: unknown, depth: number, key: string): SetupProblem | undefined {
  if (depth > SETUP_DEPTH_MAX) return 'too-deep';
  if (typeof value === 'string') {
    if (key === 'svg') return undefined;
    return hasControlCharacters(value, key === 'description' ? '\n\r\t' : '') || looksLikeMarkup(value) ? 'hostile' : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [name, item] of Object.entries(value)) {
    if (PROTOTYPE_KEYS.has(name) || hasControlCharacters(name) || looksLikeMarkup(name)) return 'hostile';
    const problem = walk(item, depth + 1, name);
    if (problem) return problem;
  }
  return undefined;
}

/** Counted on the text, before parsing: a parser can run out of stack on a file of a million "[". */
function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      if (++depth > max + 1) return true;
    } else if (char === ']' || char === '}') depth--;
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
