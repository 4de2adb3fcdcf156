import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyableCalls } from '../../../src/core/api-calls';
import { codeSnippet } from '../../../src/core/code-snippets';
import { decodeImageBody } from '../../../src/core/decode-image';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { LOCAL_SANDBOX_URL, SANDBOX_DEFAULTS } from '../../../src/core/sandbox/options';
import type { SnippetLanguage } from '../../../src/core/snippet-languages';
import { type RunningSandbox, startSandboxServer } from '../../../scripts/sandbox-http';
import { decodeQr } from '../core/sandbox/sandbox-test-kit';
import { setup } from './ui-handlers-setup';

const TITLE = `It's "ours" \\ $HOME \${x} é 😀`;
const hasJava = (() => {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** How each program is run: its file name and the command that runs it. */
const RUN: Partial<Record<SnippetLanguage, { file: string; command: string[] }>> = {
  node: { file: 'pim-qr.js', command: ['node'] },
  python: { file: 'pim_qr.py', command: ['python3'] },
  php: { file: 'pim_qr.php', command: ['php'] },
  java: { file: 'PimQr.java', command: ['java'] },
};

let server: RunningSandbox;
/** The paths of the requests the server has answered. */
const received: string[] = [];
let calls: CopyableCalls;
const folder = mkdtempSync(join(tmpdir(), 'pim-qr-snippets-'));

beforeAll(async () => {
  server = await startSandboxServer({ port: 0, log: (line) => received.push(line.split(' ')[2] ?? '') });
  const { handlers } = setup();
  const params = { ...DEFAULT_PARAMS, title: TITLE, redirect: 1, attributes: ['Email' as const] };
  await handlers['ui-bg-generate']({ requestId: 'r', environmentId: 'sandbox', params });
  const copied = await handlers['ui-bg-calls-get']({ program: true });
  // Only the port differs: the test's server listens on a free one.
  calls = { ...copied, tokenUrl: copied.tokenUrl.replace(LOCAL_SANDBOX_URL, server.url), imageUrl: copied.imageUrl.replace(LOCAL_SANDBOX_URL, server.url) };
});

afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Runs the program with the secret in the environment, or without the variable at all. */
function run(language: SnippetLanguage, secret: string | undefined, which = calls): Promise<{ code: number; stdout: string; stderr: string }> {
  const how = RUN[language];
  if (!how) throw new Error(`no way to run ${language}`);
  const file = join(folder, how.file);
  writeFileSync(file, codeSnippet(language, which));
  const [command = '', ...args] = how.command;
  const { KPN_CLIENT_SECRET: _ignored, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(command, [...args, file], { env: secret === undefined ? env : { ...env, KPN_CLIENT_SECRET: secret }, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

// Each test starts an interpreter, or compiles Java, on a machine that may be busy.
describe('copied code run against the sandbox server', { timeout: 60_000 }, () => {
  async function fetchesScanningQr(language: SnippetLanguage) {
    const { code, stdout } = await run(language, SANDBOX_DEFAULTS.clientSecret);
    expect(code).toBe(0);
    const svg = decodeImageBody(stdout);
    expect(decodeQr(svg)).toMatch(/\/r\/1\?attributes=Email$/);
    // The sandbox writes the title it was sent into the image: every character arrived as typed.
    expect(svg).toContain(`<title>${TITLE.replaceAll("'", '&apos;').replaceAll('"', '&quot;')} (`);
  }

  it.each(['node', 'python', 'php'] as const)('%s: fetches a QR that scans, with the secret from the environment', fetchesScanningQr);

  // Java runs where a JDK is installed (it is not among the packages CI installs).
  it.skipIf(!hasJava)('java: fetches a QR that scans, with the secret from the environment', () => fetchesScanningQr('java'));

  it.each(['node', 'python', 'php'] as const)('%s: a wrong secret in the environment gets no QR and fails', async (language) => {
    const { code, stdout } = await run(language, `wrong "secret" \\ $x é`);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
  });

  it.each(['node', 'python', 'php'] as const)('%s: without KPN_CLIENT_SECRET says to set it and makes no call', async (language) => {
    const before = received.length;
    const { code, stdout, stderr } = await run(language, undefined);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('Set KPN_CLIENT_SECRET to your client secret.');
    expect(received.slice(before)).toEqual([]);
  });

  it.each(['node', 'python', 'php'] as const)('%s: an error answer to the image call is no QR: nothing on stdout, a failure', async (language) => {
    const missing = { ...calls, imageUrl: `${server.url}/kpn/qrcodegenerator/missing` };
    const { code, stdout, stderr } = await run(language, SANDBOX_DEFAULTS.clientSecret, missing);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('404');
  });
});
