import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBinary } from './binaries';
import { freePort } from './ports';

/** A throw-away PostgreSQL cluster owned by the `postgres` user, listening on 127.0.0.1 only. */
export interface PostgresServer {
  readonly port: number;
  readonly connectionString: string;
  stop(): void;
}

/** initdb + pg_ctl start in a temp dir (trust auth, user `app`); throws with a clear message when missing. */
export async function startPostgres(): Promise<PostgresServer> {
  requireBinary('initdb', 'PostgreSQL 15 server binaries');
  requireBinary('pg_ctl', 'PostgreSQL 15 server binaries');
  const dir = mkdtempSync(join(tmpdir(), 'fasttodo-health-pg-'));
  const data = join(dir, 'data');
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  const port = await freePort();
  const asPostgres = (command: string) =>
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe', timeout: 60_000 });
  asPostgres(`initdb -D '${data}' -U app --auth=trust >/dev/null`);
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  asPostgres(`pg_ctl -D '${data}' -l '${join(dir, 'log')}' -o '${serverOptions}' -w -t 30 start >/dev/null`);
  return {
    port,
    connectionString: `postgres://app@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        asPostgres(`pg_ctl -D '${data}' -m immediate -w stop >/dev/null`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
