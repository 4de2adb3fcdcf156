// What goes wrong, in Firefox: the headline of an error of every kind in the popup, the timeout, and Cancel,
// even when it crosses an answer already on its way.
import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { resolve } from 'node:path';
import { choose, click, count, fill, role, textOf, valueOf, visible, waitUntil } from '../../scripts/firefox-ui';
import { kindOf, PIM_ERROR_KINDS, type PimErrorCode, type PimErrorKind } from '../../src/core/errors';
import { errorText } from '../../src/shared/error-text';
import { setMessageLookup } from '../../src/shared/i18n';
import { holdThenCancel, startGate } from '../e2e/hold-popup';
import { formatMessage } from '../unit/setup-i18n';
import { DIST_FIREFOX, expect, test } from './harness';
import { SANDBOX_SECRET, addEnvironment, chooseAttributes, pressGenerate, storedHistory } from './journeys';

/** What the popup's alert says first, in the words the build ships. */
const SHIPPED = JSON.parse(readFileSync(resolve(DIST_FIREFOX, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
setMessageLookup((key, substitutions) => (SHIPPED[key] ? formatMessage(SHIPPED[key], substitutions) : ''));
/** No headline shows a value, so none is given. */
const headline = (code: PimErrorCode): string => errorText({ code }).headline;

interface ErrorCase {
  code: PimErrorCode;
  environment: string;
  faults?: string[];
  redirect?: string;
  status?: number;
  /** A line the alert must hold beyond its headline. */
  says?: string;
}

/** Kinds no journey reaches: Cancel shows a status line (tested below), and `internal` is a bug in the extension itself. */
const NOT_AN_ALERT: readonly PimErrorKind[] = ['cancelled', 'internal'];

test('an error of every kind shows its headline in the popup, and the form is kept', async ({ firefox, sandbox, ext }) => {
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
    { code: 'not-configured', environment: 'Production' },
    { code: 'host-not-granted', environment: 'Host not allowed' },
    { code: 'credentials-rejected', environment: 'Wrong secret', status: 401 },
    { code: 'forbidden', environment: 'Local sandbox', faults: ['forbidden'], status: 403 },
    { code: 'params-rejected', environment: 'Local sandbox', redirect: '2', status: 400 },
    { code: 'image-path-not-found', environment: 'Missing image path', status: 404 },
    // The fault is Apigee's refusal of a minute's quota: a rate limit, and a short wait is the answer.
    { code: 'rate-limited', environment: 'Local sandbox', faults: ['rate-limit=30'], status: 429, says: 'You can try again in 30 seconds.' },
    { code: 'server-error', environment: 'Local sandbox', faults: ['server-error'], status: 500 },
    { code: 'redirected', environment: 'Redirecting token path' },
    { code: 'network', environment: 'Nothing listening' },
    { code: 'answer-not-svg', environment: 'Local sandbox', faults: ['not-svg'] },
    // Last: the sandbox's daily count stays used up, and refuses every later call.
    { code: 'quota-used-up-until', environment: 'Local sandbox', faults: ['quota-used=1000*1'], status: 429, says: 'Try again after the reset.' },
  ];
  // Production asks before its first call of a session; that dialog has its own journey (keyboard.test.ts).
  await ext.value('ui-bg-settings-save', { confirmFirstCall: { environmentId: 'production', on: false } });
  const covered = new Set([...cases.map((c) => kindOf(c.code)), 'timeout', ...NOT_AN_ALERT]);
  expect(PIM_ERROR_KINDS.filter((kind) => !covered.has(kind)), 'error kinds without a journey').toEqual([]);

  const popup = await ext.openPopup();
  await fill(popup, role('textbox', 'Title'), 'Keep me');
  for (const { code, environment, faults = [], redirect = '1', status, says } of cases) {
    sandbox.handler.configure({ faults });
    await choose(popup, role('combobox', 'Environment'), environment);
    await fill(popup, role('spinbutton', 'Redirect'), redirect);
    const outcome = await pressGenerate(popup);
    expect(outcome, code).toMatchObject({ ok: false });
    const alert = outcome.ok ? '' : outcome.alert;
    expect(alert.split('\n')[0], code).toBe(headline(code));
    if (status !== undefined) expect(alert, code).toContain(`HTTP ${status}`);
    if (says !== undefined) expect(alert, code).toContain(says);
  }
  expect(await valueOf(popup, role('textbox', 'Title'))).toBe('Keep me');
  expect(await textOf(popup, 'body')).not.toContain('not-the-sandbox-secret');
  expect(firefox.errors).toEqual([]);
});

test('what a hostile API sends gets an error that names it, never the secret: quoted credentials, an unsendable token, a redirect, a size no PNG can have', async ({ firefox, sandbox, ext }) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  const popup = await ext.openPopup();
  await choose(popup, role('combobox', 'Environment'), 'Local sandbox');

  // A gateway that quotes the app's credentials in its errors: the alert quotes it with the client ID
  // kept, and the secret and the token taken out. First on the token call (no token is cached yet)…
  // The sandbox quotes them as sent, percent-encoded in full and in part, and the secret split between
  // the message and its info.
  const leaked = (token: string, encoded: string) =>
    `KPN says: “Request from app sandbox-client with secret [redacted] and token ${token} was refused; received [redacted], [redacted], [redacted], [redacted], [redacted]${encoded}; secret began [redacted] ([redacted] on)”`;
  sandbox.handler.configure({ faults: ['token:leak-credentials*1'] });
  const fromToken = await pressGenerate(popup);
  expect(fromToken.ok ? '' : fromToken.alert).toContain(leaked('none', ''));

  // Still no token cached: the next call mints one, and this one could add a header to a request.
  sandbox.handler.configure({ faults: ['unusable-token*1'] });
  const token = await pressGenerate(popup);
  expect(token.ok ? '' : token.alert).toContain('The token answer holds an access token that cannot be sent');
  expect(token.ok ? '' : token.alert).toContain('Nothing was sent with it.');
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 2, imageCalls: 0 });

  // …then on the image call, which presents a token.
  sandbox.handler.configure({ faults: ['leak-credentials*1'] });
  const fromImage = await pressGenerate(popup);
  expect(fromImage.ok ? '' : fromImage.alert).toContain(leaked('[redacted]', ', [redacted]'));
  expect(await popup.evaluate(() => document.documentElement.outerHTML)).not.toMatch(/sandbox(-|%2d)secret|%73%61%6e%64|secret began sandbox/i);

  sandbox.handler.configure({ faults: ['redirect*1'] });
  const redirect = await pressGenerate(popup);
  expect(redirect.ok ? '' : redirect.alert).toContain('The API redirected the request, and PiM QR does not follow redirects.');
  expect(redirect.ok ? '' : redirect.alert).not.toContain('HTTP 0');

  sandbox.handler.configure({ faults: ['huge-size*1'] });
  expect(await pressGenerate(popup)).toEqual({ ok: true });
  expect(await textOf(popup, 'body')).toContain('99,999,999×99,999,999 px');
  await choose(popup, role('combobox', 'PNG scale'), '1×');
  await click(popup, role('button', 'Download PNG'));
  const alert = await waitUntil('the PNG to be refused', async () => (await textOf(popup, role('alert'))) || undefined);
  expect(alert).toContain('The PNG would be 99,999,999×99,999,999 px, larger than PiM QR draws (at most 8,192 px a side).');
  expect(alert).toContain('Download it as SVG, or as PNG at a smaller scale.');
  expect(await count(popup, role('image', 'QR preview'))).toBe(1);
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
  expect(await storedHistory(ext)).toBe(0);
  await first.close();

  const second = await ext.openPopup();
  await expect.poll(() => valueOf(second, role('textbox', 'Title'))).toBe('Slow one');
  expect(await valueOf(second, role('combobox', 'Environment'))).toMatch(/^custom-/);
  expect(await valueOf(second, role('checkbox', 'PlaceOfBirth'))).toBe(true);
  expect(await valueOf(second, role('checkbox', 'Email'))).toBe(false);
  expect(firefox.errors).toEqual([]);
});

