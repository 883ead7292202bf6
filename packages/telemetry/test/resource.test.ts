import { hostname } from 'node:os';
import { useReceiverAndApp } from './support/fixture';

const fx = useReceiverAndApp();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function startWith(processEnv: Record<string, string>) {
  const app = await fx.startApp();
  await app.call('start', {
    options: {
      metrics: { enabled: false },
      traces: { endpoint: fx.receiver.tracesUrl, scheduledDelayMs: 20 },
    },
    processEnv,
  });
  return app;
}

async function resourceFor(
  options: Record<string, unknown>,
  env: Record<string, string>,
  how: { processEnv?: boolean } = {},
) {
  const app = await fx.startApp();
  await app.call('start', {
    options: {
      metrics: { enabled: false },
      ...options,
      traces: { endpoint: fx.receiver.tracesUrl, scheduledDelayMs: 20 },
    },
    ...(how.processEnv ? { processEnv: env } : { env }),
  });
  const [created] = await app.spans([{ name: 'resource-probe' }]);
  const spans = await fx.receiver.waitForSpans((s) => s.some((x) => x.traceId === created?.traceId));
  const { pid } = await app.call<{ pid: number }>('stats');
  await app.call('shutdown');
  const span = spans.find((x) => x.traceId === created?.traceId);
  return { resource: span?.resource ?? {}, pid, app };
}

describe('resource', () => {
  it('carries service, environment, instance, host, process and SDK identity from the detectors', async () => {
    const { resource, pid } = await resourceFor(
      {
        serviceName: 'todo-api',
        serviceVersion: '1.4.2',
        serviceNamespace: 'fasttodo',
        environment: 'staging',
      },
      { OTEL_RESOURCE_ATTRIBUTES: 'team=core,cloud.region=eu-west-1' },
    );
    expect(resource).toMatchObject({
      'service.name': 'todo-api',
      'service.version': '1.4.2',
      'service.namespace': 'fasttodo',
      'service.instance.id': expect.stringMatching(UUID),
      'deployment.environment.name': 'staging',
      'host.name': hostname(),
      'host.arch': expect.any(String),
      'process.pid': pid,
      'process.runtime.name': 'nodejs',
      'process.runtime.version': process.versions.node,
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.version': expect.stringMatching(/^2\./),
      team: 'core',
      'cloud.region': 'eu-west-1',
    });
    expect(resource).toHaveProperty(['process.command']);
    expect(resource).not.toHaveProperty(['process.command_args']);
    expect(resource).not.toHaveProperty(['process.command_line']);
    expect(resource).not.toHaveProperty(['host.id']);
  });

  it('gives each process its own service.instance.id', async () => {
    const first = await resourceFor({ serviceName: 'a' }, {});
    await first.app.stop(); // the fixture stops only the last app it started
    await fx.receiver.clear();
    const second = await resourceFor({ serviceName: 'a' }, {});
    expect(first.resource['service.instance.id']).toMatch(UUID);
    expect(second.resource['service.instance.id']).toMatch(UUID);
    expect(first.resource['service.instance.id']).not.toBe(second.resource['service.instance.id']);
  });

  it('service.instance.id set by the environment or an option wins', async () => {
    const fromEnv = await resourceFor({}, { OTEL_RESOURCE_ATTRIBUTES: 'service.instance.id=pod-7' });
    expect(fromEnv.resource['service.instance.id']).toBe('pod-7');
    await fromEnv.app.stop();
    await fx.receiver.clear();
    const fromOption = await resourceFor(
      { resourceAttributes: { 'service.instance.id': 'opt-1' } },
      { OTEL_RESOURCE_ATTRIBUTES: 'service.instance.id=pod-7' },
    );
    expect(fromOption.resource['service.instance.id']).toBe('opt-1');
  });

  it('takes name, version and namespace from the environment when no option is given', async () => {
    const { resource } = await resourceFor(
      {},
      {
        OTEL_SERVICE_NAME: 'from-env',
        OTEL_RESOURCE_ATTRIBUTES: 'service.version=9.9.9,service.namespace=ns,host.name=pod-1',
        ENVIRONMENT: 'production',
        OTEL_TRACES_SAMPLER: 'always_on',
      },
    );
    expect(resource).toMatchObject({
      'service.name': 'from-env',
      'service.version': '9.9.9',
      'service.namespace': 'ns',
      'deployment.environment.name': 'production',
      'host.name': 'pod-1',
    });
  });

  it('reads process.env through OpenTelemetry’s env detector, options still winning', async () => {
    const { resource } = await resourceFor(
      { resourceAttributes: { team: 'opt' } },
      { OTEL_SERVICE_NAME: 'proc-env', OTEL_RESOURCE_ATTRIBUTES: 'team=env,k8s.pod.name=todo-1' },
      { processEnv: true },
    );
    expect(resource).toMatchObject({ 'service.name': 'proc-env', team: 'opt', 'k8s.pod.name': 'todo-1' });
  });

  it('a malformed OTEL_RESOURCE_ATTRIBUTES in process.env is discarded with one warning that does not quote it', async () => {
    const app = await startWith({
      OTEL_RESOURCE_ATTRIBUTES: 'team=core,cfg=token=hunter2x',
      OTEL_LOG_LEVEL: 'debug',
    });
    const [created] = await app.spans([{ name: 'malformed-env' }]);
    const spans = await fx.receiver.waitForSpans((s) => s.some((x) => x.traceId === created?.traceId));
    await app.call('shutdown');
    const logs = await app.logs();
    expect(logs.filter((l) => String(l.message).includes('OTEL_RESOURCE_ATTRIBUTES'))).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain('hunter2x');
    expect(JSON.stringify(spans)).not.toContain('hunter2x');
    expect(spans[0]?.resource).not.toHaveProperty('team');
  });
});
