/** The header variables the stock OTLP/HTTP exporters read from `process.env` by themselves. */
const HEADER_VARIABLES = [
  'OTEL_EXPORTER_OTLP_HEADERS',
  'OTEL_EXPORTER_OTLP_TRACES_HEADERS',
  'OTEL_EXPORTER_OTLP_LOGS_HEADERS',
  'OTEL_EXPORTER_OTLP_METRICS_HEADERS',
] as const;

/**
 * Run `build` (which constructs OTLP exporters) with the OTLP header variables hidden from `process.env`,
 * restoring them right after. The 2.x exporters merge those variables, read once in their constructor,
 * *under* the headers they are given, so a header our config layer dropped as invalid (CR/LF, bad name)
 * would still be sent and fail every export; the resolved headers are the only ones sent this way.
 * Synchronous, so no other code observes the gap.
 */
export function withoutHeaderEnv<T>(build: () => T): T {
  const saved = new Map<string, string>();
  for (const name of HEADER_VARIABLES) {
    const value = process.env[name];
    if (value === undefined) continue;
    saved.set(name, value);
    delete process.env[name];
  }
  try {
    return build();
  } finally {
    for (const [name, value] of saved) process.env[name] = value;
  }
}
