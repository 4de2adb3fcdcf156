// How the popup looks, as far as a stylesheet in an API answer could change it: run in the popup page
// (Playwright's or puppeteer's evaluate) before and after a hostile answer, and compared.
export function popupLooks(): string[] {
  return [
    document.documentElement,
    document.body,
    ...['main', 'header', 'form', 'select', 'label'].map((selector) => document.querySelector(selector)),
    [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Generate'),
  ].map((element) => {
    if (!element) return 'missing';
    const style = getComputedStyle(element);
    const before = getComputedStyle(element, '::before').content;
    return `${element.tagName}:${style.display}/${style.visibility}/${style.opacity}/${style.position}/${style.backgroundColor}/${before}`;
  });
}
