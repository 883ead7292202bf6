import { createHash } from 'node:crypto';
import type { Telemetry } from '@fasttodo/telemetry';
import type { BreakerConfig } from '../config';
import { objectBody, stringField } from '../http/body';
import type { HttpResult } from '../http/result';
import { InvalidInput, failure } from '../http/result';
import { AI_CACHE_NAME } from '../metric-names';
import type { FastTodoMetrics } from '../metrics';
import type { Storage } from '../storage/types';
import { aiErrorType, createAiBreaker } from './breaker';
import type { Completion } from './simulated-llm';
import { callSimulatedLlm } from './simulated-llm';

/** Longest prompt accepted. */
export const MAX_PROMPT_LENGTH = 4000;
/** How long a reply stays cached. */
export const REPLY_TTL_SECONDS = 300;

interface AssistantDeps {
  readonly storage: Storage;
  readonly metrics: FastTodoMetrics;
  readonly logger: Telemetry['logger'];
  readonly breaker: BreakerConfig;
}

// Per user, as a real assistant's replies depend on the user's context; a digest, so neither the prompt (user
// text, maybe PII) nor the user id becomes a key in Redis.
const cacheKey = (userId: string, prompt: string) =>
  `ai:reply:${createHash('sha256').update(userId).update('\n').update(prompt).digest('base64url')}`;

function promptOf(input: unknown): string {
  const prompt = stringField(objectBody(input), 'prompt', MAX_PROMPT_LENGTH).trim();
  if (prompt.length === 0) throw new InvalidInput('prompt_required');
  return prompt;
}

/** `POST /ai/assist`: the simulated LLM behind a per-user reply cache and a circuit breaker. */
export function createAssistant({ storage, metrics, logger, breaker: breakerConfig }: AssistantDeps) {
  const breaker = createAiBreaker(callSimulatedLlm, breakerConfig, metrics);

  // A cache that is down costs a call to the upstream, never the answer.
  const cached = async (key: string): Promise<Completion | undefined> => {
    const hit = await storage.replies.get(key).catch((error: unknown) => {
      logger.warn('ai reply cache unavailable', { error });
      return undefined;
    });
    if (hit === undefined) metrics.cache.miss(AI_CACHE_NAME);
    else metrics.cache.hit(AI_CACHE_NAME);
    return hit === undefined ? undefined : (JSON.parse(hit) as Completion);
  };

  const fromUpstream = async (prompt: string, key: string): Promise<Completion> => {
    const completion = await breaker.fire(prompt);
    metrics.aiTokensUsed.inc(completion.tokens.input, { type: 'input' });
    metrics.aiTokensUsed.inc(completion.tokens.output, { type: 'output' });
    await storage.replies
      .set(key, JSON.stringify(completion), REPLY_TTL_SECONDS)
      .catch((error: unknown) => logger.warn('ai reply not cached', { error }));
    return completion;
  };

  const failed = (error: unknown): HttpResult => {
    const errorType = aiErrorType(error);
    metrics.aiErrors.inc(1, { error_type: errorType });
    const rejected = errorType === 'breaker_open';
    metrics.aiRequests.inc(1, { status: rejected ? 'rejected' : 'error' });
    logger.warn('ai assist failed', { error_type: errorType, breaker: breaker.opened ? 'open' : 'closed' });
    return rejected ? failure(503, 'ai_unavailable') : failure(502, 'ai_upstream_failed');
  };

  return {
    /** 200 `{reply, tokens}`; 502 when the upstream fails; 503 while the breaker is open. */
    async assist(userId: string, input: unknown): Promise<HttpResult> {
      const prompt = promptOf(input);
      const endTimer = metrics.aiLatency.startTimer();
      try {
        const key = cacheKey(userId, prompt);
        const hit = await cached(key);
        const completion = hit ?? (await fromUpstream(prompt, key));
        metrics.aiRequests.inc(1, { status: 'success' });
        logger.info('ai assist answered', { cached: hit !== undefined, ...completion.tokens });
        return { status: 200, body: completion };
      } catch (error) {
        return failed(error);
      } finally {
        endTimer();
      }
    },

    /** Stops the breaker's timers. */
    close(): void {
      breaker.shutdown();
    },
  };
}
