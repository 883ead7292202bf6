import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, run } from './processes';

/** A throwaway PostgreSQL cluster on loopback. */
export interface Postgres {
  url: string;
  stop(): Promise<void>;
}

/** Runs a shell command as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function asOwner(command: string): { code: number; output: string } {
  return process.getuid?.() === 0
    ? run('su', ['postgres', '-s', '/bin/sh', '-c', command])
    : run('sh', ['-c', command]);
}

function ownerIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const { output } = run('id', ['postgres']);
  const uid = /uid=(\d+)/.exec(output)?.[1];
  const gid = /gid=(\d+)/.exec(output)?.[1];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
}

/** initdb + pg_ctl start in a temporary folder (the recipe of DESIGN.md); trust authentication on loopback only. */
export async function startPostgres(): Promise<Postgres> {
  const dir = mkdtempSync(join(tmpdir(), 'fasttodo-pg-'));
  const ids = ownerIds();
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const port = await freePort();
  const data = join(dir, 'data');
  const init = asOwner(`initdb -D ${data} -U app -A trust >/dev/null`);
  if (init.code !== 0) throw new Error(`initdb failed: ${init.output}`);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const start = asOwner(`pg_ctl -D ${data} -l ${join(dir, 'log')} -o '${options}' -w start >/dev/null`);
  if (start.code !== 0) throw new Error(`pg_ctl start failed: ${start.output}`);
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    stop: async () => {
      asOwner(`pg_ctl -D ${data} -m immediate -w stop >/dev/null`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
