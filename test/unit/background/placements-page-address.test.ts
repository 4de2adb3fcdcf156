import { describe, expect, it } from 'vitest';
import { isSamePageAddress, normalizePath, originMatchPattern, pageAddress } from '../../../src/shared/page-address';

describe('pageAddress', () => {
  it.each([
    ['https://shop.example/login', 'https://shop.example', '/login'],
    ['https://shop.example/login/', 'https://shop.example', '/login'],
    ['https://shop.example/login?session=1#step2', 'https://shop.example', '/login'],
    ['https://shop.example', 'https://shop.example', '/'],
    ['https://shop.example:8443/a//', 'https://shop.example:8443', '/a'],
    ['http://127.0.0.1:5173/demo/spa/login', 'http://127.0.0.1:5173', '/demo/spa/login'],
    ['https://SHOP.example/Login', 'https://shop.example', '/Login'],
    ['https://shop.example:443/x', 'https://shop.example', '/x'],
  ])('%s → %s + %s', (url, origin, path) => {
    expect(pageAddress(url)).toEqual({ origin, path, page: `${origin}${path}` });
  });

  it.each([
    ['no URL', undefined],
    ['not a URL', 'login'],
    ['a chrome page', 'chrome://extensions/'],
    ['a file', 'file:///home/me/login.html'],
    ['the extension itself', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/src/popup/index.html'],
    ['a data URL', 'data:text/html,hi'],
    ['credentials in the URL', 'https://user:pw@shop.example/login'],
  ])('cannot remember %s', (_name, url) => {
    expect(pageAddress(url)).toBeUndefined();
  });

  it('treats the same page with another query as the same page, and another path as another', () => {
    expect(pageAddress('https://a.example/x?y=1')?.page).toBe(pageAddress('https://a.example/x#z')?.page);
    expect(pageAddress('https://a.example/x')?.page).not.toBe(pageAddress('https://a.example/x/y')?.page);
    expect(pageAddress('https://a.example/x')?.page).not.toBe(pageAddress('http://a.example/x')?.page);
  });
});

describe('normalizePath', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['///', '/'],
    ['/a/', '/a'],
    ['/a/b', '/a/b'],
  ])('%j → %j', (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });
});

describe('originMatchPattern', () => {
  it('covers every path of the host, without the port Firefox cannot match', () => {
    expect(originMatchPattern('http://127.0.0.1:5173')).toBe('http://127.0.0.1/*');
    expect(originMatchPattern('https://staging.example.com:8443')).toBe('https://staging.example.com/*');
    expect(originMatchPattern('https://example.com')).toBe('https://example.com/*');
    expect(originMatchPattern('http://[::1]:3000')).toBe('http://[::1]/*');
  });
});

describe('isSamePageAddress', () => {
  it.each([
    ['http://127.0.0.1:8080/plain.html?a', 'http://127.0.0.1:8080/plain.html?a#top'],
    ['https://a.example/app#/list', 'https://a.example/app#/detail'],
    ['https://A.example/x', 'https://a.example/x'],
  ])('%s is still %s', (ordered, current) => {
    expect(isSamePageAddress(ordered, current)).toBe(true);
  });

  it.each([
    ['http://127.0.0.1:8080/plain.html?a', 'http://127.0.0.1:8080/plain.html?b'],
    ['http://127.0.0.1:8080/plain.html?a', 'http://localhost:8080/plain.html?a'],
    ['https://a.example/app/list', 'https://a.example/app/detail'],
    ['https://a.example/', 'http://a.example/'],
    ['not an address', 'not an address'],
  ])('%s is not %s', (ordered, current) => {
    expect(isSamePageAddress(ordered, current)).toBe(false);
  });
});
