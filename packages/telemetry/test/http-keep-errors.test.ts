// Unsampled requests (keep-errors records them) skip their span attributes until the export pipeline keeps
// the trace: a kept span must carry exactly what a sampled one does, a dropped one is never exported.
import { accessLine, spanOfRequest, useTracedHttpApp } from './support/http-harness';
import type { ReceivedSpan } from './support/receiver';

const { app: appOf, receiver: receiverOf } = useTracedHttpApp({
  traces: { sampleRatio: 0, keepErrors: { keepSlowerThanMs: 2000 } },
  http: { captureHeaders: { request: ['x-tenant'] } },
});

const spanIdOf = async (requestId: string) => (await accessLine(appOf(), requestId))['span_id'];
const keptSpan = (requestId: string): Promise<ReceivedSpan> =>
  spanOfRequest(appOf(), receiverOf(), requestId);

const headers = (id: string) => ({
  'x-request-id': id,
  'user-agent': 'keep-client/2.0',
  'x-tenant': 'acme',
  host: 'api.example.com:8443',
});

test('a thrown error keeps the unsampled span with every request and route attribute', async () => {
  await appOf().send('/boom?email=bob@example.com&page=3', { headers: headers('kept-thrown') });
  const span = await keptSpan('kept-thrown');
  expect(span.name).toBe('GET /boom');
  expect(span.attributes).toMatchObject({
    'http.request.method': 'GET',
    'http.route': '/boom',
    'url.path': '/boom',
    'url.scheme': 'http',
    'http.response.status_code': 500,
    'error.type': 'Error',
    'user_agent.original': 'keep-client/2.0',
    'server.address': 'api.example.com',
    'server.port': 8443,
    'network.protocol.version': '1.1',
    'http.request.header.x-tenant': ['acme'],
  });
  expect(String(span.attributes['url.query'])).toContain('page=3');
  expect(String(span.attributes['url.query'])).not.toContain('bob@example.com');
});

test('an explicit 500 with a user keeps the span with enduser.id', async () => {
  await appOf().send('/explicit500', { headers: headers('kept-500') });
  const span = await keptSpan('kept-500');
  expect(span.attributes).toMatchObject({ 'http.route': '/explicit500', 'http.response.status_code': 500 });
  expect(span.attributes['url.path']).toBe('/explicit500');
});

test('a successful unsampled request exports no span, and its log line still carries its ids', async () => {
  await appOf().send('/api/v1/todos/9', { headers: headers('dropped-ok') });
  const spanId = await spanIdOf('dropped-ok');
  expect(spanId).toMatch(/^[0-9a-f]{16}$/);
  // Flushed after the kept spans above: a later kept span proves the pipeline ran past this one.
  await appOf().send('/boom', { headers: headers('kept-after') });
  await keptSpan('kept-after');
  expect((await receiverOf().spans()).some((span) => span.spanId === spanId)).toBe(false);
});
