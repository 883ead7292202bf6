// The storage trace app on the ESM builds: `import` of todo-domain's dist/index.js (see storage-trace.cjs).
import { startTelemetry } from '../../../packages/telemetry/dist/index.js';
import * as domain from '../../../examples/todo-domain/dist/index.js';
import storageTrace from './storage-trace.cjs';

await storageTrace.run({ ...domain, startTelemetry });
