#!/usr/bin/env node
// A service on SDK defaults only, from the BUILT packages: createHealth, createHttpObservability (default endpoint
// paths) and installGracefulShutdown (default drain timings). deploy/test/k8s.test.ts probes it to prove the
// manifests name paths the SDK serves and timings that fit its drain. First stdout line: the URL it listens on.
const http = require('node:http');
const { createHealth, installGracefulShutdown } = require('../../../packages/health/dist/index.cjs');
const {
  createHttpObservability,
  requestInfo,
  startTelemetry,
} = require('../../../packages/telemetry/dist/index.cjs');

const telemetry = startTelemetry({
  serviceName: 'probe-app',
  logs: { level: 'error' },
  traces: { sampleRatio: 0 },
});
const health = createHealth({ version: '1.0.0', checks: [{ name: 'noop', check: async () => {} }] });
const observability = createHttpObservability({ telemetry, health });

const server = http.createServer(async (req, res) => {
  const endpoint = observability.endpoint(requestInfo(req));
  if (!endpoint) {
    res.writeHead(404).end();
    return;
  }
  const answer = await endpoint;
  res.writeHead(answer.status, answer.headers).end(answer.body);
});
installGracefulShutdown(server, {
  health,
  beforeExit: () => telemetry.shutdown(),
  logger: { info: (m) => console.log(`drain: ${m}`), warn: (m) => console.log(`drain: ${m}`) },
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
