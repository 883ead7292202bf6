/** One parsed path step: a literal key, `*` (exactly one key) or `**` (zero or more keys). */
export type Segment = { kind: 'key'; key: string } | { kind: 'star' } | { kind: 'globstar' };

const IDENT = /[^.[\]]+/y;
const INDEX = /\[(\d+|\*)\]/y;
const QUOTED = /\[(["'])((?:\\.|(?!\1)[^\\])*)\1\]/y;

/** Parses `a.b`, `a["b-c"]`, `a[0]`, `a.*`, `*.b`, `**.b`; returns `undefined` when the syntax is invalid. */
export function parsePath(path: string): Segment[] | undefined {
  const out: Segment[] = [];
  let pos = 0;
  let needDot = false;
  while (pos < path.length) {
    if (path[pos] === '[') {
      const m = readBracket(path, pos);
      if (!m) return undefined;
      out.push(m.segment);
      pos = m.end;
    } else {
      if (needDot) {
        if (path[pos] !== '.') return undefined;
        pos++;
      }
      IDENT.lastIndex = pos;
      const m = IDENT.exec(path);
      if (!m) return undefined;
      out.push(identSegment(m[0]));
      pos = IDENT.lastIndex;
    }
    needDot = true;
  }
  return out.length > 0 ? out : undefined;
}

function identSegment(text: string): Segment {
  if (text === '*') return { kind: 'star' };
  if (text === '**') return { kind: 'globstar' };
  return { kind: 'key', key: text };
}

function readBracket(path: string, pos: number): { segment: Segment; end: number } | undefined {
  INDEX.lastIndex = pos;
  const index = INDEX.exec(path);
  if (index) {
    const segment: Segment = index[1] === '*' ? { kind: 'star' } : { kind: 'key', key: String(index[1]) };
    return { segment, end: INDEX.lastIndex };
  }
  QUOTED.lastIndex = pos;
  const quoted = QUOTED.exec(path);
  if (!quoted) return undefined;
  const key = (quoted[2] ?? '').replace(/\\(.)/g, '$1');
  return { segment: { kind: 'key', key }, end: QUOTED.lastIndex };
}

interface Node {
  readonly id: number;
  readonly children: Map<string, Node>;
  star: Node | undefined;
  globstar: Node | undefined;
  loop: boolean;
  terminal: string | undefined;
}

/** A set of trie positions reached by the keys walked so far (a lazily built DFA state). */
export interface PathState {
  /** The path that ends here, when the value at this position must be censored. */
  readonly terminal: string | undefined;
  /** The state after one more key, or `null` when no path can match below. */
  step(key: string): PathState | null;
}

/** Compiles parsed paths into the root state of a lazily built DFA; `null` when there are no paths. */
export function compilePaths(paths: readonly { source: string; segments: Segment[] }[]): PathState | null {
  if (paths.length === 0) return null;
  let nextId = 0;
  const newNode = (): Node => ({
    id: nextId++,
    children: new Map(),
    star: undefined,
    globstar: undefined,
    loop: false,
    terminal: undefined,
  });
  const root = newNode();
  for (const { source, segments } of paths) {
    let node = root;
    for (const seg of segments) node = child(node, seg, newNode);
    node.terminal ??= source;
  }
  const states = new Map<string, State>();
  const stateOf = (nodes: Node[]): State | null => {
    if (nodes.length === 0) return null;
    const id = nodes.map((n) => n.id).join(',');
    let state = states.get(id);
    if (!state) {
      state = new State(nodes, stateOf);
      states.set(id, state);
    }
    return state;
  };
  return stateOf(closure([root]));
}

function child(node: Node, seg: Segment, newNode: () => Node): Node {
  if (seg.kind === 'star') {
    node.star ??= newNode();
    return node.star;
  }
  if (seg.kind === 'globstar') {
    node.globstar ??= newNode();
    node.globstar.loop = true;
    return node.globstar;
  }
  let next = node.children.get(seg.key);
  if (!next) {
    next = newNode();
    node.children.set(seg.key, next);
  }
  return next;
}

function closure(nodes: Node[]): Node[] {
  const out = new Map<number, Node>();
  const add = (n: Node | undefined): void => {
    if (!n || out.has(n.id)) return;
    out.set(n.id, n);
    add(n.globstar);
  };
  for (const n of nodes) add(n);
  return [...out.values()].sort((a, b) => a.id - b.id);
}

class State implements PathState {
  readonly terminal: string | undefined;
  private readonly literal = new Map<string, PathState | null>();
  private readonly literals: Set<string>;
  private other: PathState | null | undefined;

  constructor(
    private readonly nodes: Node[],
    private readonly stateOf: (nodes: Node[]) => PathState | null,
  ) {
    this.terminal = nodes.find((n) => n.terminal !== undefined)?.terminal;
    this.literals = new Set(nodes.flatMap((n) => [...n.children.keys()]));
  }

  step(key: string): PathState | null {
    if (!this.literals.has(key)) {
      if (this.other === undefined) this.other = this.compute(undefined);
      return this.other;
    }
    let next = this.literal.get(key);
    if (next === undefined) {
      next = this.compute(key);
      this.literal.set(key, next);
    }
    return next;
  }

  private compute(key: string | undefined): PathState | null {
    const reached: Node[] = [];
    for (const n of this.nodes) {
      const exact = key === undefined ? undefined : n.children.get(key);
      if (exact) reached.push(exact);
      if (n.star) reached.push(n.star);
      if (n.loop) reached.push(n);
    }
    return this.stateOf(closure(reached));
  }
}
