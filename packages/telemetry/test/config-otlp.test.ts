import { createRedactor } from '@fasttodo/redact';
import { startTelemetry, TelemetryConfigError, type TelemetryOptions } from '@fasttodo/telemetry';
import fc from 'fast-check';
import { resolveConfig } from '../src/config/resolve-config';
import { LogLines } from './support/log-lines';

const resolve = (env: Record<string, string>, options: TelemetryOptions = {}) => resolveConfig(options, env);
const CRLF_VALUES = ['a%0D%0Ab', 'a%0Ab', 'a%0Db', 'a%00b', 'a%7Fb', 'x%0D%0AInjected: 1', 'euro%E2%82%AC'];

describe('OTLP headers from the environment', () => {
  it.each(['OTEL_EXPORTER_OTLP_HEADERS', 'OTEL_EXPORTER_OTLP_TRACES_HEADERS'])(
    '%s: an invalid header is dropped with one warning naming it; the others are kept',
    (name) => {
      for (const bad of CRLF_VALUES) {
        const { config, warnings } = resolve({ [name]: `x-ok=1,x-bad=${bad}` });
        expect(config.traces.headers).toEqual({ 'x-ok': '1' });
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toContain(name);
        expect(warnings[0]).toContain('"x-bad"');
        expect(warnings[0]).not.toContain(decodeURIComponent(bad));
      }
    },
  );

  it('a header name that is not an HTTP token is dropped with a warning', () => {
    for (const badName of ['bad%20name', 'x%3Ay', 'caf%C3%A9', 'a%0Ab']) {
      const { config, warnings } = resolve({ OTEL_EXPORTER_OTLP_HEADERS: `${badName}=v,x-ok=1` });
      expect(config.traces.headers).toEqual({ 'x-ok': '1' });
      expect(warnings).toEqual([expect.stringContaining('not an HTTP token')]);
    }
  });

  it('logs use OTEL_EXPORTER_OTLP_LOGS_HEADERS / _TIMEOUT, else the generic ones, never the traces ones', () => {
    const base = { OTEL_LOGS_EXPORTER: 'otlp' };
    const own = resolve({
      ...base,
      OTEL_EXPORTER_OTLP_LOGS_HEADERS: 'x-logs=1',
      OTEL_EXPORTER_OTLP_LOGS_TIMEOUT: '1234',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-traces=1',
      OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '999',
    }).config;
    expect(own.logs).toMatchObject({ headers: { 'x-logs': '1' }, timeoutMs: 1234 });
    expect(own.traces).toMatchObject({ headers: { 'x-traces': '1' }, timeoutMs: 999 });
    const generic = resolve({
      ...base,
      OTEL_EXPORTER_OTLP_HEADERS: 'x-all=1',
      OTEL_EXPORTER_OTLP_TIMEOUT: '2222',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-traces=1',
    }).config;
    expect(generic.logs).toMatchObject({ headers: { 'x-all': '1' }, timeoutMs: 2222 });
    const options = resolve(
      { ...base, OTEL_EXPORTER_OTLP_LOGS_HEADERS: 'x-logs=1' },
      { logs: { headers: { 'x-opt': '2' }, timeoutMs: 300 } },
    ).config;
    expect(options.logs).toMatchObject({ headers: { 'x-opt': '2' }, timeoutMs: 300 });
  });

  it('OTEL_EXPORTER_OTLP_LOGS_HEADERS with CR/LF warns naming the variable and the header', () => {
    const { config, warnings } = resolve({
      OTEL_LOGS_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_LOGS_HEADERS: 'api-key=s3cr%0Aet',
    });
    expect(config.logs.headers).toEqual({});
    expect(warnings).toEqual([expect.stringContaining('"api-key" in OTEL_EXPORTER_OTLP_LOGS_HEADERS')]);
    expect(warnings[0]).not.toMatch(/s3cr/);
  });
});

describe('OTLP header options', () => {
  it.each([
    ['traces', { traces: { headers: { 'x-bad': 'secret-value\r\nInjected: 1' } } }],
    ['traces', { traces: { headers: { 'x-bad': 'secret-value\n' } } }],
    ['traces', { traces: { headers: { 'bad name': 'secret-value' } } }],
    ['logs', { logs: { headers: { 'x-bad': 'secret-value\r' } } }],
  ])('an invalid %s header throws TelemetryConfigError naming it, without its value', (group, options) => {
    let error: unknown;
    try {
      resolve({}, options as TelemetryOptions);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TelemetryConfigError);
    const { option, message } = error as TelemetryConfigError;
    expect(option).toMatch(new RegExp(`^${group}\\.headers\\["(x-bad|bad name)"\\]$`));
    expect(message).toContain(option);
    expect(message).not.toContain('secret-value');
  });
});

