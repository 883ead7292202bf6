import { connect } from 'node:net';
import { eventually, useTracedHttpApp } from './support/http-harness';

const SECRETS = {
  authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLXNlY3JldA',
  cookie: 'session=s3cr3t-session-cookie-value',
  apiKey: 'ak_live_9f8e7d6c5b4a39281706',
  email: 'carol.secret@example.com',
  token: 'tok_q8W3eR5tY7uI9oP1aS3d',
  card: '4111111111111111',
};

const { app: appOf, receiver: receiverOf } = useTracedHttpApp({
  http: { captureHeaders: { request: ['authorization', 'cookie', 'x-api-key', 'x-tenant'] } },
});

/** Sends raw bytes (headers a well-behaved client refuses to send) and resolves with the status line. */
function rawRequest(head: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(appOf().port, '127.0.0.1', () => socket.end(head));
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(reply.split('\r\n', 1)[0] ?? ''));
    socket.on('error', reject);
  });
}

async function everything(): Promise<string> {
  await receiverOf().settle();
  return [
    JSON.stringify(await receiverOf().raw()),
    ...(await appOf().rawLogs()),
    await appOf().metricsText(),
  ].join('\n');
}

test('secrets in headers, query and path never reach a span, a log line or a metric', async () => {
  const path = `/api/v1/todos/${SECRETS.card}?email=${SECRETS.email}&access_token=${SECRETS.token}`;
  const reply = await appOf().send(path, {
    headers: {
      'x-request-id': 'req-secrets',
      authorization: SECRETS.authorization,
      cookie: SECRETS.cookie,
      'x-api-key': SECRETS.apiKey,
      'x-tenant': 'acme',
    },
  });
  expect(reply.status).toBe(200);
  const spans = await receiverOf().waitForSpans((s) =>
    s.some(
      (span) =>
        span.attributes['x-request-id'] !== null &&
        span.name === 'GET /api/v1/todos/:id' &&
        String(span.attributes['url.path']).includes('todos/') &&
        span.attributes['http.request.header.x-tenant'] !== undefined,
    ),
  );
  const span = spans.find((s) => s.attributes['http.request.header.x-tenant'] !== undefined);
  expect(span?.attributes['http.request.header.x-tenant']).toEqual(['acme']);
  expect(span?.attributes['http.request.header.authorization']).toBeDefined();
  const all = await everything();
  for (const secret of Object.values(SECRETS)) expect(all).not.toContain(secret);
  expect(all).not.toContain('s3cr3t');
  expect(all).not.toContain('eyJzdWIiOiI0MiJ9');
});

test('an error message with PII is redacted on the span event and in the error log line', async () => {
  await appOf().send('/boom', { headers: { 'x-request-id': 'req-boom-pii' } });
  await eventually(appOf().logs, (lines) =>
    lines.some((l) => l['request_id'] === 'req-boom-pii' && l['level'] === 'error'),
  );
  await receiverOf().waitForSpans((s) => s.some((span) => span.name === 'GET /boom'));
  const all = await everything();
  expect(all).not.toContain('alice@example.com');
  expect(all).not.toContain('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
});

test('CR/LF, U+2028 and ANSI escapes in a header and the path never split or colour a log line', async () => {
  const before = (await appOf().rawLogs()).length;
  const evil = Buffer.concat([
    Buffer.from('GET /api/v1/todos/%0d%0a%1b[31mred%e2%80%a8x?q=%0a%1b[0m HTTP/1.1\r\nHost: 127.0.0.1\r\n'),
    Buffer.from('User-Agent: evil\u001b[31m-agent \u2028 line\r\n', 'utf8'),
    Buffer.from('x-request-id: ok-evil\r\nConnection: close\r\n\r\n'),
  ]);
  const status = await rawRequest(evil);
  expect(status).toMatch(/ 200 /);
  const mine = await eventually(
    async () => (await appOf().rawLogs()).slice(before),
    (l) => l.some((line) => line.includes('ok-evil') && line.includes('request completed')),
  );
  for (const line of mine) {
    expect(() => JSON.parse(line)).not.toThrow();
    expect(line).not.toMatch(/[\r\n\u001b\u2028\u2029]/);
  }
});

test('a 1 MB header value and an 8 KB path are handled without crash and stay bounded', async () => {
  const big = 'a'.repeat(1024 * 1024);
  const reply = await appOf().send(`/api/v1/todos/${'p'.repeat(8 * 1024)}`, {
    headers: { 'x-request-id': 'req-big', 'user-agent': big, 'x-tenant': big },
  });
  expect(reply.status).toBe(200);
  const line = (await appOf().rawLogs()).find(
    (l) => l.includes('req-big') && l.includes('request completed'),
  );
  expect(line?.length ?? 0).toBeGreaterThan(0);
  expect(line?.length ?? Number.POSITIVE_INFINITY).toBeLessThan(20_000);
  const spans = await receiverOf().waitForSpans((s) =>
    s.some((span) => String(span.attributes['url.path']).includes('pppp')),
  );
  const span = spans.find((s) => String(s.attributes['url.path']).includes('pppp'));
  expect(JSON.stringify(span).length).toBeLessThan(10_000);
  expect((await appOf().send('/api/v1/todos/1')).status).toBe(200);
});
