import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';

// Distinct sets stay few (methods × schemes × routes × statuses); the bound only guards a misbehaving adapter.
const MAX_SETS = 2048;

/**
 * The frozen attribute sets of `http.server.request.duration`, one object per distinct set: the capped meter
 * and the SDK then see the same object for every request of a series (the series cap becomes a lookup).
 */
export class MetricAttributeSets {
  private readonly sets = new Map<string, Attributes>();

  get(
    method: string,
    scheme: string,
    route: string | undefined,
    status: number,
    errorType: string | undefined,
  ): Attributes {
    // Method and scheme are normalized, the error type is length-prefixed and the route comes last: no collisions.
    const type = errorType === undefined ? '-' : `${errorType.length}:${errorType}`;
    const key = `${method} ${scheme} ${status} ${type} ${route === undefined ? '-' : `/${route}`}`;
    let attributes = this.sets.get(key);
    if (attributes === undefined) {
      attributes = Object.freeze(build(method, scheme, route, status, errorType));
      if (this.sets.size >= MAX_SETS) this.sets.clear();
      this.sets.set(key, attributes);
    }
    return attributes;
  }
}

function build(
  method: string,
  scheme: string,
  route: string | undefined,
  status: number,
  errorType: string | undefined,
): Attributes {
  const attributes: Attributes = { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_SCHEME]: scheme };
  if (route !== undefined) attributes[ATTR_HTTP_ROUTE] = route;
  if (status > 0) attributes[ATTR_HTTP_RESPONSE_STATUS_CODE] = status;
  if (errorType !== undefined) attributes[ATTR_ERROR_TYPE] = errorType;
  return attributes;
}
