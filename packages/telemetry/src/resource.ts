import type { Redactor } from '@fasttodo/redact';
import type { Attributes } from '@opentelemetry/api';
import {
  defaultResource,
  detectResources,
  envDetector,
  hostDetector,
  processDetector,
  type Resource,
  type ResourceDetector,
  resourceFromAttributes,
  serviceInstanceIdDetector,
} from '@opentelemetry/resources';
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_NAMESPACE,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import {
  ATTR_PROCESS_COMMAND_ARGS,
  ATTR_PROCESS_COMMAND_LINE,
} from '@opentelemetry/semantic-conventions/incubating';
import type { Env, ResolvedConfig } from './config/types';
import { redactAttribute } from './tracing/redact-span';

// OpenTelemetry's env detector reads only `process.env`; with another `env` (tests) the config layer's
// reading of `OTEL_RESOURCE_ATTRIBUTES` from that object, merged next, supplies those attributes.
function detectors(env: Env): ResourceDetector[] {
  const list = [serviceInstanceIdDetector, hostDetector, processDetector];
  return env === process.env ? [...list, envDetector] : list;
}

function identity(config: ResolvedConfig): Record<string, string> {
  const out: Record<string, string> = {
    [ATTR_SERVICE_NAME]: config.serviceName,
    [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: config.environment,
  };
  if (config.serviceVersion) out[ATTR_SERVICE_VERSION] = config.serviceVersion;
  if (config.serviceNamespace) out[ATTR_SERVICE_NAMESPACE] = config.serviceNamespace;
  return out;
}

/**
 * A synchronous copy of `resource` whose attributes went through the span attribute rules. Attributes a
 * detector still computes asynchronously (`host.id`, read from the machine-id file) are left out: a resource
 * with pending attributes makes every reader that does not await it (the Prometheus serializer, the winston
 * OTLP transport) log "Accessing resource attributes before async attributes settled".
 */
function redactResource(resource: Resource, redactor: Redactor): Resource {
  const attributes: Attributes = {};
  // Raw attributes list the winning (last merged) entry first.
  for (const [key, value] of resource.getRawAttributes()) {
    if (Object.hasOwn(attributes, key) || value === undefined || isPending(value)) continue;
    if (COMMAND_LINE.has(key)) continue;
    attributes[key] = redactAttribute(key, value, redactor);
  }
  return resourceFromAttributes(attributes, { schemaUrl: resource.schemaUrl });
}

/**
 * The process detector copies `process.argv` into the resource. Secrets passed as separate arguments
 * (`--token abc`) look like any other word to the text detectors, so the command line is not exported;
 * `process.command` (the script) and `process.executable.*` stay.
 */
const COMMAND_LINE: ReadonlySet<string> = new Set([ATTR_PROCESS_COMMAND_ARGS, ATTR_PROCESS_COMMAND_LINE]);

function isPending(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * The resource every signal carries, later entries winning: `telemetry.sdk.*`, then OpenTelemetry's
 * detectors (`service.instance.id` as a random UUID per process, `host.name`, `host.arch`, `process.*`,
 * `OTEL_RESOURCE_ATTRIBUTES`), the configured attributes (environment, then `resourceAttributes`),
 * then the resolved service name, version, namespace and environment. Redacted once, here, by key
 * and value like span attributes; the command line is left out.
 */
export function buildResource(config: ResolvedConfig, redactor: Redactor, env: Env = process.env): Resource {
  const resource = defaultResource()
    .merge(detectResources({ detectors: detectors(env) }))
    .merge(resourceFromAttributes(config.resourceAttributes))
    .merge(resourceFromAttributes(identity(config)));
  return redactResource(resource, redactor);
}
