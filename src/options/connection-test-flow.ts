// "Test connection" tests what the form holds, unsaved: its address, paths, client ID and typed
// secret (the worker adds the stored secret only where it was saved for). A host the browser has not
// granted yet is asked for inside the click, as saving does; nothing is saved either way.
import type { ReadonlySignal, Signal } from '@preact/signals';
import { needsHostPermission, originPattern } from '../core/environments';
import type { ConnectionTestForm } from '../shared/contracts/ui-checks';
import type { ConnectionTestResult, EnvironmentView } from '../shared/messages';
import type { SendMessage } from '../shared/send-message';
import type { ErrorView } from '../ui/error-view';
import type { EditorState } from './editor-state';
import { optionsErrorView } from './options-error-view';
import type { OptionsPorts } from './save-flow';

export type ConnectionState =
  | { state: 'idle' | 'testing' }
  /** `unsaved`: what was tested differs from what is saved, and the page says so. */
  | { state: 'ok'; result: ConnectionTestResult; unsaved: boolean }
  | { state: 'error'; error: ErrorView };

export interface ConnectionTestDeps {
  send: SendMessage;
  ports: OptionsPorts;
  editor: EditorState;
  selected: ReadonlySignal<EnvironmentView | undefined>;
  connection: Signal<ConnectionState>;
}

/** Synchronous up to the permission request, which must happen inside the click. */
export function testFormConnection({ send, ports, editor, selected, connection }: ConnectionTestDeps): void {
  if (connection.value.state === 'testing') return;
  const custom = editor.kind.value === 'custom';
  const checked = editor.validation.value;
  // The address must be one that could be saved: the fields say what is wrong, as Save would.
  if (custom && !checked.ok) {
    editor.submitted.value = true;
    connection.value = { state: 'idle' };
    return;
  }
  const baseUrl = custom && checked.ok ? checked.environment.baseUrl : editor.baseUrl.value;
  const permission =
    custom && needsHostPermission(baseUrl) ? ports.requestHostPermission(originPattern(baseUrl)).catch(() => false) : Promise.resolve(true);
  const form: ConnectionTestForm = { baseUrl, tokenPath: editor.tokenPath.value, clientId: editor.clientId.value };
  const id = editor.id.value;
  if (id !== undefined) form.environmentId = id;
  const secret = editor.clientSecret.value.trim();
  if (secret !== '') form.clientSecret = secret;
  const stored = selected.value;
  const unsaved = stored === undefined || !editor.unchangedFrom(stored);
  const testing: ConnectionState = { state: 'testing' };
  connection.value = testing;
  // A refused grant is not an answer of its own: the worker then says the host is not granted.
  void permission
    .then(() => send('ui-bg-connection-test', form))
    .then(
      (result): ConnectionState => ({ state: 'ok', result, unsaved }),
      (e: unknown): ConnectionState => ({ state: 'error', error: optionsErrorView(e) }),
    )
    // Another environment opened meanwhile resets the state: this answer is not about it.
    .then((state) => {
      if (connection.value === testing) connection.value = state;
    });
}
