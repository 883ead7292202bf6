import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { requireBinary } from './binaries';
import { freePort, waitFor } from './ports';

/** A real redis-server child process on 127.0.0.1 that can be stopped and restarted on the same port. */
export interface RedisServer {
  readonly port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Creates (but does not start) a throw-away Redis with persistence off. */
export async function createRedisServer(): Promise<RedisServer> {
  const binary = requireBinary('redis-server', 'apt-get install -y redis-server');
  const port = await freePort();
  let child: ChildProcess | undefined;
  return {
    port,
    async start() {
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
      child = spawn(binary, args, { stdio: 'ignore' });
      await waitFor(`redis-server on port ${port}`, () => answersPing(port), 10_000);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => finish(data.toString().startsWith('+PONG')));
  });
}
