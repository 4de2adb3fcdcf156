// The options page's state: signals built by a factory from the messaging and permission ports
// it is given, and handed to components through context.
import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { baseUrlProblem, needsHostPermission, originPattern } from '../core/environments';
import type { ConnectionTestResult, EnvironmentView } from '../shared/messages';
import type { SendMessage } from '../shared/send-message';
import { type ErrorView, toErrorView } from '../ui/error-view';
import { t } from '../shared/i18n';
import { createDefaultsState } from './defaults-state';
import { createEditorState } from './editor-state';
import { environmentErrorText } from './environment-error-text';

export interface OptionsPorts {
  /** Must be called inside the click that asked for it: browsers require the user gesture. */
  requestHostPermission(originPattern: string): Promise<boolean>;
}

export interface OptionsStoreDeps {
  send: SendMessage;
  ports: OptionsPorts;
}

export type ConnectionState =
  | { state: 'idle' | 'testing' }
  | { state: 'ok'; result: ConnectionTestResult }
  | { state: 'error'; error: ErrorView };

export function createOptionsStore({ send, ports }: OptionsStoreDeps) {
  const ready = signal(false);
  const problem = signal<ErrorView | null>(null);
  const environments = signal<EnvironmentView[]>([]);
  /** undefined while adding a new environment. */
  const selectedId = signal<string | undefined>('sandbox');
  const selected = computed(() => environments.value.find((e) => e.id === selectedId.value));
  const editor = createEditorState();
  const defaults = createDefaultsState(send);
  const saving = signal(false);
  const editorError = signal<ErrorView | null>(null);
  const editorWarning = signal('');
  const editorStatus = signal('');
  const connection = signal<ConnectionState>({ state: 'idle' });

  function select(id: string | undefined) {
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

  async function finishSave(permission: Promise<boolean> | undefined, host: string) {
    saving.value = true;
    try {
      // Read as the user pressed Save. Told after saving too: the background drops a secret saved
      // for another origin or client ID.
      const binding = editor.secretBindingChange.value;
      const dropsSecret = (binding.origin !== undefined || binding.clientId !== undefined) && editor.clientSecret.value.trim() === '';
      const granted = permission ? await permission.catch(() => false) : true;
      let id = editor.id.value;
      if (editor.kind.value === 'custom') {
        id = (await send('ui-bg-environment-save', editor.input.value)).id;
        // From here on the environment exists: select it without touching what was typed.
        editor.id.value = id;
        selectedId.value = id;
        await refresh(true);
      }
      if (id !== undefined && editor.kind.value !== 'sandbox' && editor.credentialsChanged.value) {
        const secret = editor.clientSecret.value.trim();
        const clientId = editor.clientId.value.trim();
        // An empty secret is left out: the background then keeps the stored one.
        await send('ui-bg-credentials-set', secret ? { environmentId: id, clientId, clientSecret: secret } : { environmentId: id, clientId });
      }
      await refresh(false);
      editorStatus.value = t('statusSaved');
      editorWarning.value = [
        granted ? '' : t('permissionNotGranted', host),
        dropsSecret && selected.value?.secretSet === false ? t('secretRemovedOnSave') : '',
      ]
        .filter(Boolean)
        .join(' ');
    } catch (e) {
      editorError.value = toErrorView(e);
    } finally {
      saving.value = false;
    }
  }

  return {
    ready,
    problem,
    environments,
    selectedId,
    selected,
    editor,
    defaults,
    saving,
    editorError,
    editorWarning,
    editorStatus,
    connection,
    select,

    async init() {
      const [list, settings] = await Promise.allSettled([send('ui-bg-environments-list', undefined), send('ui-bg-settings-get', undefined)]);
      if (list.status === 'fulfilled') environments.value = list.value;
      if (settings.status === 'fulfilled') defaults.load(settings.value.defaults);
      const failed = [list, settings].find((r) => r.status === 'rejected');
      if (failed) problem.value = toErrorView(failed.reason);
      const saved = settings.status === 'fulfilled' ? settings.value.selectedEnvironmentId : undefined;
      select(environments.value.some((e) => e.id === saved) ? saved : 'sandbox');
      ready.value = true;
    },

    /**
     * Synchronous up to the permission request, which must happen inside the click; false when a
     * field needs fixing first (nothing is sent, nothing typed is lost).
     */
    save(): boolean {
      if (saving.value) return true;
      editor.submitted.value = true;
      editorError.value = null;
      editorWarning.value = '';
      editorStatus.value = '';
      const checked = editor.validation.value;
      const custom = editor.kind.value === 'custom';
      if ((custom && !checked.ok) || editor.clientIdMissing.value) return false;
      let permission: Promise<boolean> | undefined;
      let host = '';
      if (custom && checked.ok && needsHostPermission(checked.environment.baseUrl)) {
        host = new URL(checked.environment.baseUrl).host;
        permission = ports.requestHostPermission(originPattern(checked.environment.baseUrl));
      }
      void finishSave(permission, host);
      return true;
    },

    /** For a stored environment whose host the browser has not granted yet. */
    grantAccess() {
      const environment = selected.value;
      if (!environment) return;
      // One saved before host names were checked: the browser is never asked for such a host.
      const problem = baseUrlProblem(environment.baseUrl);
      if (problem) {
        editorWarning.value = environmentErrorText('baseUrl', problem, environment.name);
        return;
      }
      const asked = ports.requestHostPermission(originPattern(environment.baseUrl));
      void asked
        .then(async (granted) => {
          await refresh(true);
          editorWarning.value = granted ? '' : t('permissionNotGranted', new URL(environment.baseUrl).host);
        })
        .catch((e: unknown) => (editorError.value = toErrorView(e)));
    },

    async remove() {
      const id = selectedId.value;
      if (id === undefined) return;
      try {
        environments.value = await send('ui-bg-environment-delete', { id });
        select('sandbox');
        editorStatus.value = t('statusDeleted');
      } catch (e) {
        editorError.value = toErrorView(e);
      }
    },

    async clearCredentials() {
      const id = selectedId.value;
      if (id === undefined) return;
      try {
        await send('ui-bg-credentials-clear', { environmentId: id });
        await refresh(false);
        editorStatus.value = t('statusCredentialsCleared');
      } catch (e) {
        editorError.value = toErrorView(e);
      }
    },

    async testConnection() {
      const id = selectedId.value;
      if (id === undefined) return;
      connection.value = { state: 'testing' };
      try {
        connection.value = { state: 'ok', result: await send('ui-bg-connection-test', { environmentId: id }) };
      } catch (e) {
        connection.value = { state: 'error', error: toErrorView(e) };
      }
    },
  };
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;

export const OptionsStoreContext = createContext<OptionsStore | null>(null);

export function useOptionsStore(): OptionsStore {
  const store = useContext(OptionsStoreContext);
  if (!store) throw new Error('useOptionsStore needs an <OptionsStoreContext.Provider>.');
  return store;
}
