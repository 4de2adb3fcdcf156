// The popup's first paint: from the snapshot (snapshot.ts) when there is one, without waiting for the
// worker, which may be stopped; then the worker's answers bring what it showed up to date. With no
// snapshot (the first popup after install, or after the settings changed), it paints what the worker
// has without the browser policy, or the full answers when those come as soon.
import { localDefaultParams } from '../shared/default-texts';
import type { SendMessage } from '../shared/send-message';
import { draftFromParams, type FormDraft } from '../ui/qr-form-state';
import type { PopupPorts } from './ports';
import type { SettingsSync } from './settings-sync';
import { parseSnapshot, type PopupSnapshot, snapshotOf } from './snapshot';

export interface FirstPaintDeps {
  send: SendMessage;
  ports: Pick<PopupPorts, 'loadSnapshot' | 'loadDraft'>;
  settings: SettingsSync;
  /** The form can be shown: called once, as soon as it has what it shows. */
  paint: () => void;
}

/** Resolves once the worker's answers are in the form; with why one of them failed, if one did. */
export async function paintThenReconcile({ send, ports, settings, paint }: FirstPaintDeps): Promise<{ failed?: unknown }> {
  const asked = settings.asking();
  const answers = Promise.allSettled([send('ui-bg-settings-get', undefined), send('ui-bg-environments-list', undefined)]);
  const [stored, draft] = await Promise.all([ports.loadSnapshot().catch(() => undefined), ports.loadDraft().catch(() => undefined)]);
  const fallback = draftFromParams(localDefaultParams());
  const snapshot = parseSnapshot(stored, fallback) ?? (await withoutPolicy(send, answers, fallback));
  if (snapshot) {
    settings.start(snapshot, draft);
    paint();
  }
  const [settingsView, list] = await answers;
  const answered = settingsView.status === 'fulfilled' ? settingsView.value : undefined;
  if (!snapshot) settings.start({ defaults: draftFromParams(answered ? answered.defaults.params : localDefaultParams()) }, draft);
  settings.reconcile(answered, list.status === 'fulfilled' ? list.value : undefined, asked);
  if (!snapshot) paint();
  const rejected = [settingsView, list].find((r) => r.status === 'rejected');
  return rejected ? { failed: rejected.reason } : {};
}

/**
 * The worker's settings and environments without the browser policy's, as a snapshot: Chromium's
 * first policy read after it starts takes seconds, and the full answers wait for it. Undefined when
 * the full answers are in first, or when the environment in use is not in it (a policy's: then the
 * popup waits for the policy).
 */
function withoutPolicy(send: SendMessage, answers: Promise<unknown>, fallback: FormDraft): Promise<PopupSnapshot | undefined> {
  const quick = send('ui-bg-first-paint', undefined).then(
    ({ settings, environments }) => parseSnapshot(snapshotOf(settings, environments, draftFromParams(settings.defaults.params)), fallback),
    () => undefined,
  );
  return Promise.race([quick, answers.then(() => undefined)]);
}

/**
 * Painted from the snapshot, the form may show settings the worker has since changed. The worker drops
 * the snapshot before it changes them, so only the policy's environments can be out of date (a policy
 * changed while the browser was closed): a Generate made for one before the answers are in waits for
 * them (`reconciled`), and `retry` then runs it again on what they brought. Any other environment
 * (`mayWait` false) goes at once, asking first as the snapshot says: the worker checks it anyway, and
 * its answers wait for Chromium's first policy read, seconds after the browser starts. After that,
 * `holds` is the one given (the first-call question).
 */
export function holdUntilReconciled(holds: (start: () => void) => boolean, retry: () => void, mayWait: () => boolean) {
  let done = false;
  let waiting = false;
  return {
    holds(start: () => void): boolean {
      if (done || !mayWait()) return holds(start);
      waiting = true;
      return true;
    },
    reconciled() {
      done = true;
      if (waiting) retry();
      waiting = false;
    },
  };
}
