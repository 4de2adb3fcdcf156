// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { EnvironmentView, SettingsView } from '../../../src/shared/messages';
import { environmentList, settingsView, stagingView } from '../ui/fixtures';
import { renderOptions } from './render-options';

// The browser policy's environment: listed only in the worker's full answers, which wait for the policy.
const team: EnvironmentView = { ...stagingView, id: 'managed-Team', name: 'Team', managed: true, clientId: 'team-client' };

function held<T>() {
  let release: (value: T) => void = () => undefined;
  const answer = new Promise<T>((resolve) => (release = resolve));
  return { answer: () => answer, release };
}

/** Options whose full answers wait (for the policy) until released; the quick one answers at once. */
async function openWithPolicyPending(selected: string) {
  const list = held<EnvironmentView[]>();
  const settings = held<SettingsView>();
  const rendered = await renderOptions({
    awaitAnswers: false,
    answers: {
      'ui-bg-first-paint': { settings: settingsView({ selectedEnvironmentId: selected }), environments: environmentList() },
      'ui-bg-environments-list': list.answer,
      'ui-bg-settings-get': settings.answer,
    },
  });
  const release = () => {
    list.release([...environmentList(), team]);
    settings.release(settingsView({ selectedEnvironmentId: selected }));
  };
  return { ...rendered, release };
}

const editorHeading = (name: string) => screen.findByRole('heading', { name, level: 2 });
const navigation = () => screen.getByRole('navigation', { name: 'Environments' });

describe('Options before the browser policy is read', () => {
  it('is shown at once with what the worker has, then lists the policy’s environment and opens it when it is the one in use', async () => {
    const { release } = await openWithPolicyPending(team.id);
    // Painted while the full answers still wait: the Sandbox in the editor, the policy's environment not listed yet.
    expect(await editorHeading('Sandbox')).toBeTruthy();
    expect(navigation().textContent).not.toContain('Team');
    release();
    expect(await editorHeading('Team')).toBeTruthy();
    expect(navigation().textContent).toContain('Team');
  });

  it('leaves the environment opened meanwhile open', async () => {
    const { release } = await openWithPolicyPending(team.id);
    await editorHeading('Sandbox');
    fireEvent.click(screen.getByRole('button', { name: /^Staging/ }));
    expect(await editorHeading('Staging')).toBeTruthy();
    release();
    await waitFor(() => expect(navigation().textContent).toContain('Team'));
    expect(screen.getByRole('heading', { name: 'Staging', level: 2 })).toBeTruthy();
  });

  it('opens the environment in use at once when it is not the policy’s', async () => {
    const { release } = await openWithPolicyPending(stagingView.id);
    expect(await editorHeading('Staging')).toBeTruthy();
    release();
    await waitFor(() => expect(navigation().textContent).toContain('Team'));
    expect(screen.getByRole('heading', { name: 'Staging', level: 2 })).toBeTruthy();
  });
});
