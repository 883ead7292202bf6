import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Reply, send } from '../../../telemetry/test/support/send';

const SERVICE = join(__dirname, 'service-process.cjs');

/** A running service child: the standard driver app of one adapter, exporting spans to `tracesUrl`. */
export interface Service {
  port: number;
  send(path: string, options?: Parameters<typeof send>[2]): Promise<Reply>;
  logs(): Promise<Record<string, unknown>[]>;
  metricsText(): Promise<string>;
  stop(): Promise<void>;
}

/** Spawns service-process.cjs with `driver` (an absolute path); the adapter and telemetry must be built. */
export async function startService(
  driver: string,
  config: { tracesUrl: string; http?: Record<string, unknown> },
): Promise<Service> {
  const dist = join(driver, '..', '..', '..', 'dist', 'index.cjs');
  if (!existsSync(dist)) throw new Error(`${dist} is missing: run "pnpm -s build" before these tests`);
  const child = spawn(process.execPath, [SERVICE, driver, JSON.stringify(config)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ports = await new Promise<{ port: number; control: number }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`service exited early with code ${code}`)));
  });
  return {
    port: ports.port,
    send: (path, options) => send(ports.port, path, options),
    logs: async () =>
      (JSON.parse((await send(ports.control, '/logs')).body) as string[]).map((l) => JSON.parse(l)),
    metricsText: async () => (await send(ports.control, '/metrics')).body,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin?.end();
      }),
  };
}
