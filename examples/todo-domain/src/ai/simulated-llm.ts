import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** A reply of the simulated model with its token counts. */
export interface Completion {
  readonly reply: string;
  readonly tokens: { readonly input: number; readonly output: number };
}

/** Thrown by the simulated upstream for a prompt containing `#fail`. */
export class UpstreamError extends Error {
  constructor() {
    super('simulated AI upstream failure');
    this.name = 'UpstreamError';
  }
}

/** The prompt marker that makes the simulated upstream fail. */
export const FAIL_MARKER = '#fail';

/** Latency model: a fixed 20 ms plus 1 ms per 10 prompt characters, capped at 500 ms. */
export function simulatedLatencyMs(prompt: string): number {
  return Math.min(500, 20 + Math.floor(prompt.length / 10));
}

/** Token model: input = ceil(characters / 4); output 16–79, fixed by the prompt's hash. */
export function simulatedCompletion(prompt: string): Completion {
  const digest = createHash('sha256').update(prompt).digest();
  const output = 16 + ((digest[0] as number) % 64);
  const reply = `Here is a plan for "${prompt.slice(0, 40)}": start with the smallest task (${digest.toString('hex', 0, 4)}).`;
  return { reply, tokens: { input: Math.ceil(prompt.length / 4), output } };
}

/** The simulated LLM call: waits the modelled latency, then answers or fails (`#fail`). */
export async function callSimulatedLlm(prompt: string): Promise<Completion> {
  await sleep(simulatedLatencyMs(prompt));
  if (prompt.includes(FAIL_MARKER)) throw new UpstreamError();
  return simulatedCompletion(prompt);
}
