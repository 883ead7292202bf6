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

  it('a throwing logger never escapes', () => {
    const reporter = new DropReporter(() => {
      throw new Error('logger closed');
    }, 1000);
    expect(() => reporter.add(1, 'x')).not.toThrow();
    reporter.stop();
  });
});
