import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'services.sh');

/** Throwaway PostgreSQL and/or Redis started by `scripts/services.sh` on free loopback ports. */
export interface Services {
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** Stops Redis (an outage); its port stays reserved for {@link startRedis}. */
  stopRedis(): Promise<void>;
  /** Starts Redis again on the same port. */
  startRedis(): Promise<void>;
  stop(): Promise<void>;
}

type Service = 'postgres' | 'redis';

async function script(...args: string[]): Promise<string> {
  const { stdout } = await run('bash', [SCRIPT, ...args], { timeout: 120_000 });
  return stdout;
}

function variable(env: string, name: string): string {
  const line = env.split('\n').find((l) => l.startsWith(`${name}=`));
  return line ? line.slice(name.length + 1) : '';
}

/** Starts the services (both by default); each URL is `''` when its service was not asked for. */
export async function startServices(...which: Service[]): Promise<Services> {
  const dir = await mkdtemp(join(tmpdir(), 'fasttodo-services-'));
  const env = await script('start', dir, ...which);
  return {
    databaseUrl: variable(env, 'DATABASE_URL'),
    redisUrl: variable(env, 'REDIS_URL'),
    stopRedis: async () => void (await script('stop-redis', dir)),
    startRedis: async () => void (await script('start-redis', dir)),
    stop: async () => void (await script('stop', dir)),
  };
}

/**
 * Registers `beforeAll`/`afterAll` hooks that start the services for one test file and stop them after;
 * the accessor throws when used outside a test.
 */
export function useServices(...which: Service[]): () => Services {
  let services: Services | undefined;
  beforeAll(async () => {
    services = await startServices(...which);
  }, 120_000);
  afterAll(async () => {
    await services?.stop();
  }, 60_000);
  return () => {
    if (!services) throw new Error('services start in beforeAll; use them inside a test');
    return services;
  };
}
