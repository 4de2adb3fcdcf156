// How each language's program is put together from the two calls httpsnippet wrote (code-snippets.ts).
import type { HTTPSnippet } from '@readme/httpsnippet';
import { SECRET_VARIABLE, type SnippetLanguage } from './snippet-languages';

type TargetId = Parameters<HTTPSnippet['convert']>[0];

/** How one language reads the secret and uses the token, and how its program is put together. */
export interface Language {
  target: TargetId;
  client: string;
  comment: string;
  /** The quote httpsnippet puts around these values in this language. */
  quote: string;
  /** String concatenation. */
  join: string;
  /** The secret read from the environment, as a value of its own. */
  secret: string;
  /** The same, URL-encoded, where the language's form body is one string (not needed where it is a map). */
  formSecret?: string;
  /** The variable holding the token. */
  token: string;
  /** A string literal of a value, where httpsnippet's own leaves a backslash unescaped. */
  literal?: (value: string) => string;
  /** The program: notes, the token call keeping the token, the image call printing its answer. */
  program(parts: Parts): string[];
}

export interface Parts {
  notes: string[];
  answerNote: string;
  /** Each call as httpsnippet made it, up to the request sent; without the lines that print the answer. */
  tokenCall: string;
  imageCall: string;
}

// Unset, the secret would be sent as "undefined" or "" and the token call refused as a wrong client ID.
const NO_SECRET = `Set ${SECRET_VARIABLE} to your client secret.`;

/** JavaScript and Node stop before any call when the secret is not set. */
const fetchSecretCheck = [`if (!process.env.${SECRET_VARIABLE}) {`, `  console.error('${NO_SECRET}');`, '  process.exit(1);', '}', ''];

/** The code between a known start and a known end; httpsnippet is pinned, and a test fails when either moves. */
function cut(code: string, start: string, end: string): string {
  const from = code.indexOf(start);
  const to = code.lastIndexOf(end);
  if (from !== 0 || to < from + start.length) throw new Error('Unexpected snippet');
  return code.slice(start.length, to).trim();
}

const indent = (code: string, by = '  ') =>
  code
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');

/** fetch in functions of their own, so the two calls' `url` and `options` do not clash. */
function fetchFunctions(parts: Parts): string[] {
  return [
    ...parts.notes,
    ...fetchSecretCheck,
    'async function requestToken() {',
    indent(parts.tokenCall),
    '  const response = await fetch(url, options);',
    '  if (!response.ok) throw new Error(`Token call: HTTP ${response.status} ${await response.text()}`);',
    '  return (await response.json()).access_token;',
    '}',
    '',
    parts.answerNote,
    'async function requestImage(token) {',
    indent(parts.imageCall),
    '  const response = await fetch(url, options);',
    '  if (!response.ok) throw new Error(`Image call: HTTP ${response.status} ${await response.text()}`);',
    '  return response.text();',
    '}',
    '',
  ];
}

/** javascript/fetch names the address inside the fetch call; the functions above expect `url`. */
function browserFetchCall(code: string): string {
  const call = /^fetch\((.+), options\)$/m.exec(code);
  if (!call) throw new Error('Unexpected javascript snippet');
  return `const url = ${call[1]};\n${code.slice(0, call.index).trim()}`;
}

