import { durationSeries, eventually, useTracedHttpApp } from './support/http-harness';

const SERVER = 2;
// The user also registered the official HttpInstrumentation, emitting the stable HTTP metric names.
const { app: appOf, receiver: receiverOf } = useTracedHttpApp({
  httpInstrumentation: true,
  env: { OTEL_SEMCONV_STABILITY_OPT_IN: 'http' },
});

function durationCounts(text: string, route: string): number[] {
  return durationSeries(text)
    .filter((l) => l.includes(`http_route="${route}"`))
    .map((l) => Number(l.slice(l.lastIndexOf(' ') + 1)));
}

test('one SERVER span per request: the instrumentation’s span is reused, named by the route', async () => {
  const reply = await appOf().send('/api/v1/todos/7', { headers: { 'x-request-id': 'req-coexist' } });
  expect(reply.status).toBe(200);
  const lines = await eventually(appOf().logs, (all) =>
    all.some((l) => l['request_id'] === 'req-coexist' && l['message'] === 'request completed'),
  );
  const traceId = lines.find((l) => l['request_id'] === 'req-coexist')?.['trace_id'];
  const spans = await receiverOf().waitForSpans((s) => s.some((span) => span.traceId === traceId));
  await receiverOf().settle();
  const servers = (await receiverOf().spans()).filter((s) => s.traceId === traceId && s.kind === SERVER);
  expect(servers).toHaveLength(1);
  expect(servers[0]?.scope).toMatch(/instrumentation-http/);
  expect(servers[0]?.attributes['http.route']).toBe('/api/v1/todos/:id');
  expect(servers[0]?.name).toBe('GET /api/v1/todos/:id');
  expect(spans.length).toBeGreaterThan(0);
  // Logs written inside the request still carry the instrumentation span's ids and our request id.
  expect(
    lines.find((l) => l['message'] === 'loading todo' && l['request_id'] === 'req-coexist'),
  ).toMatchObject({
    trace_id: traceId,
    span_id: servers[0]?.spanId,
  });
});

test('one duration record per request: ours is not recorded beside the instrumentation’s', async () => {
  for (let i = 0; i < 3; i++) await appOf().send(`/api/v1/todos/${i}`);
  const text = await appOf().metricsText();
  const counts = durationCounts(text, '/api/v1/todos/:id');
  expect(text).not.toMatch(
    /http_server_request_duration_seconds_count\{[^}]*otel_scope_name="@fasttodo\/telemetry"/,
  );
  expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
});
