#!/usr/bin/env node
// One-shot service for the planted-secrets test: runs the BUILT package with a real node:http server and
// client on loopback, logs secrets through every path a caller has (message, fields, errors, log context, Maps,
// numbers, rawHeaders, whole IncomingMessage / ServerResponse / ClientRequest / socket, dotted keys), shuts
// down, and prints one JSON line: { output } — exactly the bytes the logger wrote to its stream.
// Usage: node logs-planted-child.mjs <json|pretty> <logsUrl|none>   (OTEL_SERVICE_NAME may be set by the test)
import { createServer, request } from 'node:http';
import { Writable } from 'node:stream';
import { bindLogContext, startTelemetry, withLogContext } from '../dist/index.js';

const [format, url] = process.argv.slice(2);
let output = '';
const stream = new Writable({
  write(chunk, _encoding, done) {
    output += chunk.toString();
    done();
  },
});

const telemetry = startTelemetry({
  ...(process.env.OTEL_SERVICE_NAME ? {} : { serviceName: 'planted' }),
  metrics: { enabled: false },
  traces: { exporter: 'none' },
  logs: { ...(url === 'none' ? {} : { exporter: 'otlp', endpoint: url }), format, level: 'info', stream },
});
const log = telemetry.logger;

const server = createServer((req, res) => {
  withLogContext(
    { request_id: 'req-planted', token: 'ZqCtxSecret02', note: 'planted.carol@example.com' },
    () => {
      bindLogContext({ user_email: 'planted.bound@example.com' });
      log.info('incoming', { req });
      log.info('raw headers', { raw: req.rawHeaders, socket: req.socket });
      res.setHeader('Set-Cookie', 'sid=ZqSetCookie07');
      log.info('response', { res });
      res.end('ok');
    },
  );
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
await new Promise((resolve, reject) => {
  const client = request(
    {
      port,
      host: '127.0.0.1',
      path: '/cb?token=ZqUrlSecret06&ok=1',
      headers: {
        Authorization: 'Bearer ZqRawHeader04',
        Cookie: 'theme=dark; sid=ZqCookie05',
        'X-Api-Key': 'ZqClientKey08',
      },
    },
    (res) => {
      res.resume();
      res.on('end', resolve);
    },
  );
  client.on('error', reject);
  log.info('outgoing', { client });
  client.end();
});
server.close();

log.info('paid by planted.alice@example.com with 4111 1111 1111 1111');
log.info('fields', {
  token: 'ZqFieldSecret01',
  nested: { list: [{ password: 'ZqNestedPw14' }] },
  map: new Map([['apiKey', 'ZqMapSecret03']]),
  card: 4012888888881881,
  cards: [5555555555554444n, new Set([4012888888881881])],
  'session.id': 'ZqSession09',
  'db.connection_string': 'postgres://app:ZqDbPass10@db/x',
  'enduser.credential': 'ZqCred11',
  'http.request.header.authorization': 'Basic ZqHdr12',
  long: `${'a '.repeat(4090)}planted.straddle@example.com tail`,
  'user_id=admin role': 'forged',
});
log.error('failed', new Error('connect failed for planted.bob@example.com'));
log.error('failed as field', { error: new Error('connect failed for planted.dan@example.com') });
log.error(new Error('password=ZqPending13'));
log.info('bidi', { text: 'safe\u202egnp.exe\u200b' });
await telemetry.shutdown();
process.stdout.write(`${JSON.stringify({ output })}\n`);
