import { performance } from 'node:perf_hooks';
import { HealthConfigError } from '../errors';
import type { HealthCheck } from '../types';
import type { CommonCheckOptions } from './common';
import { elapsedMs, readOptions } from './common';

/** Anything with a promise-returning `ping()`: ioredis, node-redis v4+, ... */
export interface RedisClient {
  ping(): Promise<unknown>;
}

/** Options of {@link redis}. */
export type RedisCheckOptions = CommonCheckOptions;

/**
 * Redis check: `PING` on the client the app already has; reports the round trip in ms. No driver is imported.
 * With ioredis, a command sent while disconnected waits in the offline queue, so an outage shows as
 * `timeout after Nms` and the queued ping is not repeated until it settles.
 * @example createHealth({ checks: [checks.redis(redisClient, { critical: false })] })
 */
export function redis(client: RedisClient, options?: RedisCheckOptions): HealthCheck {
  if (client === null || typeof client !== 'object' || typeof client.ping !== 'function') {
    throw new HealthConfigError('checks.redis(client)', 'an object with a ping() method', client);
  }
  const { common } = readOptions('redis', options, []);
  return {
    ...common,
    check: async () => {
      const start = performance.now();
      const reply = await client.ping();
      if (reply !== 'PONG' && reply !== undefined) {
        return {
          status: 'fail',
          output: 'unexpected PING reply',
          observedValue: elapsedMs(start),
          observedUnit: 'ms',
        };
      }
      return { observedValue: elapsedMs(start), observedUnit: 'ms' };
    },
  };
}
