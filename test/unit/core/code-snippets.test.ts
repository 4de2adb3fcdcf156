import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { copyableCalls } from '../../../src/core/api-calls';
import { codeSnippet } from '../../../src/core/code-snippets';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { SECRET_PLACEHOLDER, TOKEN_PLACEHOLDER } from '../../../src/core/request-log';
import { SECRET_VARIABLE, SNIPPET_LANGUAGES, TOKEN_VARIABLE } from '../../../src/core/snippet-languages';

// Quotes, backslashes, $, ${}, a line break and characters beyond ASCII: each language must keep them a value.
const HOSTILE = `It's "quoted" \\ back\\nslash $HOME \${x} {$y} é 😀 \u2028`;

const calls = copyableCalls({
  environment: { baseUrl: 'https://api.example.test', tokenPath: '/oauth/token', imagePath: "/qr/$img'" },
  clientId: HOSTILE,
  params: { ...DEFAULT_PARAMS, title: HOSTILE, attributes: ['Email'] },
  notes: { before: ['Set the secret first.', 'Never ?> this\nline'], answer: 'The answer is the QR code.' },
});

const ENV_READS = {
  javascript: 'process.env.KPN_CLIENT_SECRET',
  node: 'process.env.KPN_CLIENT_SECRET',
  python: 'os.environ["KPN_CLIENT_SECRET"]',
  php: "getenv('KPN_CLIENT_SECRET')",
  java: 'System.getenv("KPN_CLIENT_SECRET")',
} as const;

const TOKEN_USES = {
  javascript: "'Bearer ' + token",
  node: "'Bearer ' + token",
  python: '"Bearer " + token',
  php: '"Authorization: Bearer " . $token',
  java: '"Bearer " + token',
} as const;

describe('code snippets', () => {
  it('read the variables the request log redacts to', () => {
    expect([SECRET_PLACEHOLDER, TOKEN_PLACEHOLDER]).toEqual([`$${SECRET_VARIABLE}`, `$${TOKEN_VARIABLE}`]);
  });

  it('php: checks the HTTP status of both calls, not only curl_error', () => {
    const code = codeSnippet('php', calls);
    expect(code.match(/\$status = curl_getinfo\(\$curl, CURLINFO_HTTP_CODE\);\ncurl_close\(\$curl\);/g)).toHaveLength(2);
    expect(code).toContain('fwrite(STDERR, "Token call: HTTP " . $status');
    expect(code).toContain('fwrite(STDERR, "Image call: HTTP " . $status');
  });

  it.each(SNIPPET_LANGUAGES)('%s: stops with "Set KPN_CLIENT_SECRET …" when the variable is unset, before the code that calls', (language) => {
    const code = codeSnippet(language, calls);
    const stop = code.indexOf('Set KPN_CLIENT_SECRET to your client secret.');
    expect(stop).toBeGreaterThan(-1);
    expect(stop).toBeLessThan(code.indexOf('https://api.example.test/oauth/token'));
  });

  it.each(SNIPPET_LANGUAGES)('%s: the token call reads the secret from the environment, the image call uses its token', (language) => {
    const code = codeSnippet(language, calls);
    expect(code).toContain(ENV_READS[language]);
    expect(code).toContain(TOKEN_USES[language]);
    expect(code).toContain('https://api.example.test/oauth/token?grant_type=client_credentials');
    // The path's $ and quote are percent-encoded: PHP would read "$img" in double quotes as a variable.
    expect(code).toContain('https://api.example.test/qr/%24img%27');
    expect(code).not.toMatch(/PIMQR/);
    expect(code).not.toContain('?>');
    const comment = language === 'python' ? '#' : '//';
    expect(code).toContain(`${comment} Set the secret first.\n`);
    expect(code).toContain(`${comment} Never ? > this line\n`);
    expect(code).toContain(`${comment} The answer is the QR code.\n`);
  });

  it.each(['javascript', 'node'] as const)('%s: the program sends the typed values exactly, and the secret from the environment', async (language) => {
    {
      const code = codeSnippet(language, calls);
      // Runs the program with a fetch that records what it is asked to send.
      const sent: { url: string; body: string }[] = [];
      const fakeFetch = (url: string, options: { body: URLSearchParams | string }) => {
        sent.push({ url, body: String(options.body) });
        const answer = sent.length === 1 ? { access_token: 'tok' } : 'image';
        return Promise.resolve({ ok: true, json: () => Promise.resolve(answer), text: () => Promise.resolve(String(answer)) });
      };
      const printed: string[] = [];
      const process = { env: { KPN_CLIENT_SECRET: 'from-the-environment' }, stdout: { write: (s: string) => printed.push(s) } };
      const console = { log: (s: string) => printed.push(s), error: (e: unknown) => printed.push(`error ${String(e)}`) };
      const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
      await new AsyncFunction('fetch', 'process', 'console', `${code}\nawait new Promise((r) => setTimeout(r, 0));`)(fakeFetch, process, console);
      expect(new URLSearchParams(sent[0]?.body).get('client_id')).toBe(HOSTILE);
      expect(new URLSearchParams(sent[0]?.body).get('client_secret')).toBe('from-the-environment');
      expect(JSON.parse(sent[1]?.body ?? '')).toMatchObject({ title: HOSTILE });
      expect(sent[1]?.body).toBeDefined();
      expect(printed).toEqual([language === 'node' ? 'image\n' : 'image']);
    }
  });

  it('writes the typed values so that Python reads them back exactly', () => {
    const code = codeSnippet('python', calls);
    // The program up to its first request, then what it would send.
    const check = [
      'import ast, json, sys',
      'tree = ast.parse(sys.stdin.read())',
      'values = [ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict) and all(isinstance(v, ast.Constant) for v in node.value.values)]',
      'print(json.dumps(values))',
    ].join('\n');
    const dicts = JSON.parse(execFileSync('python3', ['-c', check], { input: code, encoding: 'utf8' })) as Record<string, string>[];
    expect(dicts).toContainEqual(expect.objectContaining({ title: HOSTILE }));
  });

  it('writes PHP and Java values as each language escapes them', () => {
    const php = codeSnippet('php', calls);
    expect(php).toContain(`'title' => 'It\\'s "quoted" \\\\ back\\\\nslash $HOME \${x} {$y} é 😀 \u2028'`);
    expect(php).toContain(`"client_id=${new URLSearchParams({ a: HOSTILE }).toString().slice(2).replaceAll('+', '%20')}&client_secret=" . urlencode(getenv('KPN_CLIENT_SECRET'))`);
    const java = codeSnippet('java', calls);
    expect(java).toContain('URLEncoder.encode(System.getenv("KPN_CLIENT_SECRET"), StandardCharsets.UTF_8)');
    expect(java).toContain(JSON.stringify(calls.imageBody).slice(1, -1));
  });

  it('never carries a secret or a token: it has neither, and each copy takes new stand-ins', () => {
    const first = codeSnippet('node', calls);
    expect(codeSnippet('node', calls)).toBe(first);
    for (const language of SNIPPET_LANGUAGES) expect(codeSnippet(language, calls)).not.toMatch(/sandbox-secret|access_token=|Bearer [A-Za-z0-9]{8}/);
  });
});
