#!/usr/bin/env node
// A service process for this package's exporting tests: the BUILT telemetry and adapter, the standard driver
// app. argv[2] = driver path, argv[3] = JSON config { tracesUrl, http }. First stdout line {"port","control"};
// the control server (its own port, so it is never observed) answers /logs and /metrics.
const http = require('node:http');
const { Writable } = require('node:stream');
const { startTelemetry } = require('../../../telemetry/dist/index.cjs');

const [driverPath, rawConfig] = process.argv.slice(2);
const config = JSON.parse(rawConfig ?? '{}');
const logLines = [];
const stream = new Writable({
  write(chunk, _enc, done) {
    for (const line of chunk.toString().split('\n')) if (line.trim()) logLines.push(line);
    done();
  },
});
const telemetry = startTelemetry(
  {
    serviceName: 'adapter-test',
    logs: { format: 'json', level: 'info', stream },
    traces: { endpoint: config.tracesUrl, scheduledDelayMs: 20, sampleRatio: 1 },
  },
  {},
);
const probe = async () => ({ httpStatus: 200, body: { status: 'pass' } });
const health = { live: probe, ready: probe, startup: probe };

function control(req, res) {
  if (req.url === '/logs') return res.end(JSON.stringify(logLines));
  if (req.url === '/metrics') return void telemetry.metricsText().then((text) => res.end(text));
  res.statusCode = 404;
  res.end();
}

require(driverPath)
  .startDriver({ telemetry, health, ...config.http })
  .then(({ port }) => {
    const side = http.createServer(control).listen(0, '127.0.0.1', () => {
      process.stdout.write(`${JSON.stringify({ port, control: side.address().port })}\n`);
    });
  });
process.stdin.on('end', () => void telemetry.shutdown().finally(() => process.exit(0)));
process.stdin.resume();
