// One table for the terminal that is also GitHub markdown, so it pastes into the README as is.
import { type MachineInfo, machineLines } from './machine';

export interface Row {
  area: string;
  measure: string;
  median: string;
  p95: string;
  runs: string;
  reference: string;
  ratio: string;
  verdict: string;
}

const HEADERS: Row = {
  area: 'Area',
  measure: 'Measure',
  median: 'Median',
  p95: 'p95',
  runs: 'Runs',
  reference: 'Reference / goal',
  ratio: 'Ratio',
  verdict: 'Verdict',
};
const COLUMNS = Object.keys(HEADERS) as (keyof Row)[];
const RIGHT_ALIGNED = new Set<keyof Row>(['median', 'p95', 'runs', 'ratio']);

export const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—');
export const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');
export const kib = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KiB` : '—');
export const signedKib = (bytes: number): string => (Number.isFinite(bytes) ? `${bytes >= 0 ? '+' : '−'}${kib(Math.abs(bytes))}` : '—');

export function markdownTable(rows: readonly Row[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const widths = COLUMNS.map((c) => Math.max(3, ...[HEADERS, ...rows].map((r) => cell(r[c]).length)));
  const line = (r: Row) =>
    `| ${COLUMNS.map((c, i) => (RIGHT_ALIGNED.has(c) ? cell(r[c]).padStart(widths[i] ?? 0) : cell(r[c]).padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `| ${COLUMNS.map((c, i) => {
    const dashes = '-'.repeat(widths[i] ?? 3);
    return RIGHT_ALIGNED.has(c) ? `${dashes.slice(1)}:` : dashes;
  }).join(' | ')} |`;
  return [line(HEADERS), rule, ...rows.map(line)].join('\n');
}

export function terminalReport(machine: MachineInfo, settings: string, rows: readonly Row[]): string {
  return [...machineLines(machine), `Settings: ${settings}`, '', markdownTable(rows)].join('\n');
}

/** The README's "Performance" section body, ready to paste. */
export function readmeSection(machine: MachineInfo, settings: string, rows: readonly Row[], notes: readonly string[], browserName = 'Chromium'): string {
  const command = browserName === 'Chromium' ? '`npm run bench`' : `\`npm run bench -- --browser ${browserName.toLowerCase()}\``;
  return [
    '## Performance',
    '',
    `${command} builds the extension, starts the sandbox server with a fixed added latency per request, drives`,
    `headless ${browserName} with the extension loaded and prints this table (JSON in \`bench-results/\`). Ratios compare`,
    'figures taken in the same run, so they hold on a noisy machine better than the absolute times do.',
    '',
    `Measured on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB RAM), ${machine.os}, Node ${machine.node},`,
    `${machine.browser} headless, ${machine.date.slice(0, 10)}; ${settings}.`,
    '',
    markdownTable(rows),
    '',
    ...notes.map((n) => `- ${n}`),
  ].join('\n');
}
