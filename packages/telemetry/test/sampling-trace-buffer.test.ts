import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { emptyResource } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ATTR_HTTP_RESPONSE_STATUS_CODE } from '@opentelemetry/semantic-conventions';
import { ATTR_HTTP_STATUS_CODE } from '@opentelemetry/semantic-conventions/incubating';
import { shouldKeep, TraceBuffer } from '../src/tracing/keep-errors';

function span(traceId: string, overrides: Partial<ReadableSpan> = {}): ReadableSpan {
  return {
    name: 'span',
    kind: SpanKind.INTERNAL,
    spanContext: () => ({ traceId, spanId: '1'.repeat(16), traceFlags: 0 }),
    startTime: [0, 0],
    endTime: [0, 5_000_000],
    duration: [0, 5_000_000],
    status: { code: SpanStatusCode.UNSET },
    attributes: {},
    links: [],
    events: [],
    ended: true,
    resource: emptyResource(),
    instrumentationScope: { name: 'test' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    ...overrides,
  };
}

const config = { enabled: true, maxTraces: 2, maxSpansPerTrace: 2 };

describe('TraceBuffer', () => {
  it('evicts the least recently touched trace and caps spans per trace', () => {
    const buffer = new TraceBuffer(config);
    buffer.add(span('a'));
    buffer.add(span('b'));
    buffer.add(span('a'));
    buffer.add(span('a'));
    buffer.add(span('c'));
    expect(buffer.size).toBe(2);
    expect(buffer.take('b')).toEqual([]);
    expect(buffer.take('a')).toHaveLength(2);
    expect(buffer.evicted).toBe(2);
  });
});

describe('shouldKeep', () => {
  it('keeps ERROR status, 5xx (current and old attribute) and slow roots only', () => {
    expect(shouldKeep(span('t', { status: { code: SpanStatusCode.ERROR } }), config)).toBe(true);
    expect(shouldKeep(span('t', { attributes: { [ATTR_HTTP_RESPONSE_STATUS_CODE]: 502 } }), config)).toBe(
      true,
    );
    expect(shouldKeep(span('t', { attributes: { [ATTR_HTTP_STATUS_CODE]: 500 } }), config)).toBe(true);
    expect(shouldKeep(span('t', { attributes: { [ATTR_HTTP_RESPONSE_STATUS_CODE]: 404 } }), config)).toBe(
      false,
    );
    expect(shouldKeep(span('t'), config)).toBe(false);
    expect(shouldKeep(span('t'), { ...config, keepSlowerThanMs: 4 })).toBe(true);
    expect(shouldKeep(span('t'), { ...config, keepSlowerThanMs: 10 })).toBe(false);
  });
});
