// What Options opens with. Chromium's first read of the browser policy after it starts takes seconds,
// and the worker's full answers (environments, settings) wait for it: the page paints first from
// what the worker has without the policy, then the full answers add the policy's environments.
import type { ReadonlySignal, Signal } from '@preact/signals';
import type { ManagedRefusal, ManagedSecretIgnored } from '../core/managed-environments';
import type { EnvironmentView, SettingsView } from '../shared/messages';
import type { SendMessage } from '../shared/send-message';
import type { ErrorView } from '../ui/error-view';
import type { DefaultsState } from './defaults-state';
import type { EditorState } from './editor-state';
import { optionsErrorView } from './options-error-view';

export interface LoadDeps {
  send: SendMessage;
  environments: Signal<EnvironmentView[]>;
  managedRefused: Signal<ManagedRefusal[]>;
  managedSecretsIgnored: Signal<ManagedSecretIgnored[]>;
  defaults: DefaultsState;
  problem: Signal<ErrorView | null>;
  selectedId: ReadonlySignal<string | undefined>;
  editor: Pick<EditorState, 'unchangedFrom'>;
  select: (id: string | undefined) => void;
  /** The page can be shown: called once, as soon as it has what it shows. */
  paint: () => void;
}

/** The environment the settings name, when the list has it; else the built-in Sandbox. */
const opening = (list: readonly EnvironmentView[], saved: string | undefined) => (list.some((e) => e.id === saved) ? saved : 'sandbox');

/** Paints as soon as it can, then brings in the full answers; what could not be read is said once. */
export async function loadPage(deps: LoadDeps): Promise<void> {
  const { send, environments, defaults, select } = deps;
  const answers = Promise.allSettled([send('ui-bg-environments-list', undefined), send('ui-bg-settings-get', undefined)]);
  const quick = send('ui-bg-first-paint', undefined).catch(() => undefined);
  const first = await Promise.race([quick, answers.then(() => undefined)]);
  if (first) {
    environments.value = first.environments;
    defaults.load(first.settings.defaults);
    select(opening(first.environments, first.settings.selectedEnvironmentId));
    deps.paint();
  }
  const [list, settings] = await answers;
  const answered = settings.status === 'fulfilled' ? settings.value : undefined;
  if (list.status === 'fulfilled') takeList(deps, list.value, answered, first !== undefined);
  if (answered) {
    if (first) defaults.follow(answered.defaults);
    else defaults.load(answered.defaults);
    deps.managedRefused.value = answered.managedRefused;
    deps.managedSecretsIgnored.value = answered.managedSecretsIgnored;
  }
  const failed = [list, settings].find((r) => r.status === 'rejected');
  if (failed) deps.problem.value = optionsErrorView(failed.reason);
  if (!first) {
    select(opening(environments.value, answered?.selectedEnvironmentId));
    deps.paint();
  }
}

/**
 * The full list, with the policy's environments. After a first paint without them, the environment
 * in use is opened once it is listed, as long as nothing was chosen or typed meanwhile.
 */
function takeList(deps: LoadDeps, list: EnvironmentView[], settings: SettingsView | undefined, painted: boolean): void {
  const shownBefore = deps.environments.value.find((e) => e.id === deps.selectedId.value);
  deps.environments.value = list;
  if (!painted) return;
  const wanted = opening(list, settings?.selectedEnvironmentId);
  const untouched = shownBefore !== undefined && deps.selectedId.value === 'sandbox' && deps.editor.unchangedFrom(shownBefore);
  if (wanted !== deps.selectedId.value && untouched) deps.select(wanted);
}
