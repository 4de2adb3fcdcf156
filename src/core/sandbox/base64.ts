// btoa only takes Latin-1, so text goes through UTF-8 bytes first.
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked: spreading a multi-megabyte array into one call overflows the argument stack.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

export function utf8ToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}
