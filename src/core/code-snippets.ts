// The token call and the image call as one runnable program per language, made with httpsnippet.
// Loaded only when someone copies code: the popup imports this module dynamically.
import { type HarRequest, HTTPSnippet } from '@readme/httpsnippet';
import type { CopyableCalls } from './api-calls';
import type { SnippetLanguage } from './snippet-languages';
import { LANGUAGES, type Language } from './snippet-programs';

// httpsnippet writes every value as a quoted literal: it is given stand-ins for the secret and the
// token, and each stand-in's literal is then rewritten into the language's own expression.
export function codeSnippet(language: SnippetLanguage, calls: CopyableCalls): string {
  const spec = LANGUAGES[language];
  const marks = newMarks();
  // Values the user typed, each a stand-in too where httpsnippet does not escape backslashes.
  const values = new Map<string, string>();
  const typed = (value: string) => {
    if (!spec.literal) return value;
    const mark = `${marks.value}X${values.size}X`;
    values.set(mark, value);
    return mark;
  };
  const generate = (request: HarRequest) => {
    const [code] = new HTTPSnippet(request).convert(spec.target, spec.client);
    if (typeof code !== 'string') throw new Error(`No ${language} snippet`);
    return rewrite(code, spec, marks, values);
  };
  // A line break would end the comment and run the rest as code; in PHP, so would ?>.
  const comment = (text: string) => `${spec.comment} ${text.replace(/\r\n?|[\n\u2028\u2029]/g, ' ').replaceAll('?>', '? >')}`;
  return `${spec
    .program({
      notes: calls.notes.before.map(comment),
      answerNote: comment(calls.notes.answer),
      tokenCall: generate(tokenRequest(calls, typed(calls.clientId), marks.secret)),
      imageCall: generate(imageRequest(calls, typed, marks.token)),
    })
    .join('\n')}\n`;
}

function tokenRequest(calls: CopyableCalls, clientId: string, secret: string): HarRequest {
  return har(calls.tokenUrl, [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }], {
    mimeType: 'application/x-www-form-urlencoded',
    params: [
      { name: 'client_id', value: clientId },
      { name: 'client_secret', value: secret },
    ],
  });
}

function imageRequest(calls: CopyableCalls, typed: (value: string) => string, token: string): HarRequest {
  const headers = [
    { name: 'Authorization', value: `Bearer ${token}` },
    { name: 'Content-Type', value: 'application/json' },
  ];
  const fields = Object.entries(JSON.parse(calls.imageBody) as Record<string, unknown>);
  const body = JSON.stringify(Object.fromEntries(fields.map(([key, value]) => [key, typeof value === 'string' ? typed(value) : value])));
  return har(calls.imageUrl, headers, { mimeType: 'application/json', text: body });
}

function har(url: string, headers: HarRequest['headers'], postData: HarRequest['postData']): HarRequest {
  // A path may hold $ (PHP reads "$name" in a double-quoted string as a variable) or quotes: encoded, they mean the same to a server.
  const safeUrl = url.replace(/[$'"`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return { method: 'POST', url: safeUrl, httpVersion: 'HTTP/1.1', headers, postData, queryString: [], cookies: [], headersSize: -1, bodySize: -1 };
}

/** Stand-ins no value the user typed can hold, made of letters and digits so no language escapes or encodes them. */
function newMarks() {
  const id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  return { secret: `PIMQRSECRET${id}`, token: `PIMQRTOKEN${id}`, value: `PIMQRVALUE${id}` };
}

function rewrite(code: string, spec: Language, marks: ReturnType<typeof newMarks>, values: ReadonlyMap<string, string>): string {
  const q = spec.quote;
  let rewritten = code
    .replaceAll(`${q}${marks.secret}${q}`, spec.secret)
    .replaceAll(`${marks.secret}${q}`, spec.formSecret ? `${q}${spec.join}${spec.formSecret}` : marks.secret)
    .replaceAll(`${marks.token}${q}`, `${q}${spec.join}${spec.token}`);
  for (const [mark, value] of values) rewritten = rewritten.replaceAll(`${q}${mark}${q}`, spec.literal?.(value) ?? mark);
  // A stand-in left over would be sent as the secret, the token or a value: better no code at all.
  if ([marks.secret, marks.token, marks.value].some((mark) => rewritten.includes(mark))) throw new Error(`Unexpected ${spec.target} snippet`);
  return rewritten;
}

