import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../../src/core/storage-port';
import { credentialFingerprint, forgetCachedToken } from '../../../src/core/token-cache';
import { BASE_URL, CLIENT_ID, CLIENT_SECRET, TOKEN_PATH } from './fake-fetch';

const endpoint = { baseUrl: BASE_URL, tokenPath: TOKEN_PATH };
const first = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
const second = { clientId: CLIENT_ID, clientSecret: `${CLIENT_SECRET}-rotated` };

function sha256(credentials: { clientId: string; clientSecret: string }): string {
  const input = JSON.stringify(['pim-qr token audience 1', BASE_URL, TOKEN_PATH, credentials.clientId, credentials.clientSecret]);
  return createHash('sha256').update(input).digest('hex');
}

describe('credentialFingerprint: the last one is kept for the next generate', () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    // Starts every test without a kept fingerprint.
    await forgetCachedToken(createMemoryStore(), 'token:any');
  });

  it('hashes the same credentials once, and gives the same fingerprint again', async () => {
    const digest = vi.spyOn(crypto.subtle, 'digest');
    const once = await credentialFingerprint(endpoint, first);
    const again = await credentialFingerprint(endpoint, { ...first });
    expect(again).toBe(once);
    expect(once).toBe(sha256(first));
    expect(digest).toHaveBeenCalledTimes(1);
  });

  it('other credentials in between give their own fingerprint, and the first one is right again after them', async () => {
    expect(await credentialFingerprint(endpoint, first)).toBe(sha256(first));
    expect(await credentialFingerprint(endpoint, second)).toBe(sha256(second));
    expect(await credentialFingerprint(endpoint, first)).toBe(sha256(first));
    expect(await credentialFingerprint({ ...endpoint, baseUrl: 'https://other.example' }, first)).not.toBe(sha256(first));
  });

  it('forgetting any token drops the kept fingerprint: the secret is not held for it any longer', async () => {
    const digest = vi.spyOn(crypto.subtle, 'digest');
    await credentialFingerprint(endpoint, first);
    await forgetCachedToken(createMemoryStore(), 'token:env-1');
    expect(await credentialFingerprint(endpoint, first)).toBe(sha256(first));
    expect(digest).toHaveBeenCalledTimes(2);
  });

  it('a hash that failed is not kept: the next call hashes again', async () => {
    const digest = vi.spyOn(crypto.subtle, 'digest').mockRejectedValueOnce(new Error('no crypto now'));
    await expect(credentialFingerprint(endpoint, first)).rejects.toThrow('no crypto now');
    expect(await credentialFingerprint(endpoint, first)).toBe(sha256(first));
    expect(digest).toHaveBeenCalledTimes(2);
  });
});
