import fc from 'fast-check';
import { MetricDefinitionError } from '../src/errors';
import { forbiddenLabel } from '../src/metrics/forbidden-labels';
import { testMetrics } from './metrics-helpers';

const { metrics } = testMetrics();
afterAll(() => metrics.shutdown());

let probes = 0;
function define(label: string) {
  probes++;
  return metrics.defineCounter({
    namespace: 'names',
    name: `probe${probes}`,
    help: 'Probe.',
    labelNames: [label],
  });
}

// The forbidden class: runs of words that name a person, a request, a raw URL, an address or a secret.
const FORBIDDEN_RUNS: readonly (readonly string[])[] = [
  ['user', 'id'],
  ['user', 'name'],
  ['email'],
  ['email', 'address'],
  ['phone', 'number'],
  ['customer', 'id'],
  ['account', 'id'],
  ['ip'],
  ['ip', 'address'],
  ['client', 'ip'],
  ['client', 'address'],
  ['remote', 'addr'],
  ['user', 'agent'],
  ['token'],
  ['access', 'token'],
  ['password'],
  ['secret'],
  ['api', 'key'],
  ['authorization'],
  ['cookie'],
  ['credential'],
  ['session'],
  ['sessid'],
  ['request', 'id'],
  ['correlation', 'id'],
  ['trace', 'id'],
  ['span', 'id'],
  ['url'],
  ['uri'],
  ['path'],
  ['query'],
  ['query', 'string'],
  ['full', 'url'],
];
// Honest words: none of them, alone or next to another, spells a forbidden term.
const HONEST_WORDS = [
  'status',
  'method',
  'route',
  'http',
  'cache',
  'type',
  'error',
  'tokens',
  'provider',
  'model',
  'region',
  'kind',
  'result',
  'outcome',
  'code',
  'direction',
  'operation',
  'queue',
  'topic',
  'tier',
  'plan',
  'country',
  'shard',
  'job',
  'state',
  'reason',
  'version',
  'breaker',
  'list',
  'db',
  'system',
];
const URL_WORDS = new Set(['url', 'uri', 'path', 'query']);

type Style = 'snake' | 'kebab' | 'camel' | 'dot' | 'upper';
function spell(words: readonly string[], style: Style): string {
  if (style === 'snake') return words.join('_');
  if (style === 'kebab') return words.join('-');
  if (style === 'dot') return words.join('.');
  if (style === 'upper') return words.join('_').toUpperCase();
  return words.map((w, i) => (i === 0 ? w : `${w[0]?.toUpperCase()}${w.slice(1)}`)).join('');
}

const honestWord = fc.constantFrom(...HONEST_WORDS);
const style = fc.constantFrom<Style>('snake', 'kebab', 'camel', 'dot', 'upper');
const forbiddenName = fc
  .record({
    run: fc.constantFrom(...FORBIDDEN_RUNS),
    before: fc.array(honestWord, { maxLength: 2 }),
    // `url_type` or `path_kind` are bounded enums by design, so a URL word is never followed here.
    after: fc.array(honestWord, { maxLength: 2 }),
    style,
  })
  .map(({ run, before, after, style: s }) => {
    const urlLast = URL_WORDS.has(run.at(-1) ?? '');
    return spell([...before, ...run, ...(urlLast ? [] : after)], s);
  });
const honestName = fc.array(honestWord, { minLength: 1, maxLength: 3 }).map((words) => words.join('_'));

describe('forbidden label names are a class, not a list', () => {
  test.each([
    'auth_token',
    'client_ip_address',
    'userEmail',
    'x_request_id',
    'session_token',
    'enduser_id',
    'PHPSESSID',
    'http_path',
    'db_query',
    'signing_secret',
    'id',
    'address',
    'x_forwarded_for',
    'customer_dob',
  ])('%s is rejected with MetricDefinitionError naming the label and why', (label) => {
    let caught: unknown;
    try {
      define(label);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MetricDefinitionError);
    expect((caught as Error).message).toContain(`label "${label}" is forbidden: it names "`);
  });

  test.each([
    'status',
    'method',
    'route',
    'http_route',
    'cache',
    'type',
    'error_type',
    'tokens_type',
    'url_scheme',
    'path_template',
    'query_type',
    'user_type',
    'order_id',
    'model_id',
    'server_address',
  ])('%s is an honest, bounded label and is accepted', (label) => {
    expect(() => define(label)).not.toThrow();
  });

  test('every generated member of the class is rejected, in every naming style', () => {
    fc.assert(
      fc.property(forbiddenName, (name) => {
        expect(forbiddenLabel(name)).toBeDefined();
        expect(() => define(name)).toThrow(MetricDefinitionError);
      }),
      { numRuns: 500 },
    );
  });

  test('generated honest names are accepted', () => {
    fc.assert(
      fc.property(honestName, (name) => {
        expect(forbiddenLabel(name)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  test('the check is linear: 1 MB adversarial names finish within a few seconds', () => {
    const inputs = [
      'aA'.repeat(500_000),
      '_'.repeat(1_000_000),
      'a1'.repeat(500_000),
      'urlx'.repeat(250_000),
    ];
    const started = Date.now();
    for (const name of inputs) forbiddenLabel(name);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('definitions reject unknown keys', () => {
  test('a lableNames typo is a MetricDefinitionError naming the key', () => {
    const typo = { namespace: 'names', name: 'typo', help: 'Typo.', lableNames: ['kind'] };
    expect(() => metrics.defineCounter(typo as never)).toThrow(
      /metric "names_typo" is invalid: unknown key "lableNames"; known keys are namespace, subsystem, name, unit, help, labelNames/,
    );
    expect(() => metrics.defineGauge(typo as never)).toThrow(MetricDefinitionError);
    expect(() => metrics.defineHistogram({ ...typo, bucket: [1] } as never)).toThrow('unknown key');
  });

  test('histograms know buckets; counters do not', () => {
    const def = { namespace: 'names', name: 'sized', help: 'Sized.', buckets: [1, 2] };
    expect(() => metrics.defineHistogram(def)).not.toThrow();
    expect(() => metrics.defineCounter(def as never)).toThrow('unknown key "buckets"');
  });
});
