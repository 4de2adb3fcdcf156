// The popup in Firefox: the built-in Sandbox (issue #11), a custom environment on the sandbox server
// over HTTP, the headline of every error kind, Cancel, and hostile SVGs shown sanitized.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { choose, click, fill, role, textOf, valueOf } from '../../scripts/firefox-ui';
import { PIM_ERROR_KINDS, type PimErrorKind } from '../../src/core/errors';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { HOSTILE_MARKER } from '../../src/core/sandbox/hostile';
import { sandboxQrUrl } from '../../src/core/sandbox/render';
import { DIST_FIREFOX, expect, test } from './harness';
import { SANDBOX_SECRET, addEnvironment, chooseAttributes, generate, pressGenerate, recordRequests } from './journeys';

const DEFAULT_URL = sandboxQrUrl(DEFAULT_PARAMS.redirect, DEFAULT_PARAMS.attributes);

test('the built-in Sandbox generates a QR and previews it, with no network and no errors', async ({ firefox, sandbox, ext }) => {
  const popup = await ext.openPopup();
  expect(await valueOf(popup, role('combobox', 'Environment'))).toBe('sandbox');
  await generate(popup);
  await expect.poll(() => textOf(popup, 'body')).toContain(`Encodes: ${DEFAULT_URL}`);
  expect(await textOf(popup, '.result-facts')).toMatch(/^400×400 px · [\d.]+ KB · \d+ ms · Sandbox$/);
  // The built-in Sandbox runs inside the extension: the sandbox server saw nothing.
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 0, imageCalls: 0 });
  expect(firefox.errors).toEqual([]);
});

test('a custom environment on the sandbox server over HTTP: the documented requests, the token reused, re-minted once after a 401', async ({
  firefox,
  sandbox,
  ext,
}) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  await click(options, role('button', 'Test connection'));
  await expect.poll(() => textOf(options, role('status'))).toMatch(/Connected: token valid for (59|60) min/);

  const requests = recordRequests(sandbox);
  const popup = await ext.openPopup();
  await choose(popup, role('combobox', 'Environment'), 'Local sandbox');
  await chooseAttributes(popup, ['Email', 'Bankaccountnumber', 'DateOfBirth']);
  await fill(popup, role('textbox', 'Title'), 'Inloggen bij Voorbeeld Bank');
  await fill(popup, role('spinbutton', 'Width'), '300');
  expect(await valueOf(popup, role('spinbutton', 'Height'))).toBe('300');
  await generate(popup);
  const expectedUrl = sandboxQrUrl(1, ['Email', 'Bankaccountnumber', 'DateOfBirth']);
  await expect.poll(() => textOf(popup, 'body')).toContain(`Encodes: ${expectedUrl}`);
  expect(await textOf(popup, '.result-facts')).toMatch(/^300×300 px · .* · Local sandbox$/);

  // Test connection minted the token; Generate reused it.
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({ method: 'POST', path: '/kpn/qrcodegenerator/image', search: '' });
  expect(requests[0]?.headers).toMatchObject({ authorization: expect.stringMatching(/^Bearer \S+$/), 'content-type': 'application/json' });
  expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
    redirect: '1',
    title: 'Inloggen bij Voorbeeld Bank',
    description: DEFAULT_PARAMS.description,
    attributes: 'Email,Bankaccountnumber,DateOfBirth',
    width: '300',
    height: '300',
  });

  // KPN rejects the token once: the extension mints a new one (the documented form body) and retries.
  sandbox.handler.configure({ faults: ['unauthorized*1'] });
  await generate(popup);
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 2, imageCalls: 3 });
  const token = requests.find((request) => request.path.endsWith('/accesstoken'));
  expect(token).toMatchObject({ method: 'POST', path: '/oauth/client_credential/accesstoken', search: '?grant_type=client_credentials' });
  expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({ client_id: 'sandbox-client', client_secret: SANDBOX_SECRET });
  const bearer = (index: number) => requests.filter((request) => request.path.endsWith('/image'))[index]?.headers.authorization;
  expect(bearer(2)).not.toBe(bearer(1));

  // And the new token is reused again.
  await generate(popup);
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 2, imageCalls: 4 });

  await click(popup, role('button', 'Request log'));
  const log = role('region', 'Request log');
  await expect.poll(() => textOf(popup, `${log} >>> ${role('listitem')}`)).toContain('POST /oauth/client_credential/accesstoken');
  expect(await textOf(popup, log)).toContain('HTTP 401');
  expect(await textOf(popup, log)).not.toContain(SANDBOX_SECRET);
  expect(firefox.errors).toEqual([]);
});

