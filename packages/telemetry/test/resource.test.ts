import { hostname } from 'node:os';
import { useReceiverAndApp } from './support/fixture';

const fx = useReceiverAndApp();

async function resourceFor(options: Record<string, unknown>, env: Record<string, string>) {
  const app = await fx.startApp();
  await app.call('start', {
    options: {
      metrics: { enabled: false },
      ...options,
      traces: { endpoint: fx.receiver.tracesUrl, scheduledDelayMs: 20 },
    },
    env,
  });
  await app.spans([{ name: 'resource-probe' }]);
  const [span] = await fx.receiver.waitForSpans((s) => s.length === 1);
  const { pid } = await app.call<{ pid: number }>('stats');
  return { resource: span?.resource ?? {}, pid };
}

describe('resource', () => {
  it('carries service, environment, host, process and SDK identity', async () => {
    const { resource, pid } = await resourceFor(
      {
        serviceName: 'todo-api',
        serviceVersion: '1.4.2',
        serviceNamespace: 'fasttodo',
        environment: 'staging',
      },
      { OTEL_RESOURCE_ATTRIBUTES: 'team=core,cloud.region=eu-west-1' },
    );
    expect(resource).toEqual({
      'service.name': 'todo-api',
      'service.version': '1.4.2',
      'service.namespace': 'fasttodo',
      'deployment.environment.name': 'staging',
      'host.name': hostname(),
      'process.pid': pid,
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.name': 'opentelemetry',
      'telemetry.sdk.version': expect.stringMatching(/^2\./),
      team: 'core',
      'cloud.region': 'eu-west-1',
    });
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
});
