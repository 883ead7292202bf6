// Proof of one instance per process: the ESM and the CJS build of @fasttodo/telemetry loaded side by side share
// the log context and the started flag (process-wide state on globalThis under a Symbol.for key).

/** An ES module, run with `--input-type=module` in the consumer project, that throws unless both builds agree. */
export const DUAL_BUILD_PROBE = `
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
const esm = await import('@fasttodo/telemetry');
const cjs = createRequire(process.cwd() + '/')('@fasttodo/telemetry');
if (esm.startTelemetry === cjs.startTelemetry) throw new Error('only one build was loaded; the probe proves nothing');

const lines = [];
const stream = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
const options = (extra) => ({ serviceName: 'dual', metrics: { enabled: false }, traces: { exporter: 'none' }, ...extra });
const telemetry = esm.startTelemetry(options({ logs: { level: 'info', format: 'json', stream } }), {});
cjs.withLogContext({ request_id: 'from-cjs' }, () => telemetry.logger.info('cjs context, esm logger'));
esm.withLogContext({ request_id: 'from-esm' }, () => {
  cjs.bindLogContext({ user_id: 'bound-by-cjs' });
  telemetry.logger.info('esm context, cjs bind');
});
await new Promise((resolve) => setImmediate(resolve));
const record = (message) => JSON.parse(lines.find((line) => line.includes(message)) ?? '{}');
const first = record('cjs context, esm logger');
if (first.request_id !== 'from-cjs') throw new Error('withLogContext (CJS) did not reach the ESM logger: ' + JSON.stringify(first));
const second = record('esm context, cjs bind');
if (second.request_id !== 'from-esm' || second.user_id !== 'bound-by-cjs') throw new Error('bindLogContext (CJS) missed the ESM context: ' + JSON.stringify(second));

let refused;
try { cjs.startTelemetry(options({ logs: { level: 'error' } }), {}); } catch (error) { refused = error; }
if (!(refused instanceof cjs.TelemetryAlreadyStartedError) || refused.code !== 'FASTTODO_TELEMETRY_ALREADY_STARTED') {
  throw new Error('a second startTelemetry from the CJS build was not refused: ' + refused);
}
await telemetry.shutdown();
await cjs.startTelemetry(options({ logs: { level: 'error' } }), {}).shutdown();
`;
