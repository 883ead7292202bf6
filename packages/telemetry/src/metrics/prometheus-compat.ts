import { DataPointType } from '@opentelemetry/sdk-metrics';
import type { MetricData, ResourceMetrics, ScopeMetrics } from '@opentelemetry/sdk-metrics';
import { prometheusUnit } from './prometheus-units';

/** `[a-zA-Z0-9_]` only, no repeated `_`, no leading digit (OpenTelemetry→Prometheus name rules). */
export function sanitizeMetricName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/_{2,}/g, '_');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

function rendersAsGauge(metric: MetricData): boolean {
  return (
    metric.dataPointType === DataPointType.GAUGE ||
    (metric.dataPointType === DataPointType.SUM && !metric.isMonotonic)
  );
}

function isCounter(metric: MetricData): boolean {
  return metric.dataPointType === DataPointType.SUM && metric.isMonotonic;
}

/**
 * Prometheus name of an OpenTelemetry metric without the `_total` the serializer appends:
 * sanitised, with the unit suffix unless the name already contains the unit word.
 * @example prometheusMetricName(httpDuration) // 'http_server_request_duration_seconds'
 */
export function prometheusMetricName(metric: MetricData): { name: string; unit: string } {
  let name = sanitizeMetricName(metric.descriptor.name);
  const counter = isCounter(metric);
  if (counter) name = name.replace(/_total$/, '');
  const unit = prometheusUnit(metric.descriptor.unit, rendersAsGauge(metric));
  if (unit !== '' && !`_${name.toLowerCase()}_`.includes(`_${unit}_`)) name = `${name}_${unit}`;
  return { name, unit };
}

function fixMetric(metric: MetricData): MetricData {
  const { name, unit } = prometheusMetricName(metric);
  const description = metric.descriptor.description || `OpenTelemetry instrument ${metric.descriptor.name}`;
  return { ...metric, descriptor: { ...metric.descriptor, name, unit, description } };
}

function finalName(metric: MetricData): string {
  return isCounter(metric) ? `${metric.descriptor.name}_total` : metric.descriptor.name;
}

/**
 * Applies the compatibility rules the stock Prometheus exporter skips (unit suffixes, meaningful HELP)
 * and drops a metric whose final name was already rendered by another scope (Prometheus forbids a
 * second `# TYPE` block for one name); `onDuplicate` is told its name.
 */
export function toPrometheusCompatible(
  resourceMetrics: ResourceMetrics,
  onDuplicate: (name: string) => void,
): ResourceMetrics {
  const seen = new Set<string>();
  const scopeMetrics: ScopeMetrics[] = resourceMetrics.scopeMetrics.map((scope) => ({
    ...scope,
    metrics: scope.metrics.map(fixMetric).filter((metric) => {
      const name = finalName(metric);
      if (seen.has(name)) {
        onDuplicate(name);
        return false;
      }
      seen.add(name);
      return true;
    }),
  }));
  return { ...resourceMetrics, scopeMetrics };
}
