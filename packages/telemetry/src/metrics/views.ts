import { AggregationType } from '@opentelemetry/sdk-metrics';
import type { ViewOptions } from '@opentelemetry/sdk-metrics';
import { METRIC_HTTP_SERVER_REQUEST_DURATION } from '@opentelemetry/semantic-conventions';
import { METRIC_GEN_AI_CLIENT_OPERATION_DURATION } from '@opentelemetry/semantic-conventions/incubating';
import { HTTP_SERVER_DURATION_BUCKETS, LONG_LATENCY_BUCKETS } from './buckets';
import type { ResolvedMetrics } from '../config/types';

function bucketView(instrumentName: string, boundaries: readonly number[], limit: number): ViewOptions {
  return {
    instrumentName,
    aggregation: {
      type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM,
      options: { boundaries: [...boundaries] },
    },
    aggregationCardinalityLimit: limit,
  };
}

/**
 * Views of the meter provider: semantic-convention buckets for `http.server.request.duration`, long buckets
 * for `gen_ai.client.operation.duration`; each keeps the per-metric series cap.
 */
export function buildViews(config: ResolvedMetrics): ViewOptions[] {
  return [
    bucketView(METRIC_HTTP_SERVER_REQUEST_DURATION, HTTP_SERVER_DURATION_BUCKETS, config.seriesLimit),
    bucketView(
      METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
      config.longBuckets ?? LONG_LATENCY_BUCKETS,
      config.seriesLimit,
    ),
  ];
}
