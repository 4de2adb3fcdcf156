// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { params, productionView, sandboxView, settingsView, stagingView } from '../ui/fixtures';
import { renderOptions } from './render-options';

const list = () => screen.getByRole('navigation', { name: 'Environments' });
const names = () => within(list()).getAllByRole('button').map((b) => b.textContent);
const choose = (name: string) => fireEvent.click(within(list()).getByRole('button', { name: new RegExp(name) }));
const editorField = (label: string) => screen.getByLabelText(label, { selector: 'form.editor input' }) as HTMLInputElement;
const defaultsField = (label: string) => within(screen.getByRole('form', { name: 'Defaults' })).getByLabelText(label) as HTMLInputElement;

describe('Options follows changes made in another tab or the popup', () => {
  it('lists an environment added elsewhere and shows a rename in the editor nobody typed in', async () => {
    const { messaging, changeStorage } = await renderOptions();
    choose('Staging');
    messaging.answers['ui-bg-environments-list'] = [sandboxView, productionView, { ...stagingView, name: 'Acceptance', secretSet: true }];
    changeStorage('settings');
    await waitFor(() => expect(names()).toContain('AcceptanceCUSTOM'));
    expect(editorField('Name').value).toBe('Acceptance');
  });

  it('leaves what is typed in the editor alone', async () => {
    const { messaging, changeStorage } = await renderOptions();
    choose('Staging');
    fireEvent.input(editorField('Base URL'), { target: { value: 'https://typed.example.com' } });
    messaging.answers['ui-bg-environments-list'] = [sandboxView, productionView, { ...stagingView, name: 'Acceptance' }];
    changeStorage('settings');
    await waitFor(() => expect(names()).toContain('AcceptanceCUSTOM'));
    expect(editorField('Base URL').value).toBe('https://typed.example.com');
    expect(editorField('Name').value).toBe('Staging');
  });

  it('closes an environment deleted elsewhere and says so', async () => {
    const { messaging, changeStorage } = await renderOptions();
    choose('Staging');
    messaging.answers['ui-bg-environments-list'] = [sandboxView, productionView];
    changeStorage('settings');
    expect(await screen.findByText('The environment “Staging” was deleted in another window.')).toBeTruthy();
    expect(within(list()).getByRole('button', { name: /Sandbox/ }).getAttribute('aria-current')).toBe('true');
    expect(names()).not.toContain('StagingCUSTOM');
  });

  it('reads the environments again when a secret changed, so “secret set” follows', async () => {
    const { messaging, changeStorage } = await renderOptions();
    changeStorage('secretsChanged');
    await waitFor(() => expect(messaging.sent('ui-bg-environments-list')).toHaveLength(2));
  });

  it('follows a change of the browser policy (storage.managed): its environments and the refused ones', async () => {
    const { messaging, changeStorage } = await renderOptions();
    const team = { ...stagingView, id: 'managed-Team', name: 'Team', managed: true as const, clientId: 'team-client' };
    messaging.answers['ui-bg-environments-list'] = [sandboxView, productionView, stagingView, team];
    messaging.answers['ui-bg-settings-get'] = settingsView({ managedRefused: [{ entry: 2, name: 'Plain', field: 'baseUrl', code: 'insecure-http' }] });
    changeStorage('environments');
    expect(await within(list()).findByRole('button', { name: /Team \(managed by your organization\)/ })).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).toContain('Managed environment 2 (“Plain”): refused. Use https://');
  });

  it('puts defaults saved elsewhere in a defaults form nobody edited, not in an edited one', async () => {
    const { messaging, changeStorage } = await renderOptions();
    messaging.answers['ui-bg-settings-get'] = settingsView({ defaults: { params: params({ title: 'From elsewhere' }), historySize: 9, keepHistory: true } });
    changeStorage('settings');
    await waitFor(() => expect(defaultsField('Title').value).toBe('From elsewhere'));
    expect(defaultsField('History size').value).toBe('9');
    fireEvent.input(defaultsField('Title'), { target: { value: 'Mine' } });
    messaging.answers['ui-bg-settings-get'] = settingsView({ defaults: { params: params({ title: 'Again' }), historySize: 9, keepHistory: true } });
    changeStorage('settings');
    await waitFor(() => expect(messaging.sent('ui-bg-settings-get')).toHaveLength(3));
    expect(defaultsField('Title').value).toBe('Mine');
  });
});
