import { disk } from './disk';
import { eventLoopDelay } from './event-loop';
import { http } from './http';
import { memory } from './memory';
import { redis } from './redis';
import { sql } from './sql';

/**
 * Built-in checks; each returns a ready-made `{ name, check }` to put in `createHealth({ checks })`.
 * They take the client the app already has and import no driver.
 * @example createHealth({ checks: [checks.disk(), checks.memory(), checks.sql(pool), checks.redis(redis)] })
 */
export const checks = { disk, memory, eventLoopDelay, sql, redis, http } as const;
