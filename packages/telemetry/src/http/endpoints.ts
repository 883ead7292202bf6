import { PROMETHEUS_CONTENT_TYPE } from '../metrics/prometheus-reader';
import { bearerCheck, DEFAULT_SCRAPE_NETWORKS, inList, networkList, scrapeClient } from './network-access';
import type { ResolvedHttpOptions } from './options';
import type { HealthProbes, HttpResponse, ProbeResult, RequestInfo } from './types';

type Handler = (info: RequestInfo, head: boolean) => Promise<HttpResponse>;

const NO_STORE = 'no-store';
const HEALTH_CONTENT_TYPE = 'application/json';
const FAILED_PROBE: ProbeResult = { httpStatus: 503, body: { status: 'fail' } };

function respond(status: number, contentType: string, payload: string, head: boolean): HttpResponse {
  return {
    status,
    headers: {
      'content-type': contentType,
      'cache-control': NO_STORE,
      'content-length': String(Buffer.byteLength(payload)),
    },
    body: head ? '' : payload,
  };
}

const FORBIDDEN: HttpResponse = Object.freeze({
  status: 403,
  headers: Object.freeze({ 'cache-control': NO_STORE, 'content-length': '0' }) as Record<string, string>,
  body: '',
});

function methodNotAllowed(): HttpResponse {
  return { status: 405, headers: { allow: 'GET, HEAD', 'content-length': '0' }, body: '' };
}

function probeHandler(probe: () => Promise<ProbeResult>): Handler {
  return async (_info, head) => {
    let result: ProbeResult;
    try {
      result = await probe();
    } catch {
      result = FAILED_PROBE;
    }
    return respond(result.httpStatus, HEALTH_CONTENT_TYPE, JSON.stringify(result.body), head);
  };
}

function metricsHandler(
  options: NonNullable<ResolvedHttpOptions['metrics']>,
  text: () => Promise<string>,
): Handler {
  const allowed = networkList('http.metricsEndpoint.allow', options.allow ?? DEFAULT_SCRAPE_NETWORKS);
  const trusted =
    options.trustedProxies.length > 0
      ? networkList('http.metricsEndpoint.trustedProxies', options.trustedProxies)
      : undefined;
  const authorized = options.bearerToken === undefined ? () => true : bearerCheck(options.bearerToken);
  return async (info, head) => {
    const client = scrapeClient(info.remoteAddress, info.headers, trusted);
    if (!inList(allowed, client) || !authorized(info.headers)) return FORBIDDEN;
    return respond(200, PROMETHEUS_CONTENT_TYPE, await text(), head);
  };
}

function healthHandlers(
  paths: ResolvedHttpOptions['healthPaths'],
  health: HealthProbes,
): [string, Handler][] {
  const out: [string, Handler][] = [];
  if (paths.combined) out.push([paths.combined, probeHandler(() => health.ready())]);
  if (paths.live) out.push([paths.live, probeHandler(() => health.live())]);
  if (paths.ready) out.push([paths.ready, probeHandler(() => health.ready())]);
  if (paths.startup) out.push([paths.startup, probeHandler(() => health.startup())]);
  return out;
}

/** The endpoint handlers by exact path, built once. */
export function buildEndpoints(options: ResolvedHttpOptions): ReadonlyMap<string, Handler> {
  const handlers = new Map<string, Handler>();
  if (options.health)
    for (const [path, handler] of healthHandlers(options.healthPaths, options.health))
      handlers.set(path, handler);
  if (options.metrics) {
    const { telemetry } = options;
    handlers.set(
      options.metrics.path,
      metricsHandler(options.metrics, () => telemetry.metricsText()),
    );
  }
  return handlers;
}

/** The path part of a raw request target (before `?` or `#`). */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  const h = url.indexOf('#');
  const end = q === -1 ? h : h === -1 ? q : Math.min(q, h);
  return end === -1 ? url : url.slice(0, end);
}

/** Serves an endpoint request with the handler of its path: GET and HEAD, anything else 405. */
export function serveEndpoint(handler: Handler, info: RequestInfo): Promise<HttpResponse> {
  if (info.method === 'GET') return handler(info, false);
  if (info.method === 'HEAD') return handler(info, true);
  return Promise.resolve(methodNotAllowed());
}
