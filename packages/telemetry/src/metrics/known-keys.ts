import { MetricDefinitionError } from '../errors';

/**
 * Throws `MetricDefinitionError` naming the first own key of `value` that is not in `known`: a typo such as
 * `lableNames` must fail at definition time instead of silently dropping the labels.
 * @example rejectUnknownDefinitionKeys('shop_orders', def, ['namespace', 'name', 'help'])
 */
export function rejectUnknownDefinitionKeys(metric: string, value: unknown, known: readonly string[]): void {
  if (typeof value !== 'object' || value === null)
    throw new MetricDefinitionError(metric, 'the definition must be an object');
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    throw new MetricDefinitionError(
      metric,
      `unknown key ${JSON.stringify(key.slice(0, 80))}; known keys are ${known.join(', ')}`,
    );
  }
}
