import { ErrorCode } from '@nlf/contract';
import { createLogger, type Logger } from '@nlf/kit';
import type { FastifyReply } from 'fastify';
import type { GatewayPlugin } from '../pipeline/gatewayPlugin';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rateLimit';
import { createSharedRateLimiter } from './sharedRateLimit';

export interface HttpLimitsOptions {
  /** Largest request body in bytes. Default: 100 000. */
  maxBodyBytes?: number;
  /** Most operations in one batched request. Default: 5. */
  maxBatch?: number;
  /** Per-identity rate limit. Default: 600 a minute, bursts of 100, the buckets in this process. */
  rateLimit?: RateLimitOptions;
  /** Where a shared rate limit says that Redis stopped or started answering. Default: service "gateway". */
  logger?: Logger;
}

export const DEFAULT_MAX_BODY_BYTES = 100_000;
export const DEFAULT_MAX_BATCH = 5;

function refuse(reply: FastifyReply, status: number, code: string, message: string, extensions: Record<string, unknown> = {}) {
  return reply.code(status).send({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/** Buckets in Redis when a URL is given, else in this process. */
function rateLimiterFor(options: HttpLimitsOptions): RateLimiter {
  const rateLimit = options.rateLimit ?? {};
  if (!rateLimit.redisUrl) return createRateLimiter(rateLimit);
  return createSharedRateLimiter({ ...rateLimit, redisUrl: rateLimit.redisUrl, logger: options.logger ?? createLogger({ service: 'gateway' }) });
}

/**
 * Limits checked on the HTTP request, before GraphQL sees it: body size (Fastify's body limit,
 * answered here as REQUEST_TOO_LARGE), batch size and a rate per identity (the token's subject, or
 * the address of an anonymous caller). Comes after authentication, which names the identity.
 */
export function useHttpLimits(options: HttpLimitsOptions = {}): GatewayPlugin {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  const limiter = rateLimiterFor(options);

  return {
    name: 'http limits',
    answerError: (error, _request, reply) => {
      if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return false;
      refuse(reply, 413, ErrorCode.REQUEST_TOO_LARGE, `The request body is larger than the limit of ${maxBodyBytes} bytes`, { limit: maxBodyBytes });
      return true;
    },
    close: () => limiter.close?.(),
    hooks: [{
      preHandler: async (request, reply) => {
        const viewer = request.viewer;
        const identity = viewer?.subject ? `sub:${viewer.subject}` : `ip:${request.ip}`;
        const decision = await limiter.take(identity);
        if (!decision.allowed) {
          reply.header('retry-after', String(decision.retryAfterSeconds));
          return refuse(reply, 429, ErrorCode.RATE_LIMITED, `Rate limit of ${limiter.perMinute} requests a minute exceeded; retry in ${decision.retryAfterSeconds} s`, {
            limitPerMinute: limiter.perMinute,
            retryAfterSeconds: decision.retryAfterSeconds,
          });
        }
        if (Array.isArray(request.body) && request.body.length > maxBatch) {
          return refuse(reply, 400, ErrorCode.BATCH_LIMIT_EXCEEDED, `The request batches ${request.body.length} operations; the limit is ${maxBatch}`, {
            limit: maxBatch,
            actual: request.body.length,
          });
        }
      },
    }],
  };
}
