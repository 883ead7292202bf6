import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { toPrometheusCompatible } from './prometheus-compat';
import type { Warn } from '../shared/warn';

/** Content type of `metricsText()`: Prometheus text exposition format 0.0.4, UTF-8. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Pull reader behind `metricsText()`: the stock Prometheus exporter without its own HTTP server, and with
 * the series cap applied to every instrument (views set it again for the instruments they configure).
 */
export class PrometheusTextReader extends PrometheusExporter {
  readonly #seriesLimit: number;
  readonly #serializer = new PrometheusSerializer();
  readonly #warn: Warn;
  readonly #warnedDuplicates = new Set<string>();

  constructor(seriesLimit: number, warn: Warn) {
    super({ preventServerStart: true });
    this.#seriesLimit = seriesLimit;
    this.#warn = warn;
  }

  override selectCardinalityLimit(): number {
    return this.#seriesLimit;
  }

  /** Collects and renders the Prometheus text exposition with the compatibility fixes applied. */
  async render(): Promise<string> {
    const { resourceMetrics, errors } = await this.collect();
    if (errors.length > 0) this.#warn('metric collection reported errors', { count: errors.length });
    const compatible = toPrometheusCompatible(resourceMetrics, (name) => this.#onDuplicate(name));
    return this.#serializer.serialize(compatible);
  }

  #onDuplicate(name: string): void {
    if (this.#warnedDuplicates.has(name)) return;
    this.#warnedDuplicates.add(name);
    this.#warn('metric dropped from /metrics: another instrument already renders this name', {
      metric: name,
    });
  }
}
