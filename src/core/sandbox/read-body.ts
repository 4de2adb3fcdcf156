export type BodyText = { ok: true; text: string } | { ok: false; reason: 'too-large' };

/** Reads a request body as UTF-8 text, giving up past `maxBytes` instead of buffering it all. */
export async function readBodyText(request: Request, maxBytes: number): Promise<BodyText> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return { ok: false, reason: 'too-large' };
  // Firefox has never implemented `Request.body`: it is undefined there, not the null of a request
  // without a body. Treating it as "no body" would drop the token form in the built-in Sandbox, so
  // Firefox reads the body whole. It is small and already in memory: the extension built it itself.
  if (request.body === undefined) return whole(new Uint8Array(await request.arrayBuffer()), maxBytes);
  if (request.body === null) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole(bytes, maxBytes);
}

function whole(bytes: Uint8Array, maxBytes: number): BodyText {
  if (bytes.byteLength > maxBytes) return { ok: false, reason: 'too-large' };
  return { ok: true, text: new TextDecoder().decode(bytes) };
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
