// Numbers and times as the popup and options page show them.
import { t } from './i18n';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return t('sizeBytes', bytes);
  return t('sizeKilobytes', (bytes / 1024).toFixed(1));
}

export function formatDuration(ms: number): string {
  return t('durationMs', Math.round(ms));
}

export function formatPixels(width: number, height: number): string {
  return t('sizePixels', width, height);
}

export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}
