import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Locator, Page, Worker } from '@playwright/test';
import { sandboxQrUrl } from '../../src/core/sandbox/render';
import { expect, expectSaved, type ExtensionPage, test } from './harness';
import { holdThenCancel, startGate } from './hold-popup';
import { decodeQrPng, pngSize } from './png';
import { saveScreenshot } from './screenshots';
import { popupLooks } from './popup-looks';

const SECRET = 'sandbox-secret';

/** Adds an environment pointing at the sandbox server through the options page, by its labels. */
async function addEnvironment(options: Page, baseUrl: string, secret: string, name = 'Local sandbox'): Promise<void> {
  await options.getByRole('button', { name: 'Add environment' }).click();
  await options.getByLabel('Name', { exact: true }).fill(name);
  await options.getByLabel('Base URL').fill(baseUrl);
  await options.getByLabel('Client ID').fill('sandbox-client');
  await options.getByLabel('Client secret').fill(secret);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(options);
}

async function chooseAttributes(popup: Page, names: string[]): Promise<void> {
  const group = popup.getByRole('group', { name: 'Attributes' });
  await group.getByRole('button', { name: 'Clear' }).click();
  for (const name of names) await group.getByRole('checkbox', { name, exact: true }).check();
}

/**
 * Copies with a button and reads the browser's clipboard from a web page: permissions cannot be granted
 * to an extension origin, and the extension itself has no clipboardRead permission (it only writes, on
 * a click). The clipboard is reset first and polled, because the write finishes after the click.
 */
function clipboardReader(context: BrowserContext, origin: string) {
  let reader: Page | undefined;
  const onReader = async <T>(popup: Page, work: (page: Page) => Promise<T>): Promise<T> => {
    if (!reader) {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      reader = await context.newPage();
      await reader.goto(`${origin}/demo/login.html`);
    }
    await reader.bringToFront();
    const result = await work(reader);
    await popup.bringToFront();
    return result;
  };
  return async (popup: Page, button: Locator): Promise<string> => {
    await onReader(popup, (page) => page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)')));
    await button.click();
    let text = '';
    await expect
      .poll(async () => {
        text = await onReader(popup, (page) => page.evaluate(() => navigator.clipboard.readText()));
        return text;
      })
      .not.toBe('(nothing copied yet)');
    return text;
  };
}

