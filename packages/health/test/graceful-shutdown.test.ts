import { createHealth, installGracefulShutdown } from '@fasttodo/health';
import type { GracefulShutdownOptions } from '@fasttodo/health';
import { Agent, request } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
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
      const { handle } = install({ drainTimeoutMs: 5000 });
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

  it('cuts requests that outlast drainTimeoutMs and exits with 1', async () => {
    const { handle } = install({ drainTimeoutMs: 300 });
    const cut = get(portOf(), '/hang');
    await sleep(50);
    const started = performance.now();
    expect(await handle.shutdown()).toBe(1);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(300 + 500);
    expect((await cut).error).toBeDefined();
  });

  it('runs beforeExit hooks in order after the server closed; a failing or hung hook gives exit code 1', async () => {
    const order: string[] = [];
    const { handle } = install({
      hookTimeoutMs: 200,
      beforeExit: [
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

  it('scrubs hook errors before logging them, and survives hostile errors, a throwing logger and health', async () => {
    const warnings: string[] = [];
    const hostile = {
      get message(): string {
        throw new Error('getter');
      },
    };
    const { handle, exits } = install({
      logger: {
        info: () => {
          throw new Error('logger down');
        },
        warn: (message) => {
          warnings.push(message);
          throw new Error('logger down');
        },
      },
      health: {
        drain: () => {
          throw new Error('not a real health');
        },
      },
      beforeExit: [
        async () => {
          throw new Error('flush to http://otel:s3cret@collector.internal:4318 failed');
        },
        () => Promise.reject(hostile),
      ],
    });
    expect(await handle.shutdown()).toBe(1);
    expect(exits).toEqual([1]);
    expect(server.server.listening).toBe(false);
    expect(warnings.join('\n')).not.toContain('s3cret');
    expect(warnings).toEqual([
      expect.stringContaining('health.drain() failed: not a real health'),
      expect.stringMatching(/beforeExit\[0\] failed: flush to http:\/\/\S*REDACTED\S*@collector\.internal/),
      expect.stringContaining('beforeExit[1] failed: unreadable error'),
    ]);
  });

  describe('with an upgraded (WebSocket-like) connection open', () => {
    let upgraded: Socket[];
    beforeEach(async () => {
      upgraded = [];
      server.server.on('upgrade', (_req, socket: Socket) => {
        upgraded.push(socket);
        socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n');
      });
      await openUpgradedConnection(portOf());
    });
    afterEach(() => {
      for (const socket of upgraded) socket.destroy();
    });

    it('still exits, with 1, once drainTimeoutMs has passed since it stopped accepting', async () => {
      const warnings: string[] = [];
      const { handle } = install({
        drainTimeoutMs: 300,
        logger: { info: () => undefined, warn: (m) => warnings.push(m) },
      });
      const started = performance.now();
      expect(await handle.shutdown()).toBe(1);
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(300 + 500);
      expect(warnings).toEqual([expect.stringContaining('upgraded connection(s) still open')]);
    });

    it('runs the hooks before waiting, so a hook that closes upgraded sockets gives a clean exit', async () => {
      const { handle } = install({
        drainTimeoutMs: 5000,
        beforeExit: () => {
          for (const socket of upgraded) socket.end();
        },
      });
      const started = performance.now();
      expect(await handle.shutdown()).toBe(0);
      expect(performance.now() - started).toBeLessThan(2000);
    });
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

/** Opens an HTTP/1.1 upgrade on 127.0.0.1:`port` and resolves once the server switched protocols. */
function openUpgradedConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, headers: { connection: 'Upgrade', upgrade: 'test' } });
    req.on('upgrade', (_res, socket: Socket) => {
      socket.on('error', () => undefined);
      resolve(socket);
    });
    req.on('error', reject);
    req.end();
  });
}
