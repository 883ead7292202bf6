import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { startTelemetry, type Telemetry } from '@fasttodo/telemetry';
import { ATTR_DB_SYSTEM_NAME } from '@opentelemetry/semantic-conventions';
import { LogLines } from './support/log-lines';

let telemetry: Telemetry;
let logs: LogLines;

beforeEach(() => {
  logs = new LogLines();
  telemetry = startTelemetry(
    {
      environment: 'test',
      metrics: { enabled: false },
      logs: { stream: logs, format: 'json', level: 'info' },
      traces: { slowSpans: { server: 40, client: 5000, database: 30 } },
    },
    {},
  );
});

afterEach(async () => {
  await telemetry.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function span(name: string, kind: SpanKind, ms: number, attributes = {}) {
  const s = telemetry.tracer.startSpan(name, { kind, attributes });
  await sleep(ms);
  s.end();
  return s.spanContext();
}

describe('slow-operation warnings', () => {
  it('a server span over its threshold writes one warning with name, duration and trace id', async () => {
    const ids = await span('GET /todos', SpanKind.SERVER, 80);
    await span('GET /fast', SpanKind.SERVER, 0);
    const warnings = logs.withMessage('slow operation');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      level: 'warn',
      span_name: 'GET /todos',
      kind: 'server',
      trace_id: ids.traceId,
      span_id: ids.spanId,
      threshold_ms: 40,
    });
    expect(Number(warnings[0]?.duration_ms)).toBeGreaterThanOrEqual(40);
  });

  it('database spans use the database threshold whatever their kind', async () => {
    await span('SELECT todos', SpanKind.CLIENT, 60, { [ATTR_DB_SYSTEM_NAME]: 'postgresql' });
    await span('GET upstream', SpanKind.CLIENT, 60);
    const warnings = logs.withMessage('slow operation');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      span_name: 'SELECT todos',
      threshold_ms: 30,
      db_system: 'postgresql',
    });
  });

  it('kinds without a threshold never warn', async () => {
    await span('internal work', SpanKind.INTERNAL, 60);
    expect(logs.withMessage('slow operation')).toEqual([]);
  });
});
