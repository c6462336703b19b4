/**
 * One call's trip over the network: the bearer token, a generated `Idempotency-Key`, a
 * timeout per attempt, retries with exponential backoff and jitter, and one retry after
 * refreshing an access token the server refused. openapi-fetch builds the request (URL,
 * query, body) and parses the answer; this is the `fetch` it calls.
 */
import { NetworkError, TimeoutError, retryAfterSeconds } from "./errors.js";

/** How calls are retried. Only safe methods (`GET`, `HEAD`, `OPTIONS`) and requests with
 *  an `Idempotency-Key` are retried, on `429`, `503`, `409 idempotency_key_in_use` and
 *  network errors or timeouts. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 3; 1 turns retries off). */
  attempts: number;
  /** Backoff: before retry `n` wait a random time up to
   *  `min(maxDelayMs, baseDelayMs * 2^(n-1))` (default 300 ms). */
  baseDelayMs: number;
  /** Longest backoff wait (default 5,000 ms). */
  maxDelayMs: number;
  /** `Retry-After` is honoured up to this long (default 20,000 ms); a longer one is not
   *  waited for: the call fails with the answer, whose `retryAfter` says when to try. */
  maxRetryAfterMs: number;
}

/** Default {@link RetryOptions}. */
export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({
  attempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 20_000,
});

/** Default per-attempt timeout: until the response's headers arrive. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** What the transport needs from the session of a secured operation. */
export interface Bearer {
  /** The access token to send (refreshed first when about to expire), or `null`. */
  accessToken(): Promise<string | null>;
  /** After a `401` for `used`: a newer token to retry with, or `null` to give up. */
  afterUnauthorized(used: string | null): Promise<string | null>;
}

/** How one call is sent. */
export interface Trip {
  /** The fetch to use. */
  fetch: typeof globalThis.fetch;
  /** Whether the operation takes an `Idempotency-Key` (one is generated if absent). */
  idempotent: boolean;
  /** The key to send instead of a generated one. */
  idempotencyKey: string | undefined;
  /** Per-attempt timeout. */
  timeoutMs: number;
  /** Retry policy; `attempts: 1` for none. */
  retry: RetryOptions;
  /** The session, for secured operations. */
  bearer: Bearer | null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Sends `request` as `trip` says; resolves with the final response (a refused one too). */
export async function transmit(request: Request, trip: Trip): Promise<Response> {
  const method = request.method.toUpperCase();
  const signal = request.signal;
  const body = method === "GET" || method === "HEAD" ? undefined : await request.arrayBuffer();
  const headers = new Headers(request.headers);
  if (trip.idempotencyKey !== undefined) {
    headers.set("Idempotency-Key", trip.idempotencyKey);
  } else if (trip.idempotent && !headers.has("Idempotency-Key")) {
    // One key for every attempt of this call, so a retry is answered, not re-run.
    headers.set("Idempotency-Key", newIdempotencyKey());
  }
  const retryable = SAFE_METHODS.has(method) || headers.has("Idempotency-Key");
  let token = trip.bearer ? await trip.bearer.accessToken() : null;
  let refreshed = false;
  for (let attempt = 1; ; attempt++) {
    if (token !== null) headers.set("Authorization", `Bearer ${token}`);
    const init: RequestInit = { method, headers, redirect: "follow" };
    if (body !== undefined) init.body = body;
    let response: Response;
    try {
      response = await attemptOnce(trip.fetch, request.url, init, trip.timeoutMs, signal);
    } catch (error) {
      if (signal.aborted || !(error instanceof NetworkError)) throw error;
      if (!retryable || attempt >= trip.retry.attempts) throw error;
      await sleep(backoff(trip.retry, attempt), signal);
      continue;
    }
    if (response.status === 401 && trip.bearer && !refreshed) {
      refreshed = true;
      const next = await trip.bearer.afterUnauthorized(token);
      if (next !== null) {
        await discard(response);
        token = next;
        attempt--; // a retry with a refreshed token is not a failed attempt
        continue;
      }
      return response;
    }
    if (!retryable || attempt >= trip.retry.attempts || !(await isTransient(response))) {
      return response;
    }
    const retryAfter = retryAfterSeconds(response);
    if (retryAfter !== null && retryAfter * 1000 > trip.retry.maxRetryAfterMs) return response;
    await discard(response);
    await sleep(retryAfter !== null ? retryAfter * 1000 : backoff(trip.retry, attempt), signal);
  }
}

/** One attempt, aborted after `timeoutMs` or when `outer` aborts. */
async function attemptOnce(
  fetchFn: typeof globalThis.fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  outer: AbortSignal,
): Promise<Response> {
  if (outer.aborted) throw outer.reason;
  const controller = new AbortController();
  const onAbort = () => controller.abort(outer.reason);
  outer.addEventListener("abort", onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    return await fetchFn(url, { ...init, signal: controller.signal });
  } catch (error) {
    if (outer.aborted) throw outer.reason;
    if (timedOut) throw new TimeoutError(timeoutMs);
    throw new NetworkError(`request failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    outer.removeEventListener("abort", onAbort);
  }
}

/** Whether a retry may get a different answer: overload, rate limit, or a keyed request
 *  still running on the server. */
async function isTransient(response: Response): Promise<boolean> {
  if (response.status === 429 || response.status === 503) return true;
  if (response.status !== 409) return false;
  try {
    const problem = (await response.clone().json()) as { code?: unknown };
    return problem.code === "idempotency_key_in_use";
  } catch {
    return false;
  }
}

/** Full-jitter exponential backoff before retry number `attempt`. */
export function backoff(retry: RetryOptions, attempt: number): number {
  const cap = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
  return Math.random() * cap;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to release.
  }
}

/** A random UUID (v4), also where `crypto.randomUUID` is missing (insecure contexts). */
export function newIdempotencyKey(): string {
  if (typeof globalThis.crypto?.randomUUID === "function") return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
