import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

// cgroup v1 reports "no limit" as a huge page-aligned number; anything above this is treated as unlimited.
const V1_UNLIMITED = 2 ** 60;

/** Memory limit of this container in bytes from cgroup v2 `memory.max` or v1 `memory.limit_in_bytes`, if any. */
export async function cgroupMemoryLimit(root: string): Promise<number | undefined> {
  const v2 = await readTrimmed(join(root, 'memory.max'));
  if (v2 !== undefined) return v2 === 'max' ? undefined : toLimit(v2);
  const v1 = await readTrimmed(join(root, 'memory', 'memory.limit_in_bytes'));
  return v1 === undefined ? undefined : toLimit(v1);
}

function toLimit(text: string): number | undefined {
  const bytes = Number(text);
  return Number.isFinite(bytes) && bytes > 0 && bytes < V1_UNLIMITED ? bytes : undefined;
}

async function readTrimmed(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return undefined;
  }
}
