// How a sandbox fault's value is read, and the error that names a bad one.

export class SandboxFaultError extends Error {
  override name = 'SandboxFaultError';
}

export function required(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new SandboxFaultError(`Sandbox fault '${name}' needs a value`);
  return value;
}

export function integerValue(name: string, value: string | undefined, min: number, max: number): number {
  const text = required(name, value);
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(number >= min && number <= max)) {
    throw new SandboxFaultError(`Sandbox fault '${name}' needs a whole number from ${min} to ${max}, not '${text}'`);
  }
  return number;
}

export function oneOf<const T extends string | number>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((option) => String(option) === value);
  if (found === undefined) {
    throw new SandboxFaultError(`Sandbox fault '${name}' accepts ${allowed.join('|')}, not '${value}'`);
  }
  return found;
}

/** A fault that is on or off: written bare, never with a value. */
export function flag<const N extends string>(name: N, value: string | undefined): { name: N } {
  if (value !== undefined) throw new SandboxFaultError(`Sandbox fault '${name}' takes no value`);
  return { name };
}
