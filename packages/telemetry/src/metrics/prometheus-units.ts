// OpenTelemetry (UCUM) unit → Prometheus unit word, after the OpenTelemetry "Prometheus and OpenMetrics
// compatibility" specification and the collector's translator.
const UNIT_WORDS: Readonly<Record<string, string>> = {
  d: 'days',
  h: 'hours',
  min: 'minutes',
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  GiBy: 'gibibytes',
  TiBy: 'tibibytes',
  KBy: 'kilobytes',
  MBy: 'megabytes',
  GBy: 'gigabytes',
  TBy: 'terabytes',
  m: 'meters',
  V: 'volts',
  A: 'amperes',
  J: 'joules',
  W: 'watts',
  g: 'grams',
  Cel: 'celsius',
  Hz: 'hertz',
  '%': 'percent',
};

const PER_UNIT_WORDS: Readonly<Record<string, string>> = {
  s: 'second',
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  mo: 'month',
  y: 'year',
};

/** Removes `{annotations}`; a bare annotation such as `{request}` is a count and has no unit. */
function stripAnnotations(unit: string): string {
  return unit.replace(/\{[^}]*\}/g, '').trim();
}

function sanitizeWord(word: string): string {
  return word
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

function unitWord(unit: string, table: Readonly<Record<string, string>>): string {
  return table[unit] ?? sanitizeWord(unit);
}

/**
 * Prometheus suffix for an OpenTelemetry unit: `s`→`seconds`, `By`→`bytes`, `By/s`→`bytes_per_second`,
 * `1`→`ratio` for gauges only, `{request}`→`''` (counts are unitless).
 */
export function prometheusUnit(unit: string, isGauge: boolean): string {
  const bare = stripAnnotations(unit);
  if (bare === '') return '';
  if (bare === '1') return isGauge ? 'ratio' : '';
  const [numerator = '', denominator] = bare.split('/', 2);
  const left = numerator === '1' || numerator === '' ? '' : unitWord(numerator, UNIT_WORDS);
  if (denominator === undefined) return left;
  const right = unitWord(stripAnnotations(denominator), PER_UNIT_WORDS);
  if (right === '') return left;
  return left === '' ? `per_${right}` : `${left}_per_${right}`;
}
