// The machine a run was measured on, printed above the table: figures only compare within one run.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, release, totalmem } from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  loadAverage: number[];
  os: string;
  node: string;
  /** The browser measured, with its version. */
  browser: string;
  date: string;
}

export function machineInfo(browser: string): MachineInfo {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: round1(totalmem() / 1024 ** 3),
    freeMemoryGiB: round1(freemem() / 1024 ** 3),
    loadAverage: loadavg().map(round1),
    os: osName(),
    node: process.version,
    browser,
    date: new Date().toISOString(),
  };
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return `${pretty ?? process.platform}, kernel ${release()}`;
  } catch {
    return `${process.platform} ${release()}`;
  }
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function machineLines(m: MachineInfo): string[] {
  return [
    `Machine:  ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM (${m.freeMemoryGiB} GiB free), load ${m.loadAverage.join(' / ')}`,
    `Software: ${m.os}; Node ${m.node}; ${m.browser} (headless)`,
    `Date:     ${m.date}`,
  ];
}
