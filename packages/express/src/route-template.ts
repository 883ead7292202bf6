// The full route template of a request, derived from what Express exposes: the matched `req.route`, found
// again by walking the app's router stack through the routers whose mount layer matches the request path.
// Express keeps no full template and `req.baseUrl` is concrete (`/users/42`), so the mount templates come
// from the layers: `rawPath`/`match().pattern` (router 2, Express 5) or, for Express 4, the layer's regexp
// with the matched parameter values replaced by their `:name`.

interface Layer {
  route?: unknown;
  name?: string;
  handle?: { stack?: unknown };
  match?(path: string): unknown;
  regexp?: RegExp;
  keys?: { name: string | number }[];
  path?: string;
}

interface Search {
  route: unknown;
  /** Sub-apps still to enter, outermost first. */
  apps: unknown[];
}

interface Match {
  consumed: string;
  template: string;
}

const MAX_DEPTH = 16;
const MAX_PATTERN = 128;

/** The template of a developer-written pattern; a RegExp is named by its own source, never by the path. */
function patternText(pattern: unknown): string | undefined {
  if (typeof pattern === 'string') return pattern;
  if (pattern instanceof RegExp) return String(pattern).slice(0, MAX_PATTERN);
  return undefined;
}

/** Express 4: the consumed path with every captured parameter value replaced by `:name`. */
function templateFromRegexp(layer: Layer, consumed: string): string | undefined {
  if (!layer.regexp || !layer.keys) return undefined;
  const indexed = new RegExp(layer.regexp.source, `${layer.regexp.flags.replace(/[gy]/g, '')}d`);
  const found = indexed.exec(consumed);
  if (!found?.indices) return undefined;
  let template = '';
  let last = 0;
  layer.keys.forEach((key, i) => {
    const span = found.indices?.[i + 1];
    if (!span) return;
    template += `${consumed.slice(last, span[0])}:${key.name}`;
    last = span[1];
  });
  return template + consumed.slice(last);
}

/** What `layer` consumes of `path` and its template, or undefined when it does not match. */
function matchLayer(layer: Layer, path: string, raw: unknown): Match | undefined {
  const result = layer.match?.(path);
  if (!result) return undefined;
  if (typeof result === 'object') {
    const { path: consumed, pattern } = result as { path: string; pattern: unknown };
    const template = patternText(pattern);
    return template === undefined ? undefined : { consumed, template };
  }
  const consumed = layer.path ?? '';
  const template = raw instanceof RegExp ? patternText(raw) : templateFromRegexp(layer, consumed);
  return template === undefined ? undefined : { consumed, template };
}

function join(prefix: string, part: string): string {
  const head = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  if (part === '/' || part === '') return head || '/';
  return head + (part.startsWith('/') ? part : `/${part}`);
}

/** The router stack of an Express app (`_router` on Express 4, where the `router` getter throws). */
function stackOf(app: unknown): Layer[] | undefined {
  const holder = app as { _router?: { stack?: unknown }; router?: { stack?: unknown } };
  try {
    const stack = (holder._router ?? holder.router)?.stack;
    return Array.isArray(stack) ? stack : undefined;
  } catch {
    return undefined;
  }
}

/** Where the search goes next: the stack of a matching router, or of the sub-app the request is in. */
function descend(layer: Layer, apps: unknown[]): { stack: Layer[]; apps: unknown[] } | undefined {
  const children = layer.handle?.stack;
  if (Array.isArray(children)) return { stack: children, apps };
  if (apps.length === 0 || layer.name !== 'mounted_app') return undefined;
  const stack = stackOf(apps[0]);
  return stack ? { stack, apps: apps.slice(1) } : undefined;
}

function find(
  stack: Layer[],
  path: string,
  prefix: string,
  search: Search,
  depth: number,
): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const layer of stack) {
    if (layer.route === search.route) {
      const own = matchLayer(layer, path, (search.route as { path?: unknown }).path);
      return own ? join(prefix, own.template) : undefined;
    }
    const next = descend(layer, search.apps);
    if (!next) continue;
    const mount = matchLayer(layer, path, undefined);
    if (!mount) continue;
    // A sub-app is entered only through the layer that mounts it at its own `mountpath`.
    if (
      next.apps !== search.apps &&
      mount.template !== patternText(search.apps[0] && (search.apps[0] as { mountpath?: unknown }).mountpath)
    )
      continue;
    const rest = path.slice(mount.consumed.length);
    const inner = { route: search.route, apps: next.apps };
    const found = find(
      next.stack,
      rest.startsWith('/') ? rest : `/${rest}`,
      join(prefix, mount.template),
      inner,
      depth + 1,
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The apps from `root` down to `current` (a mounted sub-app the request is in), or undefined. */
function appChain(root: unknown, current: unknown): unknown[] | undefined {
  const chain: unknown[] = [];
  for (let app = current; app && chain.length <= MAX_DEPTH; app = (app as { parent?: unknown }).parent) {
    chain.unshift(app);
    if (app === root) return chain;
  }
  return undefined;
}

/**
 * The full template of the matched route (`/api/v1/todos/:id`), or undefined when no route matched or it
 * cannot be found from `root` (the app the middleware is on) down to `current` (`req.app`: a sub-app when the
 * request is inside one).
 */
export function routeTemplate(
  root: unknown,
  current: unknown,
  route: unknown,
  url: string,
): string | undefined {
  if (!route || !root) return undefined;
  const chain = appChain(root, current ?? root);
  const stack = chain && stackOf(chain[0]);
  if (!chain || !stack) return undefined;
  const end = url.search(/[?#]/);
  return find(stack, end === -1 ? url : url.slice(0, end), '', { route, apps: chain.slice(1) }, 0);
}