/** A JavaScript string in single quotes, as httpsnippet writes them, with every escape JSON would make. */
const singleQuoted = (value: string) => `'${JSON.stringify(value).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;

/** JavaScript in the browser and Node write the same fetch calls; only the program around them differs. */
const FETCH_STYLE = {
  client: 'fetch',
  comment: '//',
  quote: "'",
  join: ' + ',
  secret: `process.env.${SECRET_VARIABLE}`,
  token: 'token',
  literal: singleQuoted,
} as const;

export const LANGUAGES: Readonly<Record<SnippetLanguage, Language>> = {
  javascript: {
    target: 'javascript',
    ...FETCH_STYLE,
    program: (parts) => [
      ...fetchFunctions({ ...parts, tokenCall: browserFetchCall(parts.tokenCall), imageCall: browserFetchCall(parts.imageCall) }),
      'console.log(await requestImage(await requestToken()));',
    ],
  },
  node: {
    target: 'node',
    ...FETCH_STYLE,
    program: (parts) => [
      ...fetchFunctions({
        ...parts,
        tokenCall: cut(parts.tokenCall, '', '\nfetch(url, options)'),
        imageCall: cut(parts.imageCall, '', '\nfetch(url, options)'),
      }),
      'requestToken()',
      '  .then(requestImage)',
      "  .then((answer) => process.stdout.write(`${answer}\\n`))",
      '  .catch((error) => {',
      '    console.error(error);',
      '    process.exitCode = 1;',
      '  });',
    ],
  },
  python: {
    target: 'python',
    client: 'requests',
    comment: '#',
    quote: '"',
    join: ' + ',
    secret: `os.environ["${SECRET_VARIABLE}"]`,
    token: 'token',
    // A JSON string is a Python string literal too.
    literal: (value) => JSON.stringify(value),
    program: (parts) => [
      'import os',
      'import sys',
      '',
      'import requests',
      '',
      ...parts.notes,
      `if not os.environ.get("${SECRET_VARIABLE}"):`,
      `    sys.exit("${NO_SECRET}")`,
      '',
      cut(parts.tokenCall, 'import requests\n', '\nprint(response.text)'),
      'response.raise_for_status()',
      'token = response.json()["access_token"]',
      '',
      parts.answerNote,
      cut(parts.imageCall, 'import requests\n', '\nprint(response.text)'),
      'response.raise_for_status()',
      'print(response.text)',
    ],
  },
  php: {
    target: 'php',
    client: 'curl',
    comment: '//',
    quote: '"',
    join: ' . ',
    secret: `getenv('${SECRET_VARIABLE}')`,
    formSecret: `urlencode(getenv('${SECRET_VARIABLE}'))`,
    token: '$token',
    program: (parts) => [
      '<?php',
      '',
      ...parts.notes,
      `if ((string) getenv('${SECRET_VARIABLE}') === '') {`,
      `  fwrite(STDERR, "${NO_SECRET}\\n");`,
      '  exit(1);',
      '}',
      '',
      phpCall(parts.tokenCall, 'Token call'),
      "$token = json_decode($response, true)['access_token'] ?? null;",
      'if ($token === null) {',
      '  fwrite(STDERR, "Token call: " . $response . "\\n");',
      '  exit(1);',
      '}',
      '',
      parts.answerNote,
      phpCall(parts.imageCall, 'Image call'),
      'echo $response . "\\n";',
    ],
  },
  java: {
    target: 'java',
    client: 'nethttp',
    comment: '//',
    quote: '"',
    join: ' + ',
    secret: `System.getenv("${SECRET_VARIABLE}")`,
    formSecret: `URLEncoder.encode(System.getenv("${SECRET_VARIABLE}"), StandardCharsets.UTF_8)`,
    token: 'token',
    program: javaProgram,
  },
};

/**
 * php/curl ends by echoing the answer or the error, and never looks at the HTTP status: the program
 * stops on an error or on an answer other than 2xx, so a refusal never reaches stdout as if it were the QR.
 */
function phpCall(code: string, name: string): string {
  const close = '\ncurl_close($curl);';
  const call = cut(code, '<?php\n', '\nif ($err) {');
  if (!call.endsWith(close)) throw new Error('Unexpected php snippet');
  return [
    `${call.slice(0, -close.length)}\n$status = curl_getinfo($curl, CURLINFO_HTTP_CODE);${close}`,
    '',
    'if ($err) {',
    `  fwrite(STDERR, "${name}: " . $err . "\\n");`,
    '  exit(1);',
    '}',
    'if ($status < 200 || $status > 299) {',
    `  fwrite(STDERR, "${name}: HTTP " . $status . " " . $response . "\\n");`,
    '  exit(1);',
    '}',
  ].join('\n');
}

/** java/nethttp gives statements only: the program wraps them in a class with what they import. */
function javaProgram(parts: Parts): string[] {
  const send = (code: string) => indent(cut(code, '', '\nSystem.out.println(response.body());'), '    ');
  const check = (name: string) =>
    `    if (response.statusCode() / 100 != 2) throw new IllegalStateException("${name}: HTTP " + response.statusCode() + " " + response.body());`;
  return [
    ...['java.net.URI', 'java.net.URLEncoder', 'java.net.http.HttpClient', 'java.net.http.HttpRequest', 'java.net.http.HttpResponse'].map(
      (name) => `import ${name};`,
    ),
    'import java.nio.charset.StandardCharsets;',
    'import java.util.regex.Matcher;',
    'import java.util.regex.Pattern;',
    '',
    ...parts.notes,
    'public class PimQr {',
    '  public static void main(String[] args) throws Exception {',
    `    String secret = System.getenv("${SECRET_VARIABLE}");`,
    '    if (secret == null || secret.isEmpty()) {',
    `      System.err.println("${NO_SECRET}");`,
    '      System.exit(1);',
    '    }',
    '    System.out.println(requestImage(requestToken()));',
    '  }',
    '',
    '  static String requestToken() throws Exception {',
    send(parts.tokenCall),
    check('Token call'),
    '    Matcher token = Pattern.compile("\\"access_token\\"\\\\s*:\\\\s*\\"([^\\"]+)\\"").matcher(response.body());',
    '    if (!token.find()) throw new IllegalStateException("Token call: no access_token in " + response.body());',
    '    return token.group(1);',
    '  }',
    '',
    `  ${parts.answerNote}`,
    '  static String requestImage(String token) throws Exception {',
    send(parts.imageCall),
    check('Image call'),
    '    return response.body();',
    '  }',
    '}',
  ];
}
