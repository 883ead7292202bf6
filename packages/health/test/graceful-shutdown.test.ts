import { createHealth, installGracefulShutdown } from '@fasttodo/health';
import type { GracefulShutdownOptions } from '@fasttodo/health';
import { Agent } from 'node:http';
import type { ServerResponse } from 'node:http';
import { get } from './support/client';
import type { TestServer } from './support/http-server';
import { startHttpServer } from './support/http-server';
import { sleep } from './support/ports';

const quiet = { info: () => undefined, warn: () => undefined };

let server: TestServer;
let hanging: ServerResponse[];

beforeEach(async () => {
  hanging = [];
  server = await startHttpServer((req, res) => {
    if (req.url === '/hang') hanging.push(res);
    else if (req.url === '/slow') setTimeout(() => res.end('done'), 200);
    else res.end('ok');
  });
});

afterEach(async () => {
  for (const res of hanging) res.destroy();
  if (server.server.listening) await server.close();
});

function install(options: GracefulShutdownOptions) {
  const exits: number[] = [];
  const handle = installGracefulShutdown(server.server, {
    signals: [],
    drainDelayMs: 0,
    logger: quiet,
    exit: (code) => exits.push(code),
    ...options,
  });
  return { handle, exits };
}

const portOf = () => Number(new URL(server.url).port);

describe('installGracefulShutdown (in process)', () => {
  it('fails readiness at once, keeps serving during the drain delay, then stops accepting', async () => {
    const health = createHealth();
    const { handle, exits } = install({ health, drainDelayMs: 300 });
    const done = handle.shutdown('test');
    expect((await health.ready()).httpStatus).toBe(503);
    expect((await get(portOf(), '/')).status).toBe(200);
    expect(await done).toBe(0);
    expect(exits).toEqual([0]);
    expect((await get(portOf(), '/', new Agent({ keepAlive: false }))).error).toContain('ECONNREFUSED');
  });

  it('lets in-flight requests complete and does not wait for idle keep-alive sockets', async () => {
    const agent = new Agent({ keepAlive: true });
    try {
      const { handle } = install({ timeoutMs: 5000 });
      expect((await get(portOf(), '/', agent)).status).toBe(200); // leaves an idle keep-alive socket
      const inFlight = get(portOf(), '/slow', agent);
      await sleep(50);
      const started = performance.now();
      expect(await handle.shutdown()).toBe(0);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(await inFlight).toMatchObject({ status: 200, body: 'done' });
    } finally {
      agent.destroy();
    }
  });

  it('cuts requests that outlast timeoutMs and exits with 1', async () => {
    const { handle } = install({ timeoutMs: 300 });
    const cut = get(portOf(), '/hang');
    await sleep(50);
    const started = performance.now();
    expect(await handle.shutdown()).toBe(1);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(300 + 500);
    expect((await cut).error).toBeDefined();
  });

  it('runs onShutdown hooks in order after the server closed; a failing or hung hook gives exit code 1', async () => {
    const order: string[] = [];
    const { handle } = install({
      hookTimeoutMs: 200,
      onShutdown: [
        () => order.push(`first (listening=${server.server.listening})`),
        async () => {
          order.push('second');
          throw new Error('flush failed');
        },
        () => new Promise(() => order.push('third hangs')),
        () => order.push('fourth'),
      ],
    });
    expect(await handle.shutdown()).toBe(1);
    expect(order).toEqual(['first (listening=false)', 'second', 'third hangs', 'fourth']);
  });

  it('shuts down once however often it is triggered', async () => {
    const { handle, exits } = install({});
    const [a, b] = await Promise.all([handle.shutdown(), handle.shutdown()]);
    expect([a, b]).toEqual([0, 0]);
    expect(exits).toEqual([0]);
  });

  it('listens on the configured signals and removes the listeners when done', async () => {
    const before = process.listenerCount('SIGUSR2');
    const { handle } = install({ signals: ['SIGUSR2'] });
    expect(process.listenerCount('SIGUSR2')).toBe(before + 1);
    await handle.shutdown();
    expect(process.listenerCount('SIGUSR2')).toBe(before);
  });
});
