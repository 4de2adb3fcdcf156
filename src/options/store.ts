// The options page's state: signals built by a factory from the messaging and permission ports
// it is given, and handed to components through context.
import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ManagedRefusal, ManagedSecretIgnored } from '../core/managed-environments';
import type { EnvironmentView } from '../shared/messages';
import type { SendMessage } from '../shared/send-message';
import type { ErrorView } from '../ui/error-view';
import { optionsErrorView } from './options-error-view';
import { t } from '../shared/i18n';
import { followStorage, type WatchStorage } from '../ui/live';
import { type ConnectionState, type ConnectionTestDeps, testFormConnection } from './connection-test-flow';
import { createDefaultsState, type DefaultsState } from './defaults-state';
import { createEditorState, type EditorState, hasEdits } from './editor-state';
import { loadPage } from './page-load';
import { createSaveFlow, type OptionsPorts as SavePorts } from './save-flow';
import { createSetupState, type SetupPorts } from './setup-state';

export interface OptionsPorts extends SavePorts, SetupPorts {
  /** Storage changes made anywhere: the signal that keeps the page current (ui/live.ts). */
  watchStorage: WatchStorage;
}

export interface OptionsStoreDeps {
  send: SendMessage;
  ports: OptionsPorts;
}

export type { ConnectionState } from './connection-test-flow';

export function createOptionsStore({ send, ports }: OptionsStoreDeps) {
  const ready = signal(false);
  const problem = signal<ErrorView | null>(null);
  const environments = signal<EnvironmentView[]>([]);
  const managedRefused = signal<ManagedRefusal[]>([]);
  const managedSecretsIgnored = signal<ManagedSecretIgnored[]>([]);
  /** undefined while adding a new environment. */
  const selectedId = signal<string | undefined>('sandbox');
  const selected = computed(() => environments.value.find((e) => e.id === selectedId.value));
  const editor = createEditorState();
  const defaults = createDefaultsState(send);
  const saving = signal(false);
  const editorError = signal<ErrorView | null>(null);
  const [editorWarning, editorStatus] = [signal(''), signal('')];
  const connection = signal<ConnectionState>({ state: 'idle' });
  /** Where the user asked to go while the editor held unsaved edits; `to` undefined is a new environment. */
  const pendingSwitch = signal<{ to: string | undefined } | null>(null);

  /**
   * Changes only when another environment is opened: a new one that is saved stays the same editor,
   * so the focus stays on Save.
   */
  const editorSession = signal(0);

  function select(id: string | undefined) {
    pendingSwitch.value = null;
    if (id !== selectedId.value) editorSession.value++;
    selectedId.value = id;
    editor.load(id === undefined ? undefined : environments.value.find((e) => e.id === id), environments.value);
    editorError.value = null;
    editorWarning.value = '';
    editorStatus.value = '';
    connection.value = { state: 'idle' };
  }

  async function refresh(keepFields: boolean) {
    environments.value = await send('ui-bg-environments-list', undefined);
    if (!keepFields) select(selectedId.value);
  }

  const flow = createSaveFlow({ send, ports, editor, selectedId, selected, saving, editorError, editorWarning, editorStatus, refresh });
  const follow = () => followElsewhere({ send, environments, managedRefused, managedSecretsIgnored, selected, editor, defaults, saving, select, editorWarning });

  return {
    ready,
    problem,
    environments,
    managedRefused,
    managedSecretsIgnored,
    selectedId,
    selected,
    editorSession,
    editor,
    defaults,
    setup: createSetupState(send, ports),
    saving,
    editorError,
    editorWarning,
    editorStatus,
    connection,
    pendingSwitch,
    select,
    ...flow,
    ...formActions(flow, { send, ports, editor, selected, connection }, { editorError, editorStatus }),
    ...switchActions({ selectedId, selected, editor, pendingSwitch, select }),

    async init() {
      const paint = () => void (ready.value = true);
      await loadPage({ send, environments, managedRefused, managedSecretsIgnored, defaults, problem, selectedId, editor, select, paint });
      followStorage(ports.watchStorage, { environments: follow });
    },

    ...environmentActions({ send, selectedId, environments, select, refresh, editorStatus, editorError }),
  };
}

