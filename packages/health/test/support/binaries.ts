import { execFileSync } from 'node:child_process';

/** Absolute path of `command` on PATH, or a failure that says what to install (never a skip). */
export function requireBinary(command: string, install: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`"${command}" is not on PATH; these tests need the real binary (${install})`);
  }
}
