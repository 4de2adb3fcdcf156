// A copy of the build with a `key` in its manifest, so Chromium gives it a fixed extension id that a
// browser policy can name (managed environments). Only the public half of the key pair is here: the
// id derives from it, and nothing is ever signed with the private half.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST } from './dist';

/** The public key, base64 DER (SubjectPublicKeyInfo), as the manifest's `key` takes it. */
export const TEST_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAshPeFq6U83tF0ZGOTct44KR350DNP4+5foI9zkSDnbUibiBDsmN0tNVUIaLGRK0ayiAVYxj0Y8lUPGd/TPeHQPzD1I01B14tGh1FzSzm2ttyCVzyzolv6qH3/6M2Ho6McMbz5wZoHmThWi5igUHSzYPHqG6wnxgsdv9zkPTLFHxvPouYmf2lESgntv7EimyvT63B1gLfnIowW5VYGOHQu1rJJUcwVE7ChiYyvEfHBlCkB5MPmnGJ2uYC25PU7tVvAuaR+KwR4hrWJZxlDG8TukQjj17CK4jUQ+v6yzKrHWm3bckbl2V77cltfk/sIGZLI28Cax9xc73fupkfYPnSEwIDAQAB';

export const DIST_KEYED = `${DIST}-keyed`;

/** Chromium's id of an extension with this key: the first 128 bits of its SHA-256, each hex digit as a letter a–p. */
export function extensionIdOf(publicKeyBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...digest].map((digit) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(digit, 16))).join('');
}

/** Copies DIST to DIST_KEYED and adds the key: a file copy, not a second build. */
export function writeKeyedBuild(): void {
  rmSync(DIST_KEYED, { recursive: true, force: true });
  cpSync(DIST, DIST_KEYED, { recursive: true });
  const path = resolve(DIST_KEYED, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  writeFileSync(path, JSON.stringify({ ...manifest, key: TEST_PUBLIC_KEY }, null, 2));
}