interface SwitchDeps {
  selectedId: ReadonlySignal<string | undefined>;
  selected: ReadonlySignal<EnvironmentView | undefined>;
  editor: EditorState;
  pendingSwitch: Signal<{ to: string | undefined } | null>;
  select: (id: string | undefined) => void;
}

/** Opening another environment (or a new one) asks first rather than drop what is typed. */
function switchActions({ selectedId, selected, editor, pendingSwitch, select }: SwitchDeps) {
  return {
    open(id: string | undefined) {
      if (id !== undefined && id === selectedId.value) return;
      if (hasEdits(editor, selected.value)) pendingSwitch.value = { to: id };
      else select(id);
    },
    keepEditing: () => void (pendingSwitch.value = null),
    discardAndSwitch() {
      const target = pendingSwitch.value;
      if (target) select(target.to);
    },
  };
}

/**
 * Save and Test connection show one outcome under the form at a time, the latest action's: an
 * earlier test's answer beside a save's error (or the other way round) would speak of a form that
 * has changed since.
 */
function formActions(flow: { save(): boolean }, test: ConnectionTestDeps, outcomes: { editorError: Signal<ErrorView | null>; editorStatus: Signal<string> }) {
  return {
    save() {
      test.connection.value = { state: 'idle' };
      return flow.save();
    },
    testConnection() {
      outcomes.editorError.value = null;
      outcomes.editorStatus.value = '';
      testFormConnection(test);
    },
  };
}

interface ActionDeps {
  send: SendMessage;
  selectedId: ReadonlySignal<string | undefined>;
  environments: Signal<EnvironmentView[]>;
  select: (id: string | undefined) => void;
  refresh: (keepFields: boolean) => Promise<void>;
  editorStatus: Signal<string>;
  editorError: Signal<ErrorView | null>;
}

/** Delete and clear credentials of the environment in the editor. */
function environmentActions({ send, selectedId, environments, select, refresh, editorStatus, editorError }: ActionDeps) {
  /** Runs an action on the environment in the editor, reporting failure there. */
  const onSelected = (action: (id: string) => Promise<void>) => async () => {
    const id = selectedId.value;
    if (id !== undefined) await action(id).catch((e: unknown) => void (editorError.value = optionsErrorView(e)));
  };
  return {
    remove: onSelected(async (id) => {
      environments.value = await send('ui-bg-environment-delete', { id });
      select('sandbox');
      editorStatus.value = t('statusDeleted');
    }),
    clearCredentials: onSelected(async (id) => {
      await send('ui-bg-credentials-clear', { environmentId: id });
      await refresh(false);
      editorStatus.value = t('statusCredentialsCleared');
    }),
  };
}

interface FollowDeps {
  send: SendMessage;
  environments: Signal<EnvironmentView[]>;
  selected: ReadonlySignal<EnvironmentView | undefined>;
  editor: EditorState;
  managedRefused: Signal<ManagedRefusal[]>;
  managedSecretsIgnored: Signal<ManagedSecretIgnored[]>;
  defaults: DefaultsState;
  saving: ReadonlySignal<boolean>;
  select: (id: string | undefined) => void;
  editorWarning: Signal<string>;
}

/**
 * What another Options tab or the popup changed: the list, the environment in the editor (unless
 * something is typed there or being saved), the defaults. An environment deleted elsewhere while
 * open here is closed, and the page says so.
 */
async function followElsewhere({ send, environments, managedRefused, managedSecretsIgnored, selected, editor, defaults, saving, select, editorWarning }: FollowDeps) {
  const [list, settings] = await Promise.all([send('ui-bg-environments-list', undefined), send('ui-bg-settings-get', undefined)]);
  const before = selected.value;
  environments.value = list;
  defaults.follow(settings.defaults);
  managedRefused.value = settings.managedRefused;
  managedSecretsIgnored.value = settings.managedSecretsIgnored;
  if (saving.value || before === undefined) return;
  const now = list.find((e) => e.id === before.id);
  if (!now) {
    select('sandbox');
    editorWarning.value = t('environmentDeletedElsewhere', before.name);
  } else if (editor.unchangedFrom(before)) {
    editor.load(now, list);
  }
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;

export const OptionsStoreContext = createContext<OptionsStore | null>(null);

export function useOptionsStore(): OptionsStore {
  const store = useContext(OptionsStoreContext);
  if (!store) throw new Error('useOptionsStore needs an <OptionsStoreContext.Provider>.');
  return store;
}
