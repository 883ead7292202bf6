import { createRequire } from 'node:module';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

/**
 * The OpenTelemetry instrumentations of the storage drivers, for `startTelemetry({ instrumentations })`:
 * `pg` and `ioredis` calls become CLIENT spans, children of the active span (no span without a parent, so
 * readiness probes and start-up DDL stay out of traces). SQL spans keep the parameterised query text and
 * never the values; Redis spans name the command and never its arguments (keys and values).
 * @example startTelemetry({ serviceName: 'todo-api', instrumentations: storageInstrumentations() })
 */
export function storageInstrumentations(): [PgInstrumentation, IORedisInstrumentation] {
  return [
    new PgInstrumentation({
      requireParentSpan: true,
      enhancedDatabaseReporting: false,
      addSqlCommenterCommentToQueries: false,
    }),
    new IORedisInstrumentation({
      requireParentSpan: true,
      dbStatementSerializer: (command) => command,
    }),
  ];
}

// The CommonJS build gets `import.meta.url` from tsup's shim (the file's own URL), as jest gets it from SWC.
const requireHere = createRequire(import.meta.url);

/**
 * Loads a storage driver with `require`, at first use: the instrumentations patch modules through
 * require-in-the-middle, which sees `require` calls only, so a static ESM `import` of `pg` would bypass them
 * in the ESM build, and an import at module load would run before `startTelemetry` enabled them.
 */
export function requireDriver<Driver>(name: 'pg' | 'ioredis'): Driver {
  return requireHere(name) as Driver;
}
