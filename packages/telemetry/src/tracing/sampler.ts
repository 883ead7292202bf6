import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  type Sampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import type { ResolvedTraces } from '../config/types';
import { KeepErrorsSampler } from './keep-errors';

function baseSampler(config: ResolvedTraces): Sampler {
  switch (config.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(config.sampleRatio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) });
  }
}

/** `true` when keep-errors applies: a ratio sampler that can say "drop", and the feature on. */
export function usesKeepErrors(config: ResolvedTraces): boolean {
  return config.keepErrors.enabled && config.sampler.endsWith('traceidratio') && config.sampleRatio < 1;
}

/** The configured sampler, wrapped for keep-errors when it applies. */
export function buildSampler(config: ResolvedTraces): Sampler {
  const base = baseSampler(config);
  return usesKeepErrors(config) ? new KeepErrorsSampler(base, config.sampler === 'traceidratio') : base;
}
