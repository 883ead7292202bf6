import { hostname } from 'node:os';
import { defaultResource, type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_NAMESPACE,
  ATTR_SERVICE_VERSION,
} from '@opentelemetry/semantic-conventions';
import { ATTR_HOST_NAME, ATTR_PROCESS_PID } from '@opentelemetry/semantic-conventions/incubating';
import type { ResolvedConfig } from './config/types';

/**
 * The resource every signal carries, later entries winning: `telemetry.sdk.*` from the SDK,
 * `host.name` and `process.pid`, the configured attributes (`OTEL_RESOURCE_ATTRIBUTES`,
 * `resourceAttributes`), then the resolved service name, version, namespace and environment.
 */
export function buildResource(config: ResolvedConfig): Resource {
  const identity: Record<string, string> = {
    [ATTR_SERVICE_NAME]: config.serviceName,
    [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: config.environment,
  };
  if (config.serviceVersion) identity[ATTR_SERVICE_VERSION] = config.serviceVersion;
  if (config.serviceNamespace) identity[ATTR_SERVICE_NAMESPACE] = config.serviceNamespace;
  return defaultResource()
    .merge(resourceFromAttributes({ [ATTR_HOST_NAME]: hostname(), [ATTR_PROCESS_PID]: process.pid }))
    .merge(resourceFromAttributes(config.resourceAttributes))
    .merge(resourceFromAttributes(identity));
}
