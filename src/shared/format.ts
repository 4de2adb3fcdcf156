// Numbers, sizes, durations and times as the reader writes them (Intl, in the UI language).
import { formatNumber, t, uiLanguage } from './i18n';

const KIB = 1024;
const MIB = 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes < KIB) return t('sizeBytes', bytes);
  if (bytes < MIB) return t('sizeKilobytes', formatNumber(bytes / KIB, 1));
  return t('sizeMegabytes', formatNumber(bytes / MIB, 1));
}

export function formatDuration(ms: number): string {
  return t('durationMs', Math.round(ms));
}

let unitFormats: { language: string; formats: Map<string, Intl.NumberFormat> } | undefined;

function inUnit(value: number, unit: 'second' | 'minute' | 'hour' | 'day'): string {
  const language = uiLanguage();
  if (unitFormats?.language !== language) unitFormats = { language, formats: new Map() };
  let format = unitFormats.formats.get(unit);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 });
    unitFormats.formats.set(unit, format);
  }
  return format.format(value);
}

/** A wait as one would say it: seconds up to a minute and a half, then minutes, hours and minutes, days. */
export function formatWait(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole <= 90) return inUnit(whole, 'second');
  const minutes = Math.ceil(whole / 60);
  if (minutes < 90) return inUnit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return inUnit(Math.round(minutes / (24 * 60)), 'day');
  const rest = minutes % 60;
  return rest === 0 ? inUnit(hours, 'hour') : `${inUnit(hours, 'hour')} ${inUnit(rest, 'minute')}`;
}

export function formatPixels(width: number, height: number): string {
  return t('sizePixels', width, height);
}

let timeFormat: { language: string; format: Intl.DateTimeFormat } | undefined;

export function formatTime(epochMs: number): string {
  const language = uiLanguage();
  if (timeFormat?.language !== language) {
    timeFormat = { language, format: new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }) };
  }
  return timeFormat.format.format(epochMs);
}

let clockFormat: { language: string; format: Intl.DateTimeFormat } | undefined;

/** The time of day to the second: tells apart calls made the same minute. */
export function formatClock(epochMs: number): string {
  const language = uiLanguage();
  if (clockFormat?.language !== language) clockFormat = { language, format: new Intl.DateTimeFormat(language, { timeStyle: 'medium' }) };
  return clockFormat.format.format(epochMs);
}

let momentFormats: { language: string; time: Intl.DateTimeFormat; date: Intl.DateTimeFormat } | undefined;

/** A coming moment: its time of day when it falls on the reader's today, else its date and time. */
export function formatMoment(epochMs: number, nowMs: number): string {
  const language = uiLanguage();
  if (momentFormats?.language !== language) {
    momentFormats = {
      language,
      time: new Intl.DateTimeFormat(language, { timeStyle: 'short' }),
      date: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
    };
  }
  const sameDay = new Date(epochMs).toDateString() === new Date(nowMs).toDateString();
  return (sameDay ? momentFormats.time : momentFormats.date).format(epochMs);
}