/** What the popup's alert says first, in the words the build ships. */
const HEADLINES = JSON.parse(readFileSync(resolve(DIST_FIREFOX, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const headline = (kind: PimErrorKind): string => {
  const text = HEADLINES[`errKind_${kind.replace(/-/g, '_')}`]?.message;
  if (!text) throw new Error(`no headline for ${kind}`);
  return text;
};

interface ErrorCase {
  kind: PimErrorKind;
  environment: string;
  faults?: string[];
  redirect?: string;
  status?: number;
}

/** Kinds no journey reaches: Cancel shows a status line (tested below), and `internal` is a bug in the extension itself. */
const NOT_AN_ALERT: readonly PimErrorKind[] = ['cancelled', 'internal'];

test('every error kind shows its headline in the popup, and the form is kept', async ({ firefox, sandbox, ext }) => {
  const save = async (name: string, baseUrl: string, extra: { tokenPath?: string; imagePath?: string; secret?: string } = {}) => {
    const { secret = SANDBOX_SECRET, ...paths } = extra;
    const { id } = await ext.value<{ id: string }>('ui-bg-environment-save', { name, baseUrl, ...paths });
    await ext.value('ui-bg-credentials-set', { environmentId: id, clientId: 'sandbox-client', clientSecret: secret });
  };
  const closedPort = await freePort();
  await save('Local sandbox', sandbox.url);
  await save('Wrong secret', sandbox.url, { secret: 'not-the-sandbox-secret' });
  await save('Missing image path', sandbox.url, { imagePath: '/kpn/qrcodegenerator/missing' });
  // The sandbox server answers POST / with a redirect, which the extension never follows.
  await save('Redirecting token path', sandbox.url, { tokenPath: '/' });
  await save('Nothing listening', `http://127.0.0.1:${closedPort}`);
  // Saved without the browser's permission for the host (Options would ask for it).
  await save('Host not allowed', 'https://pim.example.invalid');

  const cases: ErrorCase[] = [
    { kind: 'not-configured', environment: 'Production' },
    { kind: 'permission-denied', environment: 'Host not allowed' },
    { kind: 'credentials-rejected', environment: 'Wrong secret', status: 401 },
    { kind: 'forbidden', environment: 'Local sandbox', faults: ['forbidden'], status: 403 },
    { kind: 'invalid-parameters', environment: 'Local sandbox', redirect: '2', status: 400 },
    { kind: 'not-found', environment: 'Missing image path', status: 404 },
    { kind: 'rate-limited', environment: 'Local sandbox', faults: ['rate-limit=30'], status: 429 },
    { kind: 'server-error', environment: 'Local sandbox', faults: ['server-error'], status: 500 },
    { kind: 'unexpected-status', environment: 'Redirecting token path' },
    { kind: 'network', environment: 'Nothing listening' },
    { kind: 'unreadable-response', environment: 'Local sandbox', faults: ['not-svg'] },
  ];
  const covered = new Set([...cases.map((c) => c.kind), 'timeout', ...NOT_AN_ALERT]);
  expect(PIM_ERROR_KINDS.filter((kind) => !covered.has(kind)), 'error kinds without a journey').toEqual([]);

  const popup = await ext.openPopup();
  await fill(popup, role('textbox', 'Title'), 'Keep me');
  for (const { kind, environment, faults = [], redirect = '1', status } of cases) {
    sandbox.handler.configure({ faults });
    await choose(popup, role('combobox', 'Environment'), environment);
    await fill(popup, role('spinbutton', 'Redirect'), redirect);
    const outcome = await pressGenerate(popup);
    expect(outcome, kind).toMatchObject({ ok: false });
    const alert = outcome.ok ? '' : outcome.alert;
    expect(alert.split('\n')[0], kind).toBe(headline(kind));
    if (status !== undefined) expect(alert, kind).toContain(`HTTP ${status}`);
  }
  expect(await valueOf(popup, role('textbox', 'Title'))).toBe('Keep me');
  expect(await textOf(popup, 'body')).not.toContain('not-the-sandbox-secret');
  expect(firefox.errors).toEqual([]);
});

test('an answer that takes too long ends in the timeout headline after 20 s', { timeout: 60_000 }, async ({ firefox, sandbox, ext }) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  sandbox.handler.configure({ faults: ['delay=30000'] });
  const popup = await ext.openPopup();
  await choose(popup, role('combobox', 'Environment'), 'Local sandbox');
  const started = Date.now();
  const outcome = await pressGenerate(popup, 35_000);
  expect(outcome).toMatchObject({ ok: false, alert: expect.stringMatching(new RegExp(`^${headline('timeout')}`)) });
  expect(Date.now() - started).toBeGreaterThanOrEqual(19_000);
  expect(firefox.errors).toEqual([]);
});

test('Cancel stops a slow request and keeps the form; the form survives closing the popup', async ({ firefox, sandbox, ext }) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  sandbox.handler.configure({ faults: ['delay=10000'] });

  const first = await ext.openPopup();
  await choose(first, role('combobox', 'Environment'), 'Local sandbox');
  await fill(first, role('textbox', 'Title'), 'Slow one');
  await chooseAttributes(first, ['PlaceOfBirth']);
  await click(first, role('button', 'Generate'));
  await click(first, role('button', 'Cancel'));
  await expect.poll(() => textOf(first, 'body')).toContain('Cancelled. Your settings are kept; press Generate to try again.');
  expect(await valueOf(first, role('textbox', 'Title'))).toBe('Slow one');
  await first.close();

  const second = await ext.openPopup();
  await expect.poll(() => valueOf(second, role('textbox', 'Title'))).toBe('Slow one');
  expect(await valueOf(second, role('combobox', 'Environment'))).toMatch(/^custom-/);
  expect(await valueOf(second, role('checkbox', 'PlaceOfBirth'))).toBe(true);
  expect(await valueOf(second, role('checkbox', 'Email'))).toBe(false);
  expect(firefox.errors).toEqual([]);
});

test('hostile SVGs from the API are shown sanitized in the popup: no script runs, nothing loads', async ({ firefox, sandbox, ext }) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  const popup = await ext.openPopup();
  const dialogs: string[] = [];
  popup.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await choose(popup, role('combobox', 'Environment'), 'Local sandbox');
  for (const kind of ['script', 'handler', 'foreignobject', 'external']) {
    sandbox.handler.configure({ faults: [`hostile=${kind}*1`] });
    await generate(popup);
    expect(sandbox.handler.describe().faults, 'the hostile answer was served').toEqual([]);
    // The attack left the code scannable; only the attack itself is gone.
    await expect.poll(() => textOf(popup, 'body'), { message: kind }).toContain(`Encodes: ${DEFAULT_URL}`);
    const preview = await popup.waitForSelector(role('image', 'QR preview'));
    await preview?.hover();
    await preview?.click({ offset: { x: 2, y: 2 } });
    const markup = (await preview?.evaluate((element) => element.innerHTML)) ?? '';
    await preview?.dispose();
    expect(markup, kind).not.toMatch(/<script|onload=|onclick=|onmouseover=|javascript:|foreignObject|__sandbox\/beacon/i);
  }
  await new Promise((resolveWait) => setTimeout(resolveWait, 300));
  expect(await popup.evaluate((marker) => marker in globalThis, HOSTILE_MARKER)).toBe(false);
  expect({ dialogs, beacons: sandbox.handler.stats().beacons }).toEqual({ dialogs: [], beacons: 0 });
  expect(firefox.errors).toEqual([]);
});

/** A loopback port nothing listens on: taken from the system, then let go. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolveClose) => server.close(resolveClose));
  return port;
}
