import { context, propagation, trace } from '@opentelemetry/api';
import { startTelemetry, type Telemetry } from '@fasttodo/telemetry';
import { InstrumentationBase, type InstrumentationConfig } from '@opentelemetry/instrumentation';
import { LogLines } from './support/log-lines';

/** A real (if tiny) instrumentation: no module patching, it only uses the tracer it is given. */
class TinyInstrumentation extends InstrumentationBase<InstrumentationConfig> {
  enabledCalls = 0;
  disabledCalls = 0;

  constructor() {
    super('tiny-instrumentation', '1.0.0', { enabled: false });
  }

  protected init() {
    return [];
  }

  override enable(): void {
    this.enabledCalls += 1;
    super.enable();
  }

  override disable(): void {
    this.disabledCalls += 1;
    super.disable();
  }

  /** What a patched library call would do. */
  work(): boolean {
    const span = this.tracer.startSpan('tiny.work');
    const recording = span.isRecording();
    span.end();
    return recording;
  }
}

let telemetry: Telemetry;

afterEach(() => {
  trace.disable();
  context.disable();
  propagation.disable();
});

describe('instrumentations option', () => {
  it('enables each instrumentation with our providers and disables it on shutdown', async () => {
    const tiny = new TinyInstrumentation();
    expect(tiny.work()).toBe(false);
    telemetry = startTelemetry(
      {
        environment: 'test',
        metrics: { enabled: false },
        logs: { stream: new LogLines() },
        instrumentations: [tiny],
      },
      {},
    );
    expect(tiny.enabledCalls).toBe(1);
    expect(tiny.work()).toBe(true);
    await telemetry.shutdown();
    expect(tiny.disabledCalls).toBe(1);
  });
});
