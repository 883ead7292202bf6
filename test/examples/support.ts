// Runs a FastTodo example as a user does (`node examples/<fw>-todo`, built packages, real port) and reads its
// Prometheus text.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export const FRAMEWORKS = ['express', 'fastify', 'koa'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const ROOT = join(__dirname, '..', '..');

const LISTENING = /^FastTodo \((\w+)\) listening on (http:\/\/127\.0\.0\.1:\d+)$/m;

/** A node process started by a test, everything it printed so far (stdout and stderr), and its exit code. */
export interface SpawnedNode {
  readonly child: ChildProcess;
  output(): string;
  readonly exit: Promise<number | null>;
}

/** Runs `node <args>` in development mode with `env` added, collecting its output. */
export function spawnNode(args: string[], env: Record<string, string> = {}): SpawnedNode {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const append = (chunk: Buffer) => {
    text += chunk.toString();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return { child, output: () => text, exit: once(child, 'exit').then(([code]) => code as number | null) };
}

/** A running example: its URL besides the process. */
export interface RunningExample extends SpawnedNode {
  readonly url: string;
}

/** Starts `node examples/<framework>-todo` on a free port and waits for its first line. */
export async function startExample(
  framework: Framework,
  env: Record<string, string> = {},
): Promise<RunningExample> {
  const {
    child,
    output: text,
    exit,
  } = spawnNode([join(ROOT, 'examples', `${framework}-todo`)], {
    PORT: '0',
    DRAIN_DELAY_MS: '1500',
    ...env,
  });
  const deadline = Date.now() + 20_000;
  while (!LISTENING.test(text())) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`${framework} example did not start:\n${text()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { url: LISTENING.exec(text())?.[2] ?? '', child, output: text, exit };
}

/** Every `fasttodo_*` sample of a Prometheus text, keyed by `name{labels}`. */
export function fasttodoSamples(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(fasttodo_\S+?(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) samples.set(withoutScope(match[1] as string), Number(match[2]));
  }
  return samples;
}

// `name{otel_scope_name="…",a="1"}` → `name{a="1"}`; `name` when no other label is left.
function withoutScope(series: string): string {
  const labels = /\{(.*)\}$/.exec(series)?.[1] ?? '';
  const kept = labels.split(/,(?=\w+=")/).filter((label) => label && !label.startsWith('otel_scope_name='));
  const name = series.replace(/\{.*$/, '');
  return kept.length > 0 ? `${name}{${kept.join(',')}}` : name;
}

/** The `fasttodo_*` samples a service serves at `/metrics`. */
export async function scrape(url: string): Promise<Map<string, number>> {
  return fasttodoSamples(await (await fetch(`${url}/metrics`)).text());
}

// Timing-dependent samples: durations (the simulated LLM, database queries) vary with the machine's load.
const TIMING = /^fasttodo_\w+_seconds_(sum|bucket)\b/;

/** after − before for every sample that does not depend on timing, zero deltas left out. */
export function deltas(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [key, value] of after) {
    const delta = value - (before.get(key) ?? 0);
    if (!TIMING.test(key) && delta !== 0) result[key] = delta;
  }
  return result;
}

/**
 * The readiness status seen once the drain began: polls `/health/ready` until it answers 503 or `timeoutMs`
 * passes (a signal reaches a loaded machine's process late); `undefined` when the server stopped answering.
 */
export async function readinessWhileDraining(url: string, timeoutMs = 1500): Promise<number | undefined> {
  const deadline = Date.now() + timeoutMs;
  let status: number | undefined;
  do {
    status = await fetch(`${url}/health/ready`).then(
      (response) => response.status,
      () => undefined,
    );
    if (status !== 200) return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  } while (Date.now() < deadline);
  return status;
}