test('configure an environment in Options, generate, preview, copy and download', async ({
  openOptions,
  openPopup,
  sandbox,
  context,
}) => {
  const copy = clipboardReader(context, sandbox.url);
  const options = await openOptions();
  await addEnvironment(options.page, sandbox.url, SECRET);
  await options.page.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.page.getByRole('status').filter({ hasText: /Connected: token valid for (59|60) min/ })).toBeVisible();
  await saveScreenshot(options.page, 'options');

  const { page: popup, errors } = await openPopup();
  await popup.getByLabel('Environment').selectOption({ label: 'Local sandbox' });
  await chooseAttributes(popup, ['Email', 'Bankaccountnumber', 'DateOfBirth']);
  await popup.getByLabel('Title').fill('Inloggen bij Voorbeeld Bank');
  await popup.getByLabel('Width').fill('300');
  await expect(popup.getByLabel('Height')).toHaveValue('300');
  await popup.getByRole('button', { name: 'Generate' }).click();

  const preview = popup.getByRole('img', { name: 'QR preview' });
  await expect(preview).toBeVisible();
  const expectedUrl = sandboxQrUrl(1, ['Email', 'Bankaccountnumber', 'DateOfBirth']);
  await expect(popup.getByText(`Encodes: ${expectedUrl}`)).toBeVisible();
  await expect(popup.getByText('300×300 px')).toBeVisible();
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });

  const svg = await copy(popup, popup.getByRole('button', { name: 'Copy SVG' }));
  expect(svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  expect(svg).toContain('Inloggen bij Voorbeeld Bank');

  const base64 = await copy(popup, popup.getByRole('button', { name: 'Copy base64' }));
  expect(Buffer.from(base64, 'base64').toString('utf8')).toBe(svg);

  expect(await copy(popup, popup.getByRole('button', { name: 'Copy data URL' }))).toBe(`data:image/svg+xml;base64,${base64}`);

  const curl = await copy(popup, popup.getByRole('button', { name: 'Copy as cURL' }).first());
  expect(curl).toContain(`${sandbox.url}/oauth/client_credential/accesstoken?grant_type=client_credentials`);
  expect(curl).toContain('$KPN_CLIENT_SECRET');
  expect(curl).toContain('Bearer $TOKEN');
  expect(curl).toContain('"attributes":"Email,Bankaccountnumber,DateOfBirth"');
  expect(curl).not.toContain(SECRET);

  await popup.getByRole('button', { name: 'Request log' }).click();
  const log = popup.getByRole('region', { name: 'Request log' });
  const entries = log.getByRole('listitem');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('POST /kpn/qrcodegenerator/image');
  await expect(entries.nth(0)).toContainText('HTTP 200');
  await expect(entries.nth(1)).toContainText('POST /oauth/client_credential/accesstoken');
  expect(await copy(popup, entries.nth(1).getByRole('button', { name: 'Copy as cURL' }))).toContain("--data-urlencode \"client_secret=$KPN_CLIENT_SECRET\"");
  // Each log button has a name of its own: a screen reader's list of buttons tells the calls apart.
  const logNames = await log.getByRole('button', { name: /^Copy as cURL: / }).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  expect(logNames).toEqual([expect.stringMatching(/^Copy as cURL: POST \/kpn\/qrcodegenerator\/image at .*\d:\d\d:\d\d/), expect.stringMatching(/^Copy as cURL: POST \/oauth\//)]);
  expect(new Set(logNames).size).toBe(2);
  expect(await log.textContent()).not.toContain(SECRET);

  const svgDownload = popup.waitForEvent('download');
  await popup.getByRole('button', { name: 'Download SVG' }).click();
  // The line under the result says so, in place of the earlier "Copied" (it stays up for 4 s).
  await expect(popup.getByRole('status').filter({ hasText: /^Download started: pim-qr-\S+\.svg$/ })).toHaveCount(1);
  await expect(popup.getByRole('status').filter({ hasText: /^Copied/ })).toHaveCount(0);
  const svgFile = await svgDownload;
  expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
  expect(readFileSync(await svgFile.path(), 'utf8')).toBe(svg);

  for (const scale of [1, 2, 4]) {
    await popup.getByLabel('PNG scale').selectOption(String(scale));
    const pngDownload = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Download PNG' }).click();
    const png = readFileSync(await (await pngDownload).path());
    expect(pngSize(png)).toEqual({ width: 300 * scale, height: 300 * scale });
    expect(decodeQrPng(png)).toBe(expectedUrl);
  }
  expect(errors).toEqual([]);
});

test('cURL copied for the built-in Sandbox says where to run it, and fetches the QR from the sandbox server', async ({ context, openPopup, sandbox }) => {
  const copy = clipboardReader(context, sandbox.url);
  const { page: popup, errors } = await openPopup();
  await chooseAttributes(popup, ['Email']);
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(popup.getByText(`Encodes: ${sandboxQrUrl(1, ['Email'])}`)).toBeVisible();
  const curl = await copy(popup, popup.getByRole('button', { name: 'Copy as cURL' }).first());
  expect(curl).toContain('# The built-in Sandbox runs inside the extension: https://sandbox.pim.invalid cannot be reached from a shell.');
  expect(curl).toContain('# These commands call the sandbox server instead: start it with npm run sandbox -- --port 8787 in the PiM QR source folder; it answers at http://127.0.0.1:8787.');
  expect(curl).toContain('curl --globoff -sS -X POST');
  expect(curl).toContain("'http://127.0.0.1:8787/kpn/qrcodegenerator/image'");
  // As a developer would run it, against this test's sandbox server (a free port instead of 8787). Not
  // execFileSync: the server runs in this process and must keep answering meanwhile.
  const { stdout: output } = await promisify(execFile)('bash', ['-c', curl.replaceAll('http://127.0.0.1:8787', sandbox.url)], {
    env: { ...process.env, KPN_CLIENT_SECRET: 'sandbox-secret' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(Buffer.from(output.trim(), 'base64').toString('utf8')).toContain(sandboxQrUrl(1, ['Email']).replaceAll('&', '&amp;'));
  expect(errors).toEqual([]);
});

test('code copied for the built-in Sandbox: Python and Node chosen from the list, the request log in Java; the programs fetch the QR from the sandbox server', async ({
  context,
  openPopup,
  sandbox,
}) => {
  const copy = clipboardReader(context, sandbox.url);
  const { page: popup, errors } = await openPopup();
  await chooseAttributes(popup, ['Email']);
  await popup.getByRole('button', { name: 'Generate' }).click();
  const qrUrl = sandboxQrUrl(1, ['Email']);
  await expect(popup.getByText(`Encodes: ${qrUrl}`)).toBeVisible();
  // As a developer would run each program, against this test's sandbox server instead of port 8787.
  const run = async (command: string, file: string, code: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'pim-qr-code-')), file);
    writeFileSync(path, code.replaceAll('http://127.0.0.1:8787', sandbox.url));
    const { stdout } = await promisify(execFile)(command, [path], { env: { ...process.env, KPN_CLIENT_SECRET: 'sandbox-secret' }, encoding: 'utf8', timeout: 20_000 });
    return Buffer.from(stdout.trim(), 'base64').toString('utf8');
  };
  const language = popup.getByRole('combobox', { name: 'Code language' });
  const status = popup.getByRole('status').filter({ hasText: /Copied as/ });

  await language.selectOption({ label: 'Python (requests)' });
  const python = await copy(popup, popup.getByRole('button', { name: 'Copy as code' }));
  await expect(status).toHaveText('Copied as Python (requests): the token call and the image call.');
  expect(python).toContain('# The built-in Sandbox runs inside the extension: https://sandbox.pim.invalid cannot be reached from a shell.');
  expect(python).toContain('# This program calls the sandbox server instead: start it with npm run sandbox -- --port 8787 in the PiM QR source folder');
  expect(python).toContain('"client_secret": os.environ["KPN_CLIENT_SECRET"]');
  expect(python).toContain('url = "http://127.0.0.1:8787/kpn/qrcodegenerator/image"');
  expect(await run('python3', 'pim_qr.py', python)).toContain(qrUrl.replaceAll('&', '&amp;'));

  await language.selectOption({ label: 'Node.js' });
  const node = await copy(popup, popup.getByRole('button', { name: 'Copy as code' }));
  await expect(status).toHaveText('Copied as Node.js: the token call and the image call.');
  expect(node).toContain("encodedParams.set('client_secret', process.env.KPN_CLIENT_SECRET);");
  expect(await run('node', 'pim-qr.js', node)).toContain(qrUrl.replaceAll('&', '&amp;'));

  await popup.getByRole('button', { name: 'Request log' }).click();
  const log = popup.getByRole('region', { name: 'Request log' });
  await log.getByRole('combobox', { name: 'Code language' }).selectOption({ label: 'Java (HttpClient)' });
  const java = await copy(popup, log.getByRole('button', { name: /^Copy as code, Java \(HttpClient\): POST \/kpn\/qrcodegenerator\/image at / }));
  await expect(status).toHaveText('Copied as Java (HttpClient): the token call and the image call.');
  expect(java).toContain('URLEncoder.encode(System.getenv("KPN_CLIENT_SECRET"), StandardCharsets.UTF_8)');
  expect(java).toContain('public class PimQr {');
  expect(java).toContain('// This program calls the sandbox server instead:');
  expect(errors).toEqual([]);
});

test('history restores an earlier result and its parameters', async ({ openPopup }) => {
  const { page: popup } = await openPopup();
  await popup.getByLabel('Title').fill('First code');
  await chooseAttributes(popup, ['Mobile']);
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(popup.getByText(`Encodes: ${sandboxQrUrl(1, ['Mobile'])}`)).toBeVisible();

  await popup.getByLabel('Title').fill('Second code');
  await chooseAttributes(popup, ['Gender', 'HeadShot']);
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(popup.getByText(`Encodes: ${sandboxQrUrl(1, ['Gender', 'HeadShot'])}`)).toBeVisible();

  const history = popup.getByRole('region', { name: 'History' }).or(popup.locator('details', { hasText: 'History' }));
  if (await popup.getByRole('button', { name: 'History' }).count()) await popup.getByRole('button', { name: 'History' }).click();
  await history.getByRole('button', { name: /^First code/ }).click();
  await expect(popup.getByLabel('Title')).toHaveValue('First code');
  await expect(popup.getByRole('checkbox', { name: 'Mobile', exact: true })).toBeChecked();
  await expect(popup.getByRole('checkbox', { name: 'Gender', exact: true })).not.toBeChecked();
  await expect(popup.getByText(`Encodes: ${sandboxQrUrl(1, ['Mobile'])}`)).toBeVisible();
});

test('a wrong secret shows the credentials error, keeps the form, and the secret is never shown', async ({
  openOptions,
  openPopup,
  sandbox,
}) => {
  const wrong = 'not-the-sandbox-secret-31337';
  const options = await openOptions();
  await addEnvironment(options.page, sandbox.url, wrong);
  await options.page.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.page.getByRole('alert')).toContainText('KPN rejected the client credentials');
  await expect(options.page.getByText(/A secret is set \(…1337\)/)).toBeVisible();

  const popup = await openPopup();
  await popup.page.getByLabel('Environment').selectOption({ label: 'Local sandbox' });
  await popup.page.getByLabel('Title').fill('Keep me');
  await chooseAttributes(popup.page, ['Initials', 'NickName']);
  await popup.page.getByRole('button', { name: 'Generate' }).click();
  const alert = popup.page.getByRole('alert');
  await expect(alert).toContainText('KPN rejected the client credentials');
  await expect(alert).toContainText('Check the client ID and secret in Options');
  await expect(alert).toContainText('HTTP 401');
  await expect(popup.page.getByLabel('Title')).toHaveValue('Keep me');
  await expect(popup.page.getByRole('checkbox', { name: 'NickName', exact: true })).toBeChecked();

  const request = popup.page.getByRole('button', { name: 'Request log' });
  if (await request.count()) await request.click();
  for (const page of [options, popup] as ExtensionPage[]) {
    await page.page.reload();
    await page.page.getByRole('button', { name: /Generate|Add environment/ }).first().waitFor();
    expect(await page.page.content()).not.toContain(wrong);
    expect(await page.page.evaluate(() => JSON.stringify(localStorage))).not.toContain(wrong);
    expect(page.errors.join('\n')).not.toContain(wrong);
  }
});

test('hostile SVGs from the API are shown sanitized in the popup: no script runs, nothing loads', async ({
  openOptions,
  openPopup,
  sandbox,
  context,
}) => {
  const options = await openOptions();
  await addEnvironment(options.page, sandbox.url, SECRET);
  const beacons: string[] = [];
  context.on('request', (request) => {
    if (request.url().includes('/__sandbox/beacon')) beacons.push(request.url());
  });
  const { page: popup, errors } = await openPopup();
  const dialogs: string[] = [];
  popup.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await popup.getByLabel('Environment').selectOption({ label: 'Local sandbox' });
  const looks = () => popup.evaluate(popupLooks);
  const looksBefore = await looks();
  for (const kind of ['script', 'handler', 'foreignobject', 'external', 'style']) {
    sandbox.handler.configure({ faults: [`hostile=${kind}*1`] });
    const before = sandbox.handler.stats().imageCalls;
    await popup.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => sandbox.handler.stats().imageCalls).toBe(before + 1);
    expect(sandbox.handler.describe().faults, 'the hostile answer was served').toEqual([]);
    await expect(popup.getByRole('button', { name: 'Generate' })).toBeEnabled();
    await expect(popup.getByRole('status').filter({ hasText: 'QR code ready.' })).toBeVisible();
    const preview = popup.getByRole('img', { name: 'QR preview' });
    await expect(preview).toBeVisible();
    // The attack left the code scannable; only the attack itself is gone.
    await expect(popup.getByText(`Encodes: ${sandboxQrUrl(1, ['Email', 'FirstName', 'FamilyName'])}`)).toBeVisible();
    const box = await preview.boundingBox();
    if (box) await popup.mouse.click(box.x + 2, box.y + 2);
    // The preview is an <img>: what it draws is the markup in its data URL.
    const markup = await preview.evaluate((image) => {
      const src = image.getAttribute('src') ?? '';
      return new TextDecoder().decode(Uint8Array.from(atob(src.slice(src.indexOf(',') + 1)), (ch) => ch.charCodeAt(0)));
    });
    expect(markup).toMatch(/^<svg[\s>]/);
    expect(markup).not.toMatch(/<script|onload=|onclick=|onmouseover=|javascript:|foreignObject|__sandbox\/beacon|:host|@import|@font-face/i);
    // Whatever styles the answer carried drew only inside its own image.
    expect(await looks()).toEqual(looksBefore);
  }
  await popup.getByRole('button', { name: 'History' }).or(popup.getByText('History', { exact: true })).first().click();
  await popup.waitForTimeout(300);
  expect(await popup.evaluate(() => '__PIM_SANDBOX_HOSTILE__' in globalThis)).toBe(false);
  expect({ dialogs, beacons, stats: sandbox.handler.stats().beacons }).toEqual({ dialogs: [], beacons: [], stats: 0 });
  expect(errors).toEqual([]);
});

