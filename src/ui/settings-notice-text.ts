// The worker's one-time settings notice in the user's language ('' when there is none).
import { t, uiLanguage } from '../shared/i18n';
import type { DroppedSetting, SettingsNotice } from '../shared/settings-notice';

function droppedText(item: DroppedSetting): string {
  if ('formDefaults' in item) return t('noticeDroppedFormDefaults');
  if ('more' in item) return t('noticeDroppedMore', item.more);
  return item.environment === '' ? t('noticeDroppedUnnamedEnvironment') : t('noticeDroppedEnvironment', item.environment);
}

export function settingsNoticeText(notice: SettingsNotice | undefined): string {
  switch (notice?.code) {
    case undefined:
      return '';
    case 'settings-unreadable':
      return t('noticeSettingsUnreadable');
    case 'settings-from-newer-version':
      return t('noticeSettingsFromNewerVersion');
    case 'settings-from-unknown-version':
      return t('noticeSettingsFromUnknownVersion');
    case 'settings-dropped': {
      const list = new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(notice.dropped.map(droppedText));
      return t('noticeSettingsDropped', list);
    }
  }
}
