// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import type { ConnectionTestResult, EnvironmentInput, EnvironmentView } from '../../../src/shared/messages';
import { environmentList, productionView, sandboxView, settingsView, stagingView } from '../ui/fixtures';
import { renderOptions } from './render-options';

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.input(field(label), { target: { value } });
const list = () => screen.getByRole('navigation', { name: 'Environments' });
const choose = (name: string) => fireEvent.click(within(list()).getByRole('button', { name: new RegExp(name) }));
const editor = () => screen.getByRole('form', { name: productionView.name });

/** What the background answers to a save: the stored view of the environment. */
const savedView = (input: EnvironmentInput): EnvironmentView => ({
  ...stagingView,
  id: input.id ?? 'custom-new',
  name: input.name,
  baseUrl: input.baseUrl,
  clientId: '',
});

describe('EnvironmentList', () => {
  it('lists the built-ins and custom environments and opens the saved selection', async () => {
    await renderOptions();
    const names = within(list()).getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual([`${sandboxView.name}SANDBOX`, `${productionView.name}PRODUCTION`, 'StagingCUSTOM', 'Add environment']);
    expect(within(list()).getByRole('button', { name: /Sandbox/ }).getAttribute('aria-current')).toBe('true');
  });
});

describe('Built-in environments', () => {
  it('Sandbox: read-only name and address, and no credentials needed', async () => {
    await renderOptions();
    expect(field('Name').readOnly).toBe(true);
    expect(field('Base URL').readOnly).toBe(true);
    expect(screen.getByText(/The Sandbox needs no credentials/)).toBeTruthy();
    expect(screen.queryByLabelText('Client secret')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('Production: read-only address, editable credentials, the secret never shown', async () => {
    await renderOptions();
    choose(productionView.name);
    expect(field('Name').value).toBe(productionView.name);
    expect(field('Base URL').readOnly).toBe(true);
    expect(field('Client ID').value).toBe('prod-client');
    const secret = field('Client secret');
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(screen.getByText('A secret is set (…ab12). Type a new one to replace it; leave empty to keep it.')).toBeTruthy();
    expect(secret.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('Production: Save sends only the credentials, and an empty secret keeps the stored one', async () => {
    const { messaging } = await renderOptions({ answers: { 'ui-bg-credentials-set': productionView } });
    choose(productionView.name);
    type('Client ID', 'new-client');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(messaging.sent('ui-bg-credentials-set')).toEqual([{ environmentId: 'production', clientId: 'new-client' }]));
    expect(messaging.sent('ui-bg-environment-save')).toEqual([]);
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('Production: Confirm before the first call starts on, is saved with Save, and is unsaved until then', async () => {
    const { messaging } = await renderOptions({ answers: { 'ui-bg-settings-save': settingsView() } });
    choose(productionView.name);
    const confirm = screen.getByRole('checkbox', { name: 'Confirm before the first call of a popup session' }) as HTMLInputElement;
    expect(confirm.checked).toBe(true);
    expect(confirm.getAttribute('aria-describedby')).toBe('confirm-first-call-help');
    fireEvent.click(confirm);
    choose(sandboxView.name);
    expect(await screen.findByRole('button', { name: 'Keep editing' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(messaging.sent('ui-bg-settings-save')).toEqual([{ confirmFirstCall: { environmentId: 'production', on: false } }]));
    expect(messaging.sent('ui-bg-credentials-set')).toEqual([]);
  });

  it('Sandbox offers no confirmation: it creates no real code', async () => {
    await renderOptions();
    expect(screen.queryByRole('checkbox', { name: 'Confirm before the first call of a popup session' })).toBeNull();
  });

  it('"Saved." goes once the form is edited again: it is no longer true of what is shown', async () => {
    await renderOptions({ answers: { 'ui-bg-credentials-set': productionView } });
    choose(productionView.name);
    type('Client secret', 'first-secret');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    type('Client secret', 'second-secret');
    expect(screen.queryByText('Saved.')).toBeNull();
  });

  it('Production: a typed secret is sent once and the field is emptied after saving', async () => {
    const { messaging } = await renderOptions({ answers: { 'ui-bg-credentials-set': productionView } });
    choose(productionView.name);
    type('Client secret', ' s3cret-value ');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(messaging.sent('ui-bg-credentials-set')).toEqual([{ environmentId: 'production', clientId: 'prod-client', clientSecret: 's3cret-value' }]));
    await waitFor(() => expect(field('Client secret').value).toBe(''));
  });

  it('refuses a secret without a client ID, before sending anything', async () => {
    const { messaging } = await renderOptions();
    choose(productionView.name);
    type('Client ID', '');
    type('Client secret', 'abc');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Client ID is required.')).toBeTruthy();
    expect(field('Client ID').getAttribute('aria-invalid')).toBe('true');
    expect(messaging.calls.filter((c) => c.name !== 'ui-bg-environments-list' && c.name !== 'ui-bg-settings-get' && c.name !== 'ui-bg-first-paint')).toEqual([]);
  });
});

describe('Custom environments', () => {
  it('adds one: asks for the host permission, saves, then stores the credentials', async () => {
    const { messaging, ports } = await renderOptions({
      answers: {
        'ui-bg-environment-save': savedView,
        'ui-bg-credentials-set': { ...stagingView, id: 'custom-new' },
        'ui-bg-environments-list': () => environmentList(),
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add environment' }));
    expect(screen.getByRole('heading', { name: 'New environment' })).toBeTruthy();
    type('Name', 'Acceptance');
    type('Base URL', 'https://acc.example.com:8443/api/');
    type('Client ID', 'acc-client');
    type('Client secret', 'acc-secret');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(ports.requestHostPermission).toHaveBeenCalledWith('https://acc.example.com/*');
    await waitFor(() => expect(messaging.sent('ui-bg-credentials-set')).toHaveLength(1));
    expect(messaging.sent('ui-bg-environment-save')).toEqual([{ name: 'Acceptance', baseUrl: 'https://acc.example.com:8443/api/', tokenPath: '', imagePath: '' }]);
    expect(messaging.sent('ui-bg-credentials-set')[0]).toEqual({ environmentId: 'custom-new', clientId: 'acc-client', clientSecret: 'acc-secret' });
  });

  it('keeps the focus on Save when a new one is saved: it stays the same editor, now of the saved environment', async () => {
    const saved = { ...stagingView, id: 'custom-new', name: 'Acceptance', baseUrl: 'http://localhost:8787' };
    let listed = environmentList();
    const { messaging } = await renderOptions({
      answers: {
        'ui-bg-environment-save': () => {
          listed = [...listed, saved];
          return saved;
        },
        'ui-bg-environments-list': () => listed,
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add environment' }));
    type('Name', 'Acceptance');
    type('Base URL', 'http://localhost:8787');
    const save = screen.getByRole('button', { name: 'Save' });
    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(messaging.sent('ui-bg-environment-save')).toHaveLength(1));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Acceptance' })).toBeTruthy();
    expect(document.activeElement).toBe(save);
    expect(save.isConnected).toBe(true);
  });

  it('"Add environment" takes the focus to the new one’s Name; opening an existing one leaves it in the list', async () => {
    await renderOptions();
    const staging = screen.getByRole('button', { name: /^Staging/ });
    staging.focus();
    fireEvent.click(staging);
    await screen.findByRole('heading', { name: 'Staging', level: 2 });
    expect(document.activeElement).toBe(staging);
    fireEvent.click(screen.getByRole('button', { name: 'Add environment' }));
    await screen.findByRole('heading', { name: 'New environment' });
    await waitFor(() => expect(document.activeElement).toBe(field('Name')));
  });

  it('asks no permission for hosts the manifest already covers', async () => {
    const { ports, messaging } = await renderOptions({ answers: { 'ui-bg-environment-save': savedView } });
    fireEvent.click(screen.getByRole('button', { name: 'Add environment' }));
    type('Name', 'Local sandbox');
    type('Base URL', 'http://localhost:8787');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(messaging.sent('ui-bg-environment-save')).toHaveLength(1));
    expect(ports.requestHostPermission).not.toHaveBeenCalled();
    expect(messaging.sent('ui-bg-credentials-set')).toEqual([]);
  });

  it('saves anyway when the permission is refused, and says what that means', async () => {
    await renderOptions({ grant: false, answers: { 'ui-bg-environment-save': savedView } });
    fireEvent.click(screen.getByRole('button', { name: 'Add environment' }));
    type('Name', 'Acceptance');
    type('Base URL', 'https://acc.example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('access to acc.example.com was not granted');
  });

  it.each([
    ['Base URL', 'ftp://files.example.com', 'Base URL must start with https:// or http://.'],
    ['Base URL', 'not a url', 'Base URL must be a full address such as https://api.example.com.'],
    ['Base URL', 'http://api.example.com', 'Use https:// (plain http:// is allowed only for loopback hosts: localhost, 127.0.0.0/8 and [::1]).'],
    ['Base URL', 'https://*.com', 'Base URL must name one host: wildcards such as "*" are not allowed.'],
    ['Base URL', 'https://*', 'Base URL must name one host: wildcards such as "*" are not allowed.'],
    ['Base URL', 'https://api..example.com', 'The host name in the base URL has an empty part between dots (".." or a dot at the start or end).'],
    ['Base URL', 'https://my~api.example.com', 'The host name in the base URL may contain only letters, digits, "-", "_" and dots, not "~".'],
    ['Base URL', 'https://user:pass@api.example.com', 'Base URL must not contain a user name or password.'],
    ['Name', '   ', 'Name is required.'],
    ['Name', 'staging', 'An environment named "staging" already exists.'],
    ['Name', 'Sandbox', 'An environment named "Sandbox" already exists.'],
  ])('%s %j: a specific message, nothing sent, nothing lost', async (label, value, message) => {
    const { messaging, ports } = await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Add environment' }));
    type('Name', 'Fine name');
    type('Base URL', 'https://fine.example.com');
    type(label, value);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const error = await screen.findByText(message);
    expect(field(label).getAttribute('aria-invalid')).toBe('true');
    expect(field(label).getAttribute('aria-describedby')).toContain(error.id);
    expect(field(label).value).toBe(value);
    expect(messaging.sent('ui-bg-environment-save')).toEqual([]);
    expect(ports.requestHostPermission).not.toHaveBeenCalled();
  });

  it('opens Advanced to show a bad path', async () => {
    await renderOptions();
    choose('Staging');
    fireEvent.click(screen.getByRole('button', { name: 'Advanced' }));
    type('Token path', 'oauth');
    fireEvent.click(screen.getByRole('button', { name: 'Advanced' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Token path must start with "/" and contain no spaces, "?" or "#".')).toBeTruthy();
    expect(field('Token path').value).toBe('oauth');
  });

  it('keeps what was typed when the background refuses', async () => {
    await renderOptions({ answers: { 'ui-bg-environment-save': new PimError('environment-invalid') } });
    choose('Staging');
    type('Name', 'Staging 2');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The environment is not valid.')).toBeTruthy();
    expect(field('Name').value).toBe('Staging 2');
  });

  it('offers Grant access for a stored environment the browser has not allowed', async () => {
    const { ports, messaging } = await renderOptions({ answers: { 'ui-bg-environments-list': [sandboxView, productionView, { ...stagingView, needsPermission: true }] } });
    choose('Staging');
    fireEvent.click(screen.getByRole('button', { name: 'Grant access' }));
    expect(ports.requestHostPermission).toHaveBeenCalledWith('https://staging.example.com/*');
    await waitFor(() => expect(messaging.sent('ui-bg-environments-list')).toHaveLength(2));
  });

  it('never asks access for a stored environment whose host is a wildcard, and says why', async () => {
    const legacy = { ...stagingView, baseUrl: 'https://*.example.com', needsPermission: true };
    const { ports } = await renderOptions({ answers: { 'ui-bg-environments-list': [sandboxView, productionView, legacy] } });
    choose('Staging');
    fireEvent.click(screen.getByRole('button', { name: 'Grant access' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Base URL must name one host: wildcards such as "*" are not allowed.');
    expect(ports.requestHostPermission).not.toHaveBeenCalled();
  });

  it('deletes only after confirmation', async () => {
    const { messaging } = await renderOptions({ answers: { 'ui-bg-environment-delete': [sandboxView, productionView] } });
    choose('Staging');
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(messaging.sent('ui-bg-environment-delete')).toEqual([]);
    expect(screen.getByText('Delete "Staging" and its credentials?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(messaging.sent('ui-bg-environment-delete')).toEqual([{ id: 'custom-staging' }]));
    await waitFor(() => expect(within(list()).queryByRole('button', { name: /Staging/ })).toBeNull());
  });

  it('clears credentials', async () => {
    const { messaging } = await renderOptions({ answers: { 'ui-bg-credentials-clear': { ...productionView, clientId: '', secretSet: false } } });
    choose(productionView.name);
    fireEvent.click(screen.getByRole('button', { name: 'Clear credentials' }));
    await waitFor(() => expect(messaging.sent('ui-bg-credentials-clear')).toEqual([{ environmentId: 'production' }]));
    expect(await screen.findByText('Credentials cleared.')).toBeTruthy();
  });
});

describe('Test connection', () => {
  it('reports a valid token in a status', async () => {
    await renderOptions({ answers: { 'ui-bg-connection-test': { durationMs: 123.2, expiresInSeconds: 3540 } } });
    choose(productionView.name);
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await within(editor()).findByText('Connected: token valid for 59 min (123 ms)')).toHaveProperty('role', 'status');
  });

  it('reports a failure in an alert with status and transaction', async () => {
    await renderOptions({ answers: { 'ui-bg-connection-test': new PimError('credentials-rejected', { status: 401, transactionId: 'tx-9' }) } });
    choose(productionView.name);
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('KPN rejected the client credentials.')).toBeTruthy();
    // The reader is in Options already: the hint points at the fields, not at Options.
    expect(within(alert).getByText('Check the client ID and secret above.')).toBeTruthy();
    expect(within(alert).getByText('HTTP 401 · transaction tx-9')).toBeTruthy();
  });

  it('tests what the form holds without saving it, and says so', async () => {
    const { messaging, ports } = await renderOptions({ answers: { 'ui-bg-connection-test': { durationMs: 80, expiresInSeconds: 3600 } } });
    choose('Staging');
    type('Base URL', 'https://unsaved.example.net/api/');
    type('Client secret', '  typed-secret  ');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    // Asked inside the click, as saving does: a later prompt would be refused by the browser.
    expect(ports.requestHostPermission).toHaveBeenCalledWith('https://unsaved.example.net/*');
    await waitFor(() =>
      expect(messaging.sent('ui-bg-connection-test')).toEqual([
        {
          environmentId: 'custom-staging',
          baseUrl: 'https://unsaved.example.net/api',
          tokenPath: stagingView.tokenPath,
          clientId: 'staging-client',
          clientSecret: 'typed-secret',
        },
      ]),
    );
    expect(await screen.findByText('Connected: token valid for 60 min (80 ms) Tested with what is in the form; it is not saved yet.')).toBeTruthy();
    expect(messaging.sent('ui-bg-environment-save')).toEqual([]);
    expect(messaging.sent('ui-bg-credentials-set')).toEqual([]);
    expect(field('Base URL').value).toBe('https://unsaved.example.net/api/');
  });

  it('sends no secret field when none is typed, and says nothing of unsaved values when there are none', async () => {
    const { messaging } = await renderOptions({ answers: { 'ui-bg-connection-test': { durationMs: 80, expiresInSeconds: 3600 } } });
    choose(productionView.name);
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connected: token valid for 60 min (80 ms)')).toBeTruthy();
    expect(messaging.sent('ui-bg-connection-test')).toEqual([
      { environmentId: 'production', baseUrl: productionView.baseUrl, tokenPath: productionView.tokenPath, clientId: 'prod-client' },
    ]);
  });

  it('a base URL that could not be saved is not tested: its field says why', async () => {
    const { messaging } = await renderOptions();
    choose('Staging');
    type('Base URL', 'http://plain.example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/plain http:\/\/ is allowed only for loopback hosts/)).toBeTruthy();
    expect(messaging.sent('ui-bg-connection-test')).toEqual([]);
  });

  it('is offered for a new environment, which has only what is typed', async () => {
    const { messaging } = await renderOptions({ answers: { 'ui-bg-connection-test': new PimError('network') } });
    fireEvent.click(screen.getByRole('button', { name: 'Add environment' }));
    type('Name', 'Local');
    type('Base URL', 'http://127.0.0.1:9');
    type('Client ID', 'c');
    type('Client secret', 's');
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    expect(messaging.sent('ui-bg-connection-test')).toEqual([{ baseUrl: 'http://127.0.0.1:9', tokenPath: '', clientId: 'c', clientSecret: 's' }]);
    // Below the button row, not inside it: a long error cannot push the buttons apart.
    expect(alert.closest('.form-actions')).toBeNull();
    expect(messaging.sent('ui-bg-environment-save')).toEqual([]);
  });
});

describe('Save and Test connection', () => {
  it('show one outcome at a time, the latest action’s, and keep the focus on the button pressed', async () => {
    let connection: PimError | ConnectionTestResult = new PimError('network');
    await renderOptions({
      answers: {
        'ui-bg-connection-test': () => (connection instanceof Error ? Promise.reject(connection) : Promise.resolve(connection)),
        'ui-bg-environment-save': new PimError('environment-invalid'),
      },
    });
    choose('Staging');
    const test = screen.getByRole('button', { name: 'Test connection' });
    test.focus();
    fireEvent.click(test);
    expect(test.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(test);
    await screen.findByText('The API could not be reached.');
    expect(document.activeElement).toBe(test);

    type('Base URL', 'https://other.example.net');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));
    expect(screen.queryByText('The API could not be reached.')).toBeNull();

    connection = { durationMs: 80, expiresInSeconds: 3600 };
    fireEvent.click(test);
    expect(await screen.findByText(/^Connected: token valid for 60 min/)).toBeTruthy();
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
  });
});

describe('Test connection after a save', () => {
  it('takes away "Saved.": its own answer is the one outcome under the form', async () => {
    await renderOptions({ answers: { 'ui-bg-credentials-set': productionView, 'ui-bg-connection-test': { durationMs: 80, expiresInSeconds: 3600 } } });
    choose(productionView.name);
    type('Client secret', 'first-secret');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/^Connected: token valid for 60 min/)).toBeTruthy();
    expect(screen.queryByText('Saved.')).toBeNull();
  });
});

describe('Switching environment with unsaved edits', () => {
  it('asks first: Keep editing keeps what is typed, Discard changes opens the other one', async () => {
    await renderOptions();
    choose('Staging');
    type('Base URL', 'https://typed.example.org');
    choose(productionView.name);
    const question = await screen.findByText(/This environment has changes that are not saved/);
    expect(document.activeElement).toBe(question.closest('[role="alert"]'));
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(field('Base URL').value).toBe('https://typed.example.org');
    expect(screen.queryByText(/This environment has changes that are not saved/)).toBeNull();

    choose(productionView.name);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard changes' }));
    expect(field('Name').value).toBe(productionView.name);
  });

  it('asks for a new environment with something typed, and not for an untouched one', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Add environment' }));
    choose('Staging');
    expect(field('Name').value).toBe('Staging');
    fireEvent.click(screen.getByRole('button', { name: 'Add environment' }));
    type('Client ID', 'half-typed');
    choose('Staging');
    expect(await screen.findByRole('button', { name: 'Keep editing' })).toBeTruthy();
    expect(field('Client ID').value).toBe('half-typed');
  });

  it('choosing the environment already open keeps what is typed', async () => {
    await renderOptions();
    choose('Staging');
    type('Client ID', 'typed-client');
    choose('Staging');
    expect(field('Client ID').value).toBe('typed-client');
    expect(screen.queryByRole('button', { name: 'Keep editing' })).toBeNull();
  });
});

describe('A stored secret belongs to its origin and client ID', () => {
  const stagingWithSecret: EnvironmentView = { ...stagingView, secretSet: true, secretHint: '9f3a' };
  const originWarning =
    'The stored client secret belongs to https://staging.example.com. Saving another scheme, host or port removes it, so it is never sent to the new address; only a secret typed in this save is kept.';
  const clientIdWarning = (clientId: string) =>
    `The stored client secret belongs to client ID ${clientId}. Saving another client ID removes it; only a secret typed in this save is kept.`;
  const withSecret = () => [sandboxView, productionView, stagingWithSecret];

  it.each([
    ['another host', 'https://staging.example.co'],
    ['another port', 'https://staging.example.com:8443'],
    ['another scheme', 'http://staging.example.com'],
  ])('warns in the form, before saving, when the base URL points to %s', async (_label, baseUrl) => {
    await renderOptions({ answers: { 'ui-bg-environments-list': withSecret() } });
    choose('Staging');
    expect(screen.queryByText(originWarning)).toBeNull();
    type('Base URL', baseUrl);
    const warning = screen.getByText(originWarning);
    expect(warning.closest('.alert-warning')).toBeTruthy();
    expect(field('Client secret').getAttribute('aria-describedby')).toContain(warning.closest('.alert-warning')?.id);
  });

  it('says nothing for the same origin (a path prefix, a trailing slash) or when no secret is stored', async () => {
    await renderOptions({ answers: { 'ui-bg-environments-list': withSecret() } });
    choose('Staging');
    type('Base URL', 'https://staging.example.com/gateway/');
    type('Name', 'Staging renamed');
    expect(screen.queryByText(originWarning)).toBeNull();
    expect(screen.getByText('A secret is set (…9f3a). Type a new one to replace it; leave empty to keep it.')).toBeTruthy();

    cleanup();
    await renderOptions();
    choose('Staging');
    type('Base URL', 'https://elsewhere.example.com');
    expect(screen.queryByText(/The stored client secret belongs/)).toBeNull();
  });

  it('warns when the client ID changes while a secret is stored', async () => {
    await renderOptions();
    choose(productionView.name);
    type('Client ID', 'another-client');
    expect(screen.getByText(clientIdWarning('prod-client'))).toBeTruthy();
    type('Client ID', 'prod-client');
    expect(screen.queryByText(clientIdWarning('prod-client'))).toBeNull();
  });

  it('after a save without a new secret, says the secret was removed', async () => {
    let saved = false;
    const { messaging } = await renderOptions({
      answers: {
        'ui-bg-environments-list': () => (saved ? [sandboxView, productionView, { ...stagingWithSecret, secretSet: false, baseUrl: 'https://staging.example.co' }] : withSecret()),
        'ui-bg-environment-save': (input) => {
          saved = true;
          return { ...savedView(input), secretSet: false };
        },
      },
    });
    choose('Staging');
    type('Base URL', 'https://staging.example.co');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('The stored client secret was removed because the base URL’s origin or the client ID changed. Type the client secret to use this environment.'),
    ).toBeTruthy();
    expect(messaging.sent('ui-bg-credentials-set')).toEqual([]);
    expect(screen.getByText('No secret is set yet.')).toBeTruthy();
  });
});