test('Cancel after the answer arrived: no result, and History stays empty', async ({ firefox, sandbox, ext }) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  const popup = await ext.openPopup();
  await choose(popup, role('combobox', 'Environment'), 'Local sandbox');
  // Slow enough that the hold below surely begins before the answer, even on a busy machine.
  sandbox.handler.configure({ faults: ['delay=4000'] });
  await click(popup, role('button', 'Generate'));
  await visible(popup, role('button', 'Cancel'));

  // The popup's thread is held while the background gets its answer, stores it and answers the popup,
  // so that answer waits in the popup's queue; then Cancel is pressed before it is read.
  const gate = await startGate();
  try {
    const held = popup.evaluate(holdThenCancel, gate.url);
    await expect.poll(() => storedHistory(ext), { timeout: 15_000 }).toBe(1);
    gate.open();
    await held;
  } finally {
    gate.open();
    await gate.close();
  }

  await expect.poll(() => textOf(popup, 'body')).toContain('Cancelled. Your settings are kept; press Generate to try again.');
  await expect.poll(() => storedHistory(ext)).toBe(0);
  expect(await count(popup, role('image', 'QR preview'))).toBe(0);
  await click(popup, role('button', 'History'));
  await expect.poll(() => textOf(popup, 'body')).toContain('No QR codes yet.');
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
