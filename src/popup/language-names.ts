import type { SnippetLanguage } from '../core/snippet-languages';
import { t } from '../shared/i18n';

/** The name the menus and the status line give a language. */
export function languageName(language: SnippetLanguage): string {
  switch (language) {
    case 'javascript':
      return t('codeJavascript');
    case 'node':
      return t('codeNode');
    case 'python':
      return t('codePython');
    case 'php':
      return t('codePhp');
    case 'java':
      return t('codeJava');
  }
}
