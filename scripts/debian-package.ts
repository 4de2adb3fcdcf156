// Installs a browser from Debian's archive when a finder comes up empty, so `npm start` and `npm test`
// work on a fresh box. Only as root on a Debian-like machine; everyone else is told the command.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function isDebianLike(): boolean {
  if (!existsSync('/etc/os-release')) return false;
  const release = readFileSync('/etc/os-release', 'utf8');
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release) && existsSync('/usr/bin/apt-get');
}

export function canInstallDebianPackages(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && isDebianLike();
}

/** `apt-get install` without recommends; on failure once more after `apt-get update` (a fresh image has no lists). */
export function installDebianPackage(name: string, log: (line: string) => void, tag = `[${name}]`): void {
  log(`${tag} none found; installing Debian's ${name} package (about a minute)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', name], { stdio: 'inherit', env });
  let result = install();
  if (result.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    result = install();
  }
  if (result.status !== 0) throw new Error(`${tag} apt-get install ${name} failed (exit ${result.status}).`);
}

/** `<binary> --version`, trimmed, or 'unknown'. */
export function browserVersion(path: string): string {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() ? result.stdout.trim() : 'unknown';
}
