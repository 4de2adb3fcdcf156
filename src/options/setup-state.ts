// The options page's "Share the set-up": writing the set-up file, and reading one back with a report
// of what each entry did. A file refused as a whole gets one message and changes nothing.
import { computed, signal } from '@preact/signals';
import { type MessageKey, t } from '../shared/i18n';
import type { SendMessage } from '../shared/send-message';
import type { ErrorView } from '../ui/error-view';
import { optionsErrorView } from './options-error-view';
import { readSetupFile, SETUP_FILE_MAX_BYTES, type SetupProblem, setupFile, setupFileName } from './setup-file';
import { type ImportLine, importSetup } from './setup-import';

export interface SetupPorts {
  /** Hands the text to the browser as a download of that name. */
  saveFile(name: string, text: string): void;
  now(): Date;
}

const PROBLEM_TEXT: Readonly<Record<SetupProblem | 'unreadable', MessageKey>> = {
  'too-large': 'importProblemTooLarge',
  'not-json': 'importProblemNotJson',
  'not-setup': 'importProblemNotSetup',
  'newer-version': 'importProblemNewerVersion',
  'too-many': 'importProblemTooMany',
  'too-deep': 'importProblemTooDeep',
  hostile: 'importProblemHostile',
  unreadable: 'importProblemUnreadable',
};

/** What a file picker hands over: its size is known before a byte is read. */
export interface PickedFile {
  size: number;
  text(): Promise<string>;
}

export function createSetupState(send: SendMessage, ports: SetupPorts) {
  const exporting = signal(false);
  const importing = signal(false);
  const error = signal<ErrorView | null>(null);
  /** The one message of a file refused as a whole. */
  const problem = signal('');
  const report = signal<ImportLine[]>([]);
  const status = signal('');
  const count = (outcome: ImportLine['outcome']) => report.value.filter((line) => line.outcome === outcome).length;
  const summary = computed(() => (report.value.length === 0 ? '' : t('importSummary', count('taken'), count('kept'), count('refused'))));

  function start() {
    error.value = null;
    problem.value = '';
    status.value = '';
    report.value = [];
  }

  return {
    exporting,
    importing,
    error,
    problem,
    report,
    status,
    summary,

    async exportSetup() {
      start();
      exporting.value = true;
      try {
        const [environments, settings, placements] = await Promise.all([
          send('ui-bg-environments-list', undefined),
          send('ui-bg-settings-get', undefined),
          send('ui-bg-placements-all', undefined),
        ]);
        const now = ports.now();
        const name = setupFileName(now);
        ports.saveFile(name, `${JSON.stringify(setupFile(environments, settings.defaults, placements, now), null, 2)}\n`);
        status.value = t('statusSetupExported', name);
      } catch (e) {
        error.value = optionsErrorView(e);
      } finally {
        exporting.value = false;
      }
    },

    async importFile(file: PickedFile) {
      start();
      importing.value = true;
      try {
        let text: string | undefined;
        if (file.size <= SETUP_FILE_MAX_BYTES) text = await file.text().catch(() => undefined);
        const read = text === undefined ? { ok: false as const, problem: file.size > SETUP_FILE_MAX_BYTES ? ('too-large' as const) : ('unreadable' as const) } : readSetupFile(text);
        if (!read.ok) {
          problem.value = t(PROBLEM_TEXT[read.problem]);
          return;
        }
        report.value = await importSetup(send, read.entries);
      } catch (e) {
        error.value = optionsErrorView(e);
      } finally {
        importing.value = false;
      }
    },
  };
}

export type SetupState = ReturnType<typeof createSetupState>;
