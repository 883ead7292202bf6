import { DropReporter } from '../src/tracing/drop-reporter';

describe('DropReporter', () => {
  it('warns at once for the first drop, then sums drops into one warning per window', async () => {
    const warnings: Record<string, unknown>[] = [];
    const reporter = new DropReporter((_m, fields) => warnings.push(fields ?? {}), 200);
    reporter.add(10, 'export failed: ECONNREFUSED');
    reporter.add(5, 'queue full');
    reporter.add(5, 'queue full');
    expect(warnings).toEqual([expect.objectContaining({ dropped_spans: 10, dropped_spans_total: 10 })]);
    await new Promise((r) => setTimeout(r, 350));
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatchObject({ dropped_spans: 10, dropped_spans_total: 20, reasons: 'queue full' });
    expect(reporter.total).toBe(20);
    reporter.stop();
  });

  it('keeps at most five distinct reasons per window, however many errors differ', async () => {
    const warnings: Record<string, unknown>[] = [];
    const reporter = new DropReporter((_m, fields) => warnings.push(fields ?? {}), 100);
    reporter.add(1, 'first');
    for (let i = 0; i < 1000; i++) reporter.add(1, `export failed: socket ${i} reset`);
    await new Promise((r) => setTimeout(r, 250));
    expect(warnings).toHaveLength(2);
    expect(String(warnings[1]?.['reasons']).split('; ')).toHaveLength(5);
    expect(warnings[1]).toMatchObject({ dropped_spans: 1000, dropped_spans_total: 1001 });
    reporter.stop();
  });

  it('a throwing logger never escapes', () => {
    const reporter = new DropReporter(() => {
      throw new Error('logger closed');
    }, 1000);
    expect(() => reporter.add(1, 'x')).not.toThrow();
    reporter.stop();
  });
});
