// Saving the environment in the editor: its address and paths (custom ones), then its credentials and
// whether its first call in a popup session asks first, and the host permission the browser must grant, asked for inside the click.
import type { ReadonlySignal, Signal } from '@preact/signals';
import { baseUrlProblem, needsHostPermission, originPattern } from '../core/environments';
import type { EnvironmentView } from '../shared/messages';
import type { SendMessage } from '../shared/send-message';
import type { ErrorView } from '../ui/error-view';
import { optionsErrorView } from './options-error-view';
import { t } from '../shared/i18n';
import type { EditorState } from './editor-state';
import { environmentErrorText } from './environment-error-text';

export interface OptionsPorts {
  /** Must be called inside the click that asked for it: browsers require the user gesture. */
  requestHostPermission(originPattern: string): Promise<boolean>;
}

export interface SaveFlowDeps {
  send: SendMessage;
  ports: OptionsPorts;
  editor: EditorState;
  selectedId: Signal<string | undefined>;
  selected: ReadonlySignal<EnvironmentView | undefined>;
  saving: Signal<boolean>;
  editorError: Signal<ErrorView | null>;
  editorWarning: Signal<string>;
  editorStatus: Signal<string>;
  /** Reads the environments again; `keepFields` leaves what is typed in the editor alone. */
  refresh: (keepFields: boolean) => Promise<void>;
}

export function createSaveFlow(deps: SaveFlowDeps) {
  const { send, ports, editor, selectedId, selected, saving, editorError, editorWarning, editorStatus, refresh } = deps;

  async function finishSave(permission: Promise<boolean> | undefined, host: string) {
    saving.value = true;
    try {
      // Read as the user pressed Save. Told after saving too: the background drops a secret saved
      // for another origin or client ID.
      const binding = editor.secretBindingChange.value;
      const dropsSecret = (binding.origin !== undefined || binding.clientId !== undefined) && editor.clientSecret.value.trim() === '';
      const confirmFirstCall = editor.confirmFirstCall.value;
      const confirmChanged = confirmFirstCall !== (selected.value?.confirmFirstCall ?? false);
      const granted = permission ? await permission.catch(() => false) : true;
      let id = editor.id.value;
      if (editor.kind.value === 'custom' && !editor.managed.value) {
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
      if (id !== undefined && confirmChanged) await send('ui-bg-settings-save', { confirmFirstCall: { environmentId: id, on: confirmFirstCall } });
      await refresh(false);
      editorStatus.value = t('statusSaved');
      editorWarning.value = [
        granted ? '' : t('permissionNotGranted', host),
        dropsSecret && selected.value?.secretSet === false ? t('secretRemovedOnSave') : '',
      ]
        .filter(Boolean)
        .join(' ');
    } catch (e) {
      editorError.value = optionsErrorView(e);
    } finally {
      saving.value = false;
    }
  }

  return {
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
      const managed = editor.managed.value;
      const custom = editor.kind.value === 'custom' && !managed;
      if ((custom && !checked.ok) || editor.clientIdMissing.value) return false;
      // A managed environment's address is the policy's, which the worker has checked; it still needs access.
      const address = managed ? editor.baseUrl.value : custom && checked.ok ? checked.environment.baseUrl : undefined;
      let permission: Promise<boolean> | undefined;
      let host = '';
      if (address !== undefined && needsHostPermission(address)) {
        host = new URL(address).host;
        permission = ports.requestHostPermission(originPattern(address));
      }
      void finishSave(permission, host);
      return true;
    },

    /** For a stored environment whose host the browser has not granted yet. */
    grantAccess: () => grantAccess(deps),
  };
}

function grantAccess({ ports, selected, editorWarning, editorError, refresh }: SaveFlowDeps) {
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
    .catch((e: unknown) => (editorError.value = optionsErrorView(e)));
}
