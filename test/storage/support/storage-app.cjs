// The storage trace app on the CommonJS builds: `require` of todo-domain's dist/index.cjs (see storage-trace.cjs).
const { startTelemetry } = require('../../../packages/telemetry/dist/index.cjs');
const domain = require('../../../examples/todo-domain/dist/index.cjs');
const { run } = require('./storage-trace.cjs');

run({ ...domain, startTelemetry }).catch((error) => {
  console.error(error);
  process.exit(1);
});
