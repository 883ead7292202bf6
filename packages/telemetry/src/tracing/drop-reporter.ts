import type { Warn } from '../shared/warn';
/** Distinct drop reasons kept per warning window (error messages vary; memory must not). */
const MAX_REASONS = 5;

/** Receives warnings; never throws. */

/**
 * Counts spans that never reached the collector and reports them with at most one warning per
 * interval: the first drop warns at once, later drops in the same window are summed and reported
 * when the window ends.
 */
export class DropReporter {
  /** Spans dropped since start. */
  total = 0;
  private pending = 0;
  private reasons = new Set<string>();
  private lastWarnAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly warn: Warn,
    private readonly intervalMs: number,
  ) {}

  /** Record `count` dropped spans for `reason` (e.g. "queue full", "export failed: ECONNREFUSED"). */
  add(count: number, reason: string): void {
    if (count <= 0) return;
    this.total += count;
    this.pending += count;
    if (this.reasons.size < MAX_REASONS) this.reasons.add(reason);
    const wait = this.lastWarnAt + this.intervalMs - Date.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait).unref();
  }

  /** Write the pending warning now (if any). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === 0) return;
    this.lastWarnAt = Date.now();
    const fields = {
      dropped_spans: this.pending,
      dropped_spans_total: this.total,
      reasons: [...this.reasons].join('; '),
      next_warning_in_ms: this.intervalMs,
    };
    this.pending = 0;
    this.reasons.clear();
    try {
      this.warn('telemetry: spans dropped (collector unreachable, slow or failing, or queue full)', fields);
    } catch {
      // A failing logger must never break the export path.
    }
  }

  /** Stop the deferred timer without writing. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