test('what a hostile API sends gets an error that names it, never the secret: quoted credentials, an unsendable token, a redirect, a size no PNG can have', async ({
  openOptions,
  openPopup,
  sandbox,
}) => {
  const options = await openOptions();
  await addEnvironment(options.page, sandbox.url, SECRET);
  const { page: popup, errors } = await openPopup();
  await popup.getByLabel('Environment').selectOption({ label: 'Local sandbox' });
  const alert = popup.getByRole('alert');

  // A gateway that quotes the app's credentials in its errors: the alert quotes it with the client ID
  // kept, and the secret and the token taken out. First on the token call (no token is cached yet)…
  // The sandbox quotes them as sent, percent-encoded in full and in part, and the secret split between
  // the message and its info.
  const leaked = (token: string, encoded: string) =>
    `KPN says: “Request from app sandbox-client with secret [redacted] and token ${token} was refused; received [redacted], [redacted], [redacted], [redacted], [redacted]${encoded}; secret began [redacted] ([redacted] on)”`;
  sandbox.handler.configure({ faults: ['token:leak-credentials*1'] });
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(alert).toContainText(leaked('none', ''));

  // Still no token cached: the next call mints one, and this one could add a header to a request.
  sandbox.handler.configure({ faults: ['unusable-token*1'] });
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(alert).toContainText('The token answer holds an access token that cannot be sent');
  await expect(alert).toContainText('Nothing was sent with it.');
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 2, imageCalls: 0 });

  // …then on the image call, which presents a token.
  sandbox.handler.configure({ faults: ['leak-credentials*1'] });
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(alert).toContainText(leaked('[redacted]', ', [redacted]'));
  expect(await popup.content()).not.toMatch(/sandbox(-|%2d)secret|%73%61%6e%64|secret began sandbox/i);

  sandbox.handler.configure({ faults: ['redirect*1'] });
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(alert).toContainText('The API redirected the request, and PiM QR does not follow redirects.');
  await expect(alert).not.toContainText('HTTP 0');

  sandbox.handler.configure({ faults: ['huge-size*1'] });
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(popup.getByText('99,999,999×99,999,999 px', { exact: false })).toBeVisible();
  await popup.getByLabel('PNG scale').selectOption('1');
  await popup.getByRole('button', { name: 'Download PNG' }).click();
  await expect(alert).toContainText('The PNG would be 99,999,999×99,999,999 px, larger than PiM QR draws (at most 8,192 px a side).');
  await expect(alert).toContainText('Download it as SVG, or as PNG at a smaller scale.');
  await expect(popup.getByRole('img', { name: 'QR preview' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('Cancel stops a slow request and keeps the form; the form survives closing the popup', async ({
  openOptions,
  openPopup,
  sandbox,
  serviceWorker,
}) => {
  const options = await openOptions();
  await addEnvironment(options.page, sandbox.url, SECRET);
  sandbox.handler.configure({ faults: ['delay=10000'] });

  const first = await openPopup();
  await first.page.getByLabel('Environment').selectOption({ label: 'Local sandbox' });
  await first.page.getByLabel('Title').fill('Slow one');
  await chooseAttributes(first.page, ['PlaceOfBirth']);
  await first.page.getByRole('button', { name: 'Generate' }).click();
  await expect(first.page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await first.page.getByRole('button', { name: 'Cancel' }).click();
  await expect(first.page.getByText('Cancelled. Your settings are kept; press Generate to try again.')).toBeVisible();
  await expect(first.page.getByRole('button', { name: 'Generate' })).toBeEnabled();
  await expect(first.page.getByLabel('Title')).toHaveValue('Slow one');
  expect(await storedHistory(serviceWorker)).toBe(0);
  await first.page.close();

  const second = await openPopup();
  await expect(second.page.getByLabel('Title')).toHaveValue('Slow one');
  await expect(second.page.getByLabel('Environment')).toHaveValue(/^custom-/);
  await expect(second.page.getByRole('checkbox', { name: 'PlaceOfBirth', exact: true })).toBeChecked();
  await expect(second.page.getByRole('checkbox', { name: 'Email', exact: true })).not.toBeChecked();
  expect([...first.errors, ...second.errors]).toEqual([]);
});

/** The history entries in the worker's storage.local, read without going through the UI. */
const storedHistory = (worker: Worker) =>
  worker.evaluate(async () => ((await chrome.storage.local.get('history')).history as { entries?: unknown[] } | undefined)?.entries?.length ?? 0);

test('Cancel after the answer arrived: no result, and History stays empty', async ({ openOptions, openPopup, sandbox, serviceWorker }) => {
  const options = await openOptions();
  await addEnvironment(options.page, sandbox.url, SECRET);
  sandbox.handler.configure({ faults: ['delay=1500'] });
  const { page: popup, errors } = await openPopup();
  await popup.getByLabel('Environment').selectOption({ label: 'Local sandbox' });
  await popup.getByRole('button', { name: 'Generate' }).click();
  await expect(popup.getByRole('button', { name: 'Cancel' })).toBeVisible();

  // The popup's thread is held (a synchronous poll) while the worker gets its answer and answers the
  // popup, so that answer waits in the popup's queue; then Cancel is pressed before it is read: the
  // Cancel crosses the answer, as when a user clicks just as the QR arrives.
  const gate = await startGate();
  try {
    const held = popup.evaluate(holdThenCancel, gate.url);
    await expect.poll(() => storedHistory(serviceWorker), { timeout: 15_000 }).toBe(1);
    gate.open();
    await held;
  } finally {
    gate.open();
    await gate.close();
  }

  await expect(popup.getByText('Cancelled. Your settings are kept; press Generate to try again.')).toBeVisible();
  await expect.poll(() => storedHistory(serviceWorker)).toBe(0);
  await expect(popup.getByRole('img', { name: 'QR preview' })).toHaveCount(0);
  await popup.getByRole('button', { name: 'History' }).click();
  await expect(popup.getByText('No QR codes yet.')).toBeVisible();
  expect(errors).toEqual([]);
});

