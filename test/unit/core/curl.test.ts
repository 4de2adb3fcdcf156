import { execFile, execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { copyableCalls } from '../../../src/core/api-calls';
import { curlCommands, shellQuote } from '../../../src/core/curl';
import { PRODUCTION_ENVIRONMENT } from '../../../src/core/environments';
import { DEFAULT_PARAMS, serializeParams } from '../../../src/core/params';
import { startSandboxServer } from '../../../scripts/sandbox-http';

const notes = { before: ['Set the secret first.'], answer: 'The answer.' };
const params = { ...DEFAULT_PARAMS, title: "It's $(rm -rf ~) `id` \"quoted\"", description: 'line1\nline2 \\ back' };

describe('curlCommands', () => {
  const text = curlCommands(copyableCalls({ environment: PRODUCTION_ENVIRONMENT, clientId: 'my-client', params, notes }));

  it('mints a token with the secret read from $KPN_CLIENT_SECRET', () => {
    expect(text).toContain("'https://api-prd.kpn.com/oauth/client_credential/accesstoken?grant_type=client_credentials'");
    expect(text).toContain("--data-urlencode 'client_id=my-client'");
    expect(text).toContain('--data-urlencode "client_secret=$KPN_CLIENT_SECRET"');
    expect(text).toMatch(/^TOKEN=\$\(curl /m);
  });

  it('calls /image with the token variable and the JSON body', () => {
    expect(text).toContain("'https://api-prd.kpn.com/kpn/qrcodegenerator/image'");
    expect(text).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(text).toContain("-H 'Content-Type: application/json'");
  });

  it('never contains a secret or token, only placeholders', () => {
    const secretish = curlCommands(copyableCalls({ environment: PRODUCTION_ENVIRONMENT, clientId: 'id', params: DEFAULT_PARAMS, notes }));
    expect(secretish).not.toMatch(/client_secret=(?!\$KPN_CLIENT_SECRET)/);
    expect(secretish).not.toMatch(/Bearer (?!\$TOKEN)/);
  });

  it('is valid shell whose body argument is exactly the JSON the extension sends', () => {
    // Replace curl with a function that prints its last argument, and run the real shell.
    const script = `curl() { for a; do last="$a"; done; printf '%s' "$last"; }\nKPN_CLIENT_SECRET=x\n${text}`;
    const output = execFileSync('sh', ['-c', `${script}\n`], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(serializeParams(params));
  });

  it('quotes a hostile client ID so it cannot break out', () => {
    const hostile = curlCommands(copyableCalls({ environment: PRODUCTION_ENVIRONMENT, clientId: "a' ; touch /tmp/pwned ; '", params: DEFAULT_PARAMS, notes }));
    expect(hostile).toContain(`'client_id=a'\\'' ; touch /tmp/pwned ; '\\'''`);
  });
});

describe('curlCommands with a path curl could expand', () => {
  it('sends each call once, to the path as written: no {a,b} or [1-5] globbing', async () => {
    const paths: string[] = [];
    const server = await startSandboxServer({ port: 0, log: (line) => paths.push(line.split(' ')[2] ?? '') });
    try {
      const environment = { baseUrl: server.url, tokenPath: '/oauth{,-copy}/token', imagePath: '/qr[1-5]' };
      const text = curlCommands(copyableCalls({ environment, clientId: 'c', params: DEFAULT_PARAMS, notes }));
      expect(text.split('\n').filter((line) => /\bcurl /.test(line)).every((line) => line.includes('curl --globoff '))).toBe(true);
      await new Promise<void>((resolve) => {
        execFile('bash', ['-c', text], { env: { ...process.env, KPN_CLIENT_SECRET: 'x' }, timeout: 20_000 }, () => resolve());
      });
      expect(paths).toEqual(['/oauth{,-copy}/token', '/qr[1-5]']);
    } finally {
      await server.close();
    }
  });
});

describe('curlCommands with notes', () => {
  it('puts each note in a comment of its own; a line break in one cannot start a command', () => {
    const text = curlCommands(copyableCalls({
      environment: PRODUCTION_ENVIRONMENT,
      clientId: 'c',
      params: DEFAULT_PARAMS,
      notes: { before: ['Eerst het geheim.\ntouch /tmp/pwned', 'Tweede regel.'], answer: 'Het antwoord.' },
    }));
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['# Eerst het geheim. touch /tmp/pwned', '# Tweede regel.']);
    expect(lines).toContain('# Het antwoord.');
    expect(lines.filter((line) => line.includes('touch'))).toHaveLength(1);
  });
});

describe('shellQuote', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", "'it'\\''s'"],
    ['$HOME `x` "y"', "'$HOME `x` \"y\"'"],
    ['', "''"],
  ])('%j → %s', (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });

  it.each(["it's", '$(id)', '`id`', 'a\nb', "'''", '\\', '!event'])('round-trips %j through sh', (value) => {
    expect(execFileSync('sh', ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' })).toBe(value);
  });
});
