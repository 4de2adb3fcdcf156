import { useId, useState } from 'preact/hooks';
import { SNIPPET_LANGUAGES, type SnippetLanguage } from '../core/snippet-languages';
import { t } from '../shared/i18n';
import type { CopyWording } from './copy-calls';
import { languageName } from './language-names';

/** The language "Copy as code" writes; each list of copy buttons keeps its own choice while the view is open. */
export function useCodeLanguage() {
  return useState<SnippetLanguage>(SNIPPET_LANGUAGES[0]);
}

export const curlWording = (): CopyWording => ({ status: t('statusCopied') });

export function codeWording(language: SnippetLanguage): CopyWording {
  return {
    status: t('statusCopiedCode', languageName(language)),
    // JavaScript also runs in web pages, where the secret would be everyone's.
    notes: language === 'javascript' ? [t('codeNoteServerSide')] : [],
  };
}

/** A native select: one tab stop, arrow keys and type-ahead in every browser, read by every screen reader. */
export function CodeLanguageSelect(props: { value: SnippetLanguage; onChange: (language: SnippetLanguage) => void; hideLabel?: boolean }) {
  const id = useId();
  return (
    <>
      <label class={props.hideLabel ? 'visually-hidden' : undefined} for={id}>
        {t('codeLanguage')}
      </label>
      <select id={id} class="select-small" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as SnippetLanguage)}>
        {SNIPPET_LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {languageName(language)}
          </option>
        ))}
      </select>
    </>
  );
}
