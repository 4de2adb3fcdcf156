// The words of one scan entry, from checked data only: the decoded text made safe to show (as text,
// never markup), the figures and warnings (the scannability checks are shared with placed QRs), and
// how the entry compares with the QR generated last.
import { hasControlCharacters, replaceControlCharacters } from '../core/control-characters';
import { formatPixels } from '../shared/format';
import { formatNumber, t } from '../shared/i18n';
import type { ReadCode } from '../shared/scan-messages';
import { assessScannability } from '../shared/scannability';

/** More than this many characters of a decoded text are not shown: the list stays readable. */
export const SHOWN_TEXT_MAX_CHARS = 300;
/** A quiet zone narrower than this many modules is below what the QR standard asks. */
export const MIN_QUIET_ZONE_MODULES = 4;
/** Below this light-to-dark ratio, phone cameras start to miss modules. */
export const MIN_CONTRAST = 3;

const RISKY_SCHEME = /^(javascript|data|vbscript):/i;

/**
 * The text as a browser's URL parser reads its scheme: C0 controls and spaces stripped at both ends,
 * tabs and line breaks dropped anywhere ("java\tscript:" runs as "javascript:"). Other invisible
 * characters are dropped too: a link that only looks harmless still earns the warning.
 */
function schemeView(text: string): string {
  let out = '';
  for (const char of text) if (!hasControlCharacters(char)) out += char;
  return out.trim();
}

/** The decoded text as it may be shown, and what the reader must know about it. */
export function safeText(text: string): { shown: string; notes: string[] } {
  const notes: string[] = [];
  const scheme = RISKY_SCHEME.exec(schemeView(text));
  if (scheme) notes.push(t('scanTextScript', `${(scheme[1] ?? '').toLowerCase()}:`));
  if (hasControlCharacters(text)) notes.push(t('scanTextControl'));
  const chars = Array.from(text);
  let shown = replaceControlCharacters(text);
  if (chars.length > SHOWN_TEXT_MAX_CHARS) {
    shown = `${replaceControlCharacters(chars.slice(0, SHOWN_TEXT_MAX_CHARS).join(''))}…`;
    notes.push(t('scanTextLong', SHOWN_TEXT_MAX_CHARS, chars.length));
  }
  return { shown, notes };
}

/** The size line, the figures line, and every warning: the shared checks first, then the scan's own. */
export function entryFigures(entry: ReadCode): { size: string; figures: string; warnings: string[] } {
  const report = assessScannability(entry.facts);
  const warnings = report.warnings.map((w) => w.text);
  if (entry.quietZoneModules < MIN_QUIET_ZONE_MODULES) warnings.push(t('scanWarnQuietZone'));
  if (entry.contrast < MIN_CONTRAST) warnings.push(t('scanWarnContrast'));
  // chrome.i18n has no plural forms: one module is a message of its own.
  const figures = t(
    Math.round(entry.quietZoneModules) === 1 ? 'scanFiguresQuietZoneOne' : 'scanFigures',
    entry.modules,
    formatNumber(entry.facts.moduleCssPx ?? 0, 1),
    formatNumber(entry.quietZoneModules, 0),
    formatNumber(entry.contrast, 1),
  );
  return { size: report.sizeText, figures, warnings };
}

/** The QR generated last: its size in pixels and its text, null when it could not be read back. */
export interface LatestQr {
  width: number;
  height: number;
  text: string | null;
}

/** Sizes within one CSS pixel count as the same: the page may round the box. */
const sameSize = (a: number, b: number) => Math.abs(a - b) < 1;

export function compareWithLatest(entry: ReadCode, latest: LatestQr): { sameText: boolean | null; sameSize: boolean } {
  return {
    sameText: latest.text === null ? null : latest.text === entry.text,
    sameSize: sameSize(entry.facts.width, latest.width) && sameSize(entry.facts.height, latest.height),
  };
}

/** The comparison in words: content first, then size. */
export function comparisonText(entry: ReadCode, latest: LatestQr): string[] {
  const { sameText, sameSize: same } = compareWithLatest(entry, latest);
  const latestSize = formatPixels(latest.width, latest.height);
  const shownSize = formatPixels(Math.round(entry.facts.width), Math.round(entry.facts.height));
  return [
    sameText === null ? t('scanLatestUnreadable') : t(sameText ? 'scanSameText' : 'scanOtherText'),
    same ? t('scanSameSize', latestSize) : t('scanOtherSize', shownSize, latestSize),
  ];
}