describe('signal URLs', () => {
  it.each([
    ['http://c:4318', 'http://c:4318/v1/traces', 'http://c:4318/v1/logs'],
    ['http://c:4318/', 'http://c:4318/v1/traces', 'http://c:4318/v1/logs'],
    ['http://c:4318/otlp/', 'http://c:4318/otlp/v1/traces', 'http://c:4318/otlp/v1/logs'],
    [
      'http://c:4318/otlp?tenant=a',
      'http://c:4318/otlp/v1/traces?tenant=a',
      'http://c:4318/otlp/v1/logs?tenant=a',
    ],
    ['http://c:4318?x=1&y=2', 'http://c:4318/v1/traces?x=1&y=2', 'http://c:4318/v1/logs?x=1&y=2'],
  ])(
    'OTEL_EXPORTER_OTLP_ENDPOINT=%s appends the signal path to the path, keeping the query',
    (base, traces, logs) => {
      const { config, warnings } = resolve({ OTEL_EXPORTER_OTLP_ENDPOINT: base, OTEL_LOGS_EXPORTER: 'otlp' });
      expect(config.traces.endpoint).toBe(traces);
      expect(config.logs.endpoint).toBe(logs);
      expect(warnings).toEqual([]);
    },
  );

  it('a fragment is dropped with one warning per source', () => {
    const { config, warnings } = resolve({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318/p?q=1#frag',
      OTEL_LOGS_EXPORTER: 'otlp',
    });
    expect(config.traces.endpoint).toBe('http://c:4318/p/v1/traces?q=1');
    expect(config.logs.endpoint).toBe('http://c:4318/p/v1/logs?q=1');
    expect(warnings).toEqual([expect.stringContaining('OTEL_EXPORTER_OTLP_ENDPOINT has a #fragment')]);
    const option = resolve({}, { traces: { endpoint: 'http://c:4318/v1/traces#x' } });
    expect(option.config.traces.endpoint).toBe('http://c:4318/v1/traces');
    expect(option.warnings).toEqual([expect.stringContaining('traces.endpoint')]);
  });
});

describe('nested option errors', () => {
  it.each([
    [{ maxdepth: 1 }, 'redact.maxdepth', /known option/],
    [{ maxDepth: -1 }, 'redact.maxDepth', /integer/],
    [{ keys: 'password' }, 'redact.keys', /array/],
  ])('redact %j names the nested option and the reason in the message', (redact, option, reason) => {
    let error: unknown;
    try {
      startTelemetry({ redact } as TelemetryOptions, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TelemetryConfigError);
    expect(error).toMatchObject({ option, cause: expect.any(Error) });
    expect((error as Error).message).toContain(`"${option}"`);
    expect((error as Error).message).toMatch(reason);
  });
});

describe('config warnings never leak what a variable held', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9_-]{6,24}$/);
  const word = fc.constantFrom('token', 'password', 'secret', 'api_key', 'cfg', 'db', 'x');

  it('a malformed OTEL_RESOURCE_ATTRIBUTES is reported by the entry key only', () => {
    fc.assert(
      fc.property(word, word, secret, fc.constantFrom('=', '=%ZZ', '=%Z'), (k1, k2, value, form) => {
        const raw = form === '=' ? `team=core,${k1}=${k2}=${value}` : `team=core,${k1}${form}${value}`;
        const { config, warnings } = resolve({ OTEL_RESOURCE_ATTRIBUTES: raw });
        expect(config.resourceAttributes).toEqual({});
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toContain('OTEL_RESOURCE_ATTRIBUTES');
        expect(warnings[0]).not.toContain(value);
      }),
    );
  });

  it('a quoted value is redacted on its own before the warning is built and cut', () => {
    const values = [
      'api_key=abc123secret',
      'password: hunter2secret',
      `${'x'.repeat(50)} token=abc123secret`,
      'Bearer abc123secretabc123secret',
    ];
    for (const name of ['OTEL_TRACES_SAMPLER', 'OTEL_LOG_LEVEL', 'OTEL_EXPORTER_OTLP_TIMEOUT', 'LOG_FORMAT'])
      for (const value of values) {
        const { warnings } = resolve({ [name]: value });
        expect(warnings).toEqual([expect.stringContaining(name)]);
        expect(warnings[0]).not.toContain('abc123secret');
        expect(warnings[0]).not.toContain('hunter2secret');
      }
  });

  it('a warning that quotes a value passes through the redactor', () => {
    const { warnings } = resolve({ OTEL_TRACES_SAMPLER: 'jane.doe@example.com' });
    expect(warnings).toEqual([expect.stringContaining('OTEL_TRACES_SAMPLER')]);
    expect(warnings[0]).not.toContain('jane.doe@example.com');
    const custom = resolveConfig(
      { redact: createRedactor({ patterns: [{ name: 'sampler', pattern: /sometimes/g }] }) },
      { OTEL_TRACES_SAMPLER: 'sometimes' },
    );
    expect(custom.warnings[0]).not.toContain('sometimes');
  });

  it('the logged config warning for cfg=token=x does not carry the value', async () => {
    const stream = new LogLines();
    const telemetry = startTelemetry(
      { metrics: { enabled: false }, logs: { format: 'json', stream } },
      { OTEL_RESOURCE_ATTRIBUTES: 'cfg=token=hunter2value' },
    );
    await telemetry.shutdown();
    const warning = stream.withMessage('OTEL_RESOURCE_ATTRIBUTES');
    expect(warning).toHaveLength(1);
    expect(stream.raw.join('\n')).not.toContain('hunter2value');
  });
});
