// Copying the token call and the image call: the worker says what they are, the text is made here.
// This module, cURL and the code generator load with the first copy, not with the popup.
import type { SnippetLanguage } from '../core/snippet-languages';
import type { SendMessage } from '../shared/send-message';
import type { PopupPorts } from './ports';

export type CopyLanguage = SnippetLanguage | 'curl';

/** What the view that offers the copy says about it (worded there, where the language names are). */
export interface CopyWording {
  /** The status after copying. */
  status: string;
  /** Comments above the worker's own notes. */
  notes?: string[];
}

const loadWriter = (language: CopyLanguage) =>
  language === 'curl'
    ? import('../core/curl').then((m) => m.curlCommands)
    : import('../core/code-snippets').then((m) => m.codeSnippet.bind(null, language));

/** Copies the latest image call, or the given log entry, with its token call; answers the status to show. */
export async function copyCalls(
  deps: { send: SendMessage; ports: PopupPorts },
  which: { logEntryId?: string },
  language: CopyLanguage,
  wording: CopyWording,
): Promise<string> {
  const [calls, write] = await Promise.all([deps.send('ui-bg-calls-get', language === 'curl' ? which : { ...which, program: true }), loadWriter(language)]);
  await deps.ports.copyText(write({ ...calls, notes: { ...calls.notes, before: [...(wording.notes ?? []), ...calls.notes.before] } }));
  return wording.status;
}
