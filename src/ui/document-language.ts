import { uiLanguage } from '../shared/i18n';

/**
 * Names the extension page and says which language it is in, so a screen reader speaks Dutch text
 * with Dutch pronunciation and the browser's own checks (spelling, hyphenation) use the right one.
 */
export function nameDocument(title: string): void {
  document.title = title;
  document.documentElement.lang = uiLanguage();
}
